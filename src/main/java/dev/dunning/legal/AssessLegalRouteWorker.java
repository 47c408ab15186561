package dev.dunning.legal;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Stage;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Enters the legal gate and gives the model what it routes on: today's outstanding amount (the threshold is a
 * condition in the model) and whether the debt is time-barred in the debtor's jurisdiction.
 */
@Component
public class AssessLegalRouteWorker {

    public static final String JOB_TYPE = "dunning.legal.assess";

    private final CaseTransactions cases;
    private final Timeline timeline;
    private final LimitationPeriods limitation;
    private final Clock clock;

    AssessLegalRouteWorker(CaseTransactions cases, Timeline timeline, LimitationPeriods limitation, Clock clock) {
        this.cases = cases;
        this.timeline = timeline;
        this.limitation = limitation;
        this.clock = clock;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public Map<String, Object> assess(@Variable("caseId") String caseId) {
        return cases.change(new CaseId(caseId), dunningCase -> {
            boolean timeBarred = limitation.hasExpired(dunningCase, LocalDate.now(clock));
            if (dunningCase.isOpen() && dunningCase.stage() != Stage.LEGAL_HANDOFF) {
                dunningCase.enterStage(Stage.LEGAL_HANDOFF);
                timeline.record(dunningCase.id(), "LEGAL_GATE", "outstanding " + dunningCase.outstanding()
                        + (timeBarred ? "; the debt is time-barred (" + limitation.describe(dunningCase) + "): no legal action" : ""));
            }
            return Map.<String, Object>of("outstandingAmount", dunningCase.outstanding().amount().doubleValue(),
                    "limitationExpired", timeBarred);
        });
    }
}
