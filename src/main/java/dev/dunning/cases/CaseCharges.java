package dev.dunning.cases;

import dev.dunning.cases.Offer.OfferStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The late-payment charges of a case today (or on the day it closed). Waiver rule: an accepted discount waives the
 * charges, as long as the discount stands; when its deadline is missed (offer DEADLINE_MISSED) they apply again.
 * Charges are claimed on top of the outstanding amount; payments settle the invoice amount first.
 */
@Component
public class CaseCharges {

    private final ChargeRules rules;
    private final JdbcClient jdbc;

    CaseCharges(ChargeRules rules, JdbcClient jdbc) {
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /** Empty when the decision table cannot be evaluated now (for example the engine is down). */
    public Optional<LatePaymentCharges.Charges> of(DunningCase c) {
        return rules.termsFor(c).map(terms -> {
            LocalDate asOf = c.closedAt() != null ? LocalDate.ofInstant(c.closedAt(), ZoneOffset.UTC)
                    : LocalDate.now(rules.clock());
            List<LatePaymentCharges.Payment> payments = jdbc.sql("SELECT paid_at, amount FROM payment WHERE case_id = :id ORDER BY paid_at")
                    .param("id", c.id().value())
                    .query((rs, i) -> new LatePaymentCharges.Payment(
                            LocalDate.ofInstant(rs.getTimestamp("paid_at").toInstant(), ZoneOffset.UTC), rs.getBigDecimal("amount")))
                    .list();
            LatePaymentCharges.Charges charges = LatePaymentCharges.compute(terms, c.amountDue(), c.dueDate(), payments, asOf);
            return waivedByDiscount(c) ? charges.waive() : charges;
        });
    }

    static boolean waivedByDiscount(DunningCase c) {
        Offer o = c.offer();
        return o != null && o.status() == OfferStatus.ACCEPTED && o.acceptedOption() == OfferOption.DISCOUNT;
    }
}
