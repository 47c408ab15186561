package dev.dunning.offers;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Offer.OfferStatus;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Records that an offer lapsed unaccepted, or that an accepted discount was not paid in time (header {@code reason}). */
@Component
public class LapseOfferWorker {

    public static final String JOB_TYPE = "dunning.offer.lapse";
    private static final Map<String, Object> NOT_ACCEPTED = Map.of("acceptedMeanwhile", false);

    private final CaseTransactions cases;
    private final Timeline timeline;

    LapseOfferWorker(CaseTransactions cases, Timeline timeline) {
        this.cases = cases;
        this.timeline = timeline;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public Map<String, Object> lapse(@Variable("caseId") String caseId, @CustomHeaders Map<String, String> headers) {
        OfferStatus reason = OfferStatus.valueOf(headers.getOrDefault("reason", "LAPSED"));
        return cases.change(new CaseId(caseId), dunningCase -> {
            // paid (or closed) while the timer fired: the offer's history stays as it was, no charges come back
            if (!dunningCase.isActive()) return NOT_ACCEPTED;
            // The debtor accepted just before the offer ran out, but the acceptance message reached the engine after
            // the validity timer: the acceptance stands, and the model takes the accepted path.
            if (reason == OfferStatus.LAPSED && dunningCase.offer() != null && dunningCase.offer().status() == OfferStatus.ACCEPTED) {
                Map<String, Object> accepted = new java.util.HashMap<>(OfferAcceptance.processVariables(dunningCase));
                accepted.put("acceptedMeanwhile", true);
                return accepted;
            }
            if (dunningCase.offer() == null || dunningCase.offer().status() == reason) return NOT_ACCEPTED;
            dunningCase.lapseOffer(reason);
            timeline.record(dunningCase.id(), "OFFER_" + reason, reason == OfferStatus.LAPSED
                    ? "the offer lapsed without being accepted" : "the discounted amount was not paid by the deadline");
            return NOT_ACCEPTED;
        });
    }
}
