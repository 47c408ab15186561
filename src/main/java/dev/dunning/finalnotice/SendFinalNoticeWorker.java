package dev.dunning.finalnotice;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Stage;
import dev.dunning.communications.Communications;
import dev.dunning.communications.Purpose;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** The final notice, sent to the contact that skip trace found: a letter, and an email when one is known. */
@Component
public class SendFinalNoticeWorker {

    public static final String JOB_TYPE = "dunning.final-notice.send";

    private final CaseTransactions cases;
    private final Communications communications;

    SendFinalNoticeWorker(CaseTransactions cases, Communications communications) {
        this.cases = cases;
        this.communications = communications;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public void sendFinalNotice(@Variable("caseId") String caseId) {
        cases.change(new CaseId(caseId), dunningCase -> {
            if (!dunningCase.isOpen()) return 0;
            dunningCase.enterStage(Stage.FINAL_NOTICE);
            return communications.queue(dunningCase, Purpose.FINAL_NOTICE);
        });
    }
}
