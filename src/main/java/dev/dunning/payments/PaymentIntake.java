package dev.dunning.payments;

import dev.dunning.cases.CaseNotFoundException;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.DunningCases;
import dev.dunning.cases.Money;
import dev.dunning.cases.Timeline;
import dev.dunning.engine.EngineMessages;
import dev.dunning.outreach.TaskCompletion;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes payments from the billing system. The payment reference is the idempotency key: the same reference again
 * is counted once. A payment that settles the case closes it as PAID and tells the process, which then stops.
 */
@Service
public class PaymentIntake {

    public record Receipt(String paymentId, String caseId, Money outstanding, boolean duplicate) {}

    public static class CurrencyMismatch extends RuntimeException {
        CurrencyMismatch(String expected) {
            super("the case is in " + expected);
        }
    }

    /** The reference was used before for another payment: another invoice, amount or currency. */
    public static class ReferenceConflict extends RuntimeException {
        ReferenceConflict(String reference) {
            super("payment reference " + reference + " was already used for a different payment");
        }
    }

    private record Known(String id, String caseId, java.math.BigDecimal amount, String currency) {}

    private final DunningCases cases;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final EngineMessages engine;
    private final TaskCompletion tasks;
    private final Clock clock;

    PaymentIntake(DunningCases cases, JdbcClient jdbc, Timeline timeline, EngineMessages engine, TaskCompletion tasks, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.engine = engine;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Transactional
    public Receipt receive(String invoiceNumber, Money amount, String reference, Instant paidAt) {
        String caseId = cases.findByInvoiceNumber(invoiceNumber).map(c -> c.id().value())
                .orElseThrow(() -> new CaseNotFoundException("for invoice " + invoiceNumber));
        DunningCase dunningCase = cases.lockAndGet(new dev.dunning.cases.CaseId(caseId));
        // read the reference only after taking the lock, so two requests with it cannot both pass
        Optional<Known> known = jdbc.sql("SELECT id, case_id, amount, currency FROM payment WHERE reference = :reference")
                .param("reference", reference).query(Known.class).optional();
        if (known.isPresent()) {
            Known k = known.get();
            boolean samePayment = k.caseId().equals(caseId) && k.amount().compareTo(amount.amount()) == 0
                    && k.currency().equals(amount.currency().getCurrencyCode());
            if (!samePayment) throw new ReferenceConflict(reference);
            return new Receipt(k.id(), caseId, dunningCase.outstanding(), true);
        }
        if (!amount.currency().equals(dunningCase.currency())) throw new CurrencyMismatch(dunningCase.currency().getCurrencyCode());

        Instant now = clock.instant();
        String paymentId = UUID.randomUUID().toString();
        try {
            jdbc.sql("""
                    INSERT INTO payment (id, case_id, reference, amount, currency, paid_at, received_at)
                    VALUES (:id, :caseId, :reference, :amount, :currency, :paidAt, :now)""")
                    .param("id", paymentId).param("caseId", caseId).param("reference", reference)
                    .param("amount", amount.amount()).param("currency", amount.currency().getCurrencyCode())
                    .param("paidAt", Timestamp.from(paidAt != null ? paidAt : now)).param("now", Timestamp.from(now))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the same reference taken at this moment for another case (the case lock serialises this case's own)
            throw new ReferenceConflict(reference);
        }
        boolean wasActive = dunningCase.isActive();
        DunningCase.PaymentEffect effect = dunningCase.applyPayment(amount, now);
        cases.save(dunningCase);
        timeline.record(dunningCase.id(), "PAYMENT_RECEIVED", amount + " (reference " + reference + "), outstanding "
                + effect.outstanding());
        if (effect.settled() && wasActive) {
            timeline.record(dunningCase.id(), "CASE_PAID", effect.settledByDiscount()
                    ? "settled with the offered discount of " + dunningCase.offer().discountPercent() + " %" : "paid in full");
            tasks.cancelOpenTasks(dunningCase.id());
            engine.toCase(dunningCase.id(), EngineMessages.CASE_PAID, Map.of());
        }
        return new Receipt(paymentId, caseId, effect.outstanding(), false);
    }
}
