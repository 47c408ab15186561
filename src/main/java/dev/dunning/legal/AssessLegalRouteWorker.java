package dev.dunning.legal;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Stage;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Enters the legal gate and gives the model today's outstanding amount; the threshold is a condition in the model. */
@Component
public class AssessLegalRouteWorker {

    public static final String JOB_TYPE = "dunning.legal.assess";

    private final CaseTransactions cases;
    private final Timeline timeline;

    AssessLegalRouteWorker(CaseTransactions cases, Timeline timeline) {
        this.cases = cases;
        this.timeline = timeline;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public Map<String, Object> assess(@Variable("caseId") String caseId) {
        double outstanding = cases.change(new CaseId(caseId), dunningCase -> {
            if (dunningCase.isOpen() && dunningCase.stage() != Stage.LEGAL_HANDOFF) {
                dunningCase.enterStage(Stage.LEGAL_HANDOFF);
                timeline.record(dunningCase.id(), "LEGAL_GATE", "outstanding " + dunningCase.outstanding());
            }
            return dunningCase.outstanding().amount().doubleValue();
        });
        return Map.of("outstandingAmount", outstanding);
    }
}
