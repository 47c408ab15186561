package dev.dunning.offers;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Instalment;
import dev.dunning.communications.Communications;
import dev.dunning.communications.Purpose;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reminds the debtor of an instalment before it is due (the model decides when), unless it is already paid. */
@Component
public class SendInstalmentReminderWorker {

    public static final String JOB_TYPE = "dunning.instalment.remind";

    private final CaseTransactions cases;
    private final Communications communications;

    SendInstalmentReminderWorker(CaseTransactions cases, Communications communications) {
        this.cases = cases;
        this.communications = communications;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"caseId", "instalment"})
    public void remind(@Variable("caseId") String caseId, @Variable("instalment") Map<String, Object> instalment) {
        int number = ((Number) instalment.get("number")).intValue();
        cases.change(new CaseId(caseId), dunningCase -> {
            boolean open = dunningCase.instalments().stream()
                    .anyMatch(i -> i.number() == number && i.status() != Instalment.InstalmentStatus.PAID);
            if (!dunningCase.isOpen() || !open) return 0;
            return communications.queue(dunningCase, Purpose.INSTALMENT_REMINDER, number);
        });
    }
}
