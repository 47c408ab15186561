package dev.dunning.offers;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Timeline;
import dev.dunning.communications.Communications;
import dev.dunning.communications.Purpose;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Makes the incentive offer with the terms the offer decision (DMN {@code offer-terms}) chose, and sends it. A
 * redelivered job finds the offer already made and answers with the same deadline.
 */
@Component
public class SendOfferWorker {

    public static final String JOB_TYPE = "dunning.offer.send";

    /**
     * The DMN result: percentages, counts and ISO-8601 durations, all model data. {@code minInstalmentAmount}
     * (optional) caps the number of instalments so that none is smaller; fewer than two leaves no plan.
     */
    public record OfferTerms(BigDecimal discountPercent, String discountPayWithin, int instalmentCount,
                             String instalmentInterval, String validFor, BigDecimal minInstalmentAmount) {

        public OfferTerms(BigDecimal discountPercent, String discountPayWithin, int instalmentCount,
                          String instalmentInterval, String validFor) {
            this(discountPercent, discountPayWithin, instalmentCount, instalmentInterval, validFor, null);
        }

        /** The number of instalments for this outstanding amount, honouring the minimum instalment amount. */
        public int instalmentsFor(BigDecimal outstanding) {
            int count = instalmentCount;
            if (minInstalmentAmount != null && minInstalmentAmount.signum() > 0) {
                int affordable = outstanding.divide(minInstalmentAmount, 0, java.math.RoundingMode.DOWN).intValue();
                count = Math.min(count, affordable);
            }
            return count >= 2 ? count : 0;
        }
    }

    private final CaseTransactions cases;
    private final Communications communications;
    private final Timeline timeline;
    private final Clock clock;

    SendOfferWorker(CaseTransactions cases, Communications communications, Timeline timeline, Clock clock) {
        this.cases = cases;
        this.communications = communications;
        this.timeline = timeline;
        this.clock = clock;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"caseId", "offerTerms"})
    public Map<String, Object> sendOffer(@Variable("caseId") String caseId, @Variable("offerTerms") OfferTerms terms) {
        Instant validUntil = cases.change(new CaseId(caseId), dunningCase -> {
            if (dunningCase.offer() != null) return dunningCase.offer().validUntil();
            if (!dunningCase.isOpen()) return clock.instant();
            Instant now = clock.instant();
            Instant until = now.atZone(ZoneOffset.UTC).plus(Period.parse(terms.validFor())).toInstant();
            dunningCase.makeOffer(terms.discountPercent(), Period.parse(terms.discountPayWithin()),
                    terms.instalmentsFor(dunningCase.outstanding().amount()),
                    terms.instalmentInterval(), until, LocalDate.now(clock));
            timeline.record(dunningCase.id(), "OFFER_MADE", describe(dunningCase.offer()));
            communications.queue(dunningCase, Purpose.OFFER);
            return until;
        });
        return Map.of("offerValidUntil", validUntil.toString());
    }

    private static String describe(dev.dunning.cases.Offer offer) {
        StringBuilder s = new StringBuilder();
        if (offer.offersDiscount()) {
            s.append("pay ").append(offer.discountAmount().toPlainString()).append(" (").append(offer.discountPercent())
                    .append(" % off) by ").append(offer.discountDueDate());
        }
        if (offer.offersInstalments()) {
            if (!s.isEmpty()) s.append(", or ");
            s.append(offer.instalmentCount()).append(" instalments every ").append(offer.instalmentInterval());
        }
        return s.append("; valid until ").append(offer.validUntil()).toString();
    }
}
