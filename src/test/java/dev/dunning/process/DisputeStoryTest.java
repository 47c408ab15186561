package dev.dunning.process;

import static dev.dunning.support.DunningApi.purposes;
import static dev.dunning.support.DunningApi.awaitWaitingAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.EngineRecords;
import dev.dunning.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class DisputeStoryTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void disputeUpheldCancelsTheCase() {
        // given a case in the reminders, waiting for the firm reminder
        String caseId = api.openCase(DunningApi.caseRequest("D-DISP-1", "120.00")).get("caseId").asText();
        api.awaitCase(caseId, c -> purposes(c).contains("REMINDER_1"));
        awaitWaitingAt(caseId, "Timer_Reminder2Due");

        // when the debtor disputes the invoice and the review upholds the dispute
        String review = raiseDispute(caseId);
        assertThat(api.getCase(caseId).get("status").asText()).isEqualTo("PAUSED");
        assertThat(api.completeTask(review, Map.of("outcome", "UPHELD")).getStatusCode().value()).isEqualTo(200);

        // then the case is cancelled and the process ended there
        JsonNode c = api.awaitCase(caseId, x -> "CANCELLED".equals(x.get("status").asText()));
        assertThat(c.get("stage").asText()).isEqualTo("CLOSED");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.hasEnded(caseId));
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_SendReminder1", "Boundary_DisputeRaised",
                "Task_OpenDisputeReview", "Receive_DisputeDecision", "Task_ResolveDispute", "Gateway_DisputeOutcome", "End_Cancelled");
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("CASE_OPENED", "DISPUTE_RAISED", "TASK_OPENED",
                "TASK_COMPLETED", "CASE_CANCELLED");

        // and a week later no firm reminder went out
        api.advanceClock("P7D");
        c = api.getCase(caseId);
        assertThat(purposes(c)).containsOnly("REMINDER_1");
        assertThat(c.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void aDisputeDuringOutreachWithdrawsTheOpenCallAndARejectionOpensAFreshOne() {
        // given a case whose account manager has an open call task
        String caseId = api.openCase(DunningApi.caseRequest("D-DISP-3", "120.00")).get("caseId").asText();
        String call = api.walkToOutreach(caseId);

        // when the debtor disputes the invoice
        String review = raiseDispute(caseId);

        // then the call is withdrawn: nobody can record a promise on a paused case's old task
        JsonNode tasks = api.get("ops", "/api/tasks?caseId=" + caseId + "&type=OUTREACH_CALL").getBody();
        assertThat(tasks.findValuesAsText("status")).containsExactly("CANCELLED");
        assertThat(api.completeTask(call, Map.of("outcome", "PROMISE_TO_PAY", "promisedDate",
                dev.dunning.support.SharedEngineHygiene.appToday().plusDays(5).toString())).getStatusCode().value()).isEqualTo(409);

        // and when the review rejects the dispute, outreach resumes with one fresh call task
        assertThat(api.completeTask(review, Map.of("outcome", "REJECTED")).getStatusCode().value()).isEqualTo(200);
        String fresh = api.awaitOpenTask(caseId, "OUTREACH_CALL");
        assertThat(fresh).isNotEqualTo(call);
    }

    @Test
    void rejectedDisputeResumesTheEscalation() {
        // given a case in the reminders whose debtor disputes the invoice
        String caseId = api.openCase(DunningApi.caseRequest("D-DISP-2", "120.00")).get("caseId").asText();
        api.awaitCase(caseId, c -> purposes(c).contains("REMINDER_1"));
        awaitWaitingAt(caseId, "Timer_Reminder2Due");
        String review = raiseDispute(caseId);

        // when the review rejects the dispute
        assertThat(api.completeTask(review, Map.of("outcome", "REJECTED")).getStatusCode().value()).isEqualTo(200);

        // then the case is open again and the escalation waits for the firm reminder once more
        JsonNode c = api.awaitCase(caseId, x -> DunningApi.timelineTypes(x).contains("CASE_RESUMED"));
        assertThat(c.get("status").asText()).isEqualTo("OPEN");
        assertThat(c.get("stage").asText()).isEqualTo("REMINDER");
        awaitWaitingAt(caseId, "Timer_Reminder2Due");
        assertThat(EngineRecords.hasEnded(caseId)).isFalse();

        // and a week later the firm reminder goes out, while the friendly one was not sent twice
        api.advanceClock("P7D");
        c = api.awaitCase(caseId, x -> purposes(x).contains("REMINDER_2"));
        assertThat(purposes(c).stream().filter("REMINDER_1"::equals).count()).isEqualTo(1);
        assertThat(c.get("status").asText()).isEqualTo("OPEN");
        awaitWaitingAt(caseId, "Timer_OfferDue");
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Boundary_DisputeRaised", "Task_ResolveDispute",
                "Gateway_DisputeOutcome", "Task_SendReminder2").doesNotContain("End_Cancelled");
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("DISPUTE_RAISED", "TASK_COMPLETED", "CASE_RESUMED");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    private String raiseDispute(String caseId) {
        assertThat(api.post("integrator", "/api/dunning-cases/" + caseId + "/disputes",
                Map.of("reason", "the goods never arrived")).getStatusCode().value()).isEqualTo(202);
        return api.awaitOpenTask(caseId, "DISPUTE_REVIEW");
    }

}
