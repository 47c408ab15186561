package dev.dunning.reminders;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Stage;
import dev.dunning.communications.Communications;
import dev.dunning.communications.Purpose;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Sends a payment reminder; which one (REMINDER_1 friendly, REMINDER_2 firm) is the task header {@code purpose}. */
@Component
public class SendReminderWorker {

    public static final String JOB_TYPE = "dunning.reminder.send";

    private final CaseTransactions cases;
    private final Communications communications;

    SendReminderWorker(CaseTransactions cases, Communications communications) {
        this.cases = cases;
        this.communications = communications;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public void sendReminder(@Variable("caseId") String caseId, @CustomHeaders Map<String, String> headers) {
        Purpose purpose = Purpose.valueOf(headers.getOrDefault("purpose", "missing header 'purpose'"));
        cases.change(new CaseId(caseId), dunningCase -> {
            if (!dunningCase.isOpen()) return 0; // paid or paused meanwhile: nothing reaches the debtor
            dunningCase.enterStage(Stage.REMINDER);
            return communications.queue(dunningCase, purpose);
        });
    }
}
