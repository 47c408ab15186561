package dev.dunning.process;

import static dev.dunning.support.DunningApi.purposes;
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
class FullEscalationStoryTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void unpaidCaseWalksEveryStageIntoLegal() {
        // given an overdue invoice of 120.00 EUR
        String caseId = api.openCase(DunningApi.caseRequest("D-LEGAL-1", "120.00")).get("caseId").asText();
        api.awaitCase(caseId, c -> purposes(c).contains("REMINDER_1"));
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Timer_Reminder2Due"));

        // when a week passes: the firm reminder goes out by email and SMS
        api.advanceClock("P7D");
        JsonNode c = api.awaitCase(caseId, x -> purposes(x).contains("REMINDER_2"));
        assertThat(c.get("communications").findValuesAsText("channel")).containsExactly("EMAIL", "EMAIL", "SMS");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Timer_OfferDue"));

        // and another week: the incentive offer with the default terms from the DMN
        api.advanceClock("P7D");
        c = api.awaitCase(caseId, x -> "INCENTIVE_OFFER".equals(x.get("stage").asText()) && purposes(x).contains("OFFER"));
        assertThat(c.at("/offer/options/0/amount/amount").asText()).isEqualTo("114.00");
        assertThat(c.at("/offer/options/1/instalments").asInt()).isEqualTo(3);
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Gateway_AwaitOfferResponse"));

        // the offer lapses: an account manager must call
        api.advanceClock("P11D");
        String call = api.awaitOpenTask(caseId, "OUTREACH_CALL");
        assertThat(api.getCase(caseId).at("/offer/status").asText()).isEqualTo("LAPSED");

        // the debtor refuses: skip trace finds a new contact and the final notice goes to it
        assertThat(api.completeTask(call, Map.of("outcome", "REFUSED")).getStatusCode().value()).isEqualTo(200);
        c = api.awaitCase(caseId, x -> purposes(x).contains("FINAL_NOTICE"));
        assertThat(c.at("/debtor/email").asText()).isEqualTo("dlegal1@found.example");
        assertThat(c.get("stage").asText()).isEqualTo("FINAL_NOTICE");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Timer_FinalNoticeDue"));

        // ten days unpaid: legal approval, approved, handed over
        api.advanceClock("P10D");
        String approval = api.awaitOpenTask(caseId, "LEGAL_APPROVAL");
        api.completeTask(approval, Map.of("outcome", "APPROVED"));
        c = api.awaitCase(caseId, x -> "IN_LEGAL".equals(x.get("status").asText()));

        // then the case is in legal, the process waits for the partner's acknowledgement, and every step is on the timeline
        assertThat(c.get("stage").asText()).isEqualTo("LEGAL_HANDOFF");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Receive_LegalAcknowledgement"));
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence(
                "Task_SendReminder1", "Task_SendReminder2", "Task_DecideOfferTerms", "Task_SendOffer",
                "Task_RecordOfferLapsed", "Task_OpenOutreachCall", "Task_RequestSkipTrace", "Task_SendFinalNotice",
                "Task_AssessLegalRoute", "Task_OpenLegalApproval", "Task_HandOverToLegal");
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("CASE_OPENED", "OFFER_MADE", "OFFER_LAPSED",
                "TASK_OPENED", "SKIP_TRACE_REQUESTED", "CONTACT_UPDATED", "LEGAL_GATE", "HANDED_TO_LEGAL");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }
}
