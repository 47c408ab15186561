package dev.dunning.offers;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Instalment.InstalmentStatus;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** After an instalment's grace period: paid, or missed (which breaks the plan in the model). */
@Component
public class CheckInstalmentWorker {

    public static final String JOB_TYPE = "dunning.instalment.check";

    private final CaseTransactions cases;
    private final Timeline timeline;

    CheckInstalmentWorker(CaseTransactions cases, Timeline timeline) {
        this.cases = cases;
        this.timeline = timeline;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"caseId", "instalment"})
    public Map<String, Object> check(@Variable("caseId") String caseId, @Variable("instalment") Map<String, Object> instalment) {
        int number = ((Number) instalment.get("number")).intValue();
        boolean paid = cases.change(new CaseId(caseId), dunningCase -> {
            boolean missedBefore = dunningCase.instalments().stream()
                    .anyMatch(i -> i.number() == number && i.status() == InstalmentStatus.MISSED);
            boolean wasPaid = dunningCase.checkInstalment(number);
            if (!wasPaid && !missedBefore) timeline.record(dunningCase.id(), "INSTALMENT_MISSED", "instalment " + number + " was not paid in time");
            return wasPaid;
        });
        return Map.of("instalmentPaid", paid);
    }
}
