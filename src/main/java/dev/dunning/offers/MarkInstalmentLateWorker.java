package dev.dunning.offers;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The instalment's due date passed unpaid: it is LATE during the grace period the model allows before MISSED. */
@Component
public class MarkInstalmentLateWorker {

    public static final String JOB_TYPE = "dunning.instalment.mark-late";

    private final CaseTransactions cases;
    private final Timeline timeline;

    MarkInstalmentLateWorker(CaseTransactions cases, Timeline timeline) {
        this.cases = cases;
        this.timeline = timeline;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"caseId", "instalment"})
    public void markLate(@Variable("caseId") String caseId, @Variable("instalment") Map<String, Object> instalment) {
        int number = ((Number) instalment.get("number")).intValue();
        cases.change(new CaseId(caseId), dunningCase -> {
            if (dunningCase.isActive() && dunningCase.markInstalmentLate(number)) {
                timeline.record(dunningCase.id(), "INSTALMENT_LATE", "instalment " + number + " is past its due date and unpaid");
            }
            return null;
        });
    }
}
