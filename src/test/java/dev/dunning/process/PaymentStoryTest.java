package dev.dunning.process;

import static dev.dunning.support.DunningApi.purposes;
import static dev.dunning.support.DunningApi.awaitWaitingAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.EngineRecords;
import dev.dunning.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class PaymentStoryTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void paidCaseFallsSilent() {
        // given a case whose friendly reminder went out and which waits for the firm one
        JsonNode opened = api.openCase(DunningApi.caseRequest("D-PAID-1", "120.00"));
        String caseId = opened.get("caseId").asText();
        api.awaitCase(caseId, c -> purposes(c).contains("REMINDER_1"));
        awaitWaitingAt(caseId, "Timer_Reminder2Due");

        // when the debtor pays in full
        api.pay(opened.get("invoiceNumber").asText(), "120.00", "PAY-" + UUID.randomUUID());

        // then the case is paid and closed, and the process stopped through the paid event
        JsonNode c = api.awaitCase(caseId, x -> "PAID".equals(x.get("status").asText()));
        assertThat(c.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(c.at("/outstanding/amount").asText()).isEqualTo("0.00");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.hasEnded(caseId));
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_SendReminder1", "Start_CasePaid", "End_Paid");
        assertThat(EngineRecords.completedElements(caseId)).doesNotContain("Timer_Reminder2Due");
        assertThat(EngineRecords.isWaitingAt(caseId, "Timer_Reminder2Due")).isFalse();

        // and two months later nothing more was sent and no work was opened
        api.advanceClock("P30D");
        api.advanceClock("P30D");
        c = api.getCase(caseId);
        assertThat(purposes(c)).containsOnly("REMINDER_1");
        assertThat(c.get("tasks")).isEmpty();
        assertThat(c.get("status").asText()).isEqualTo("PAID");
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("CASE_OPENED", "PAYMENT_RECEIVED", "CASE_PAID");
        assertThat(EngineRecords.completedElements(caseId)).doesNotContain("Task_SendReminder2");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void partialPaymentLowersOutstandingAndEscalationGoesOn() {
        // given a case of 120.00 waiting for the firm reminder
        JsonNode opened = api.openCase(DunningApi.caseRequest("D-PART-1", "120.00"));
        String caseId = opened.get("caseId").asText();
        api.awaitCase(caseId, c -> purposes(c).contains("REMINDER_1"));
        awaitWaitingAt(caseId, "Timer_Reminder2Due");

        // when the debtor pays 20.00 of it
        JsonNode receipt = api.pay(opened.get("invoiceNumber").asText(), "20.00", "PAY-" + UUID.randomUUID());

        // then 100.00 remain outstanding and the case stays open at the reminders
        JsonNode c = api.awaitCase(caseId, x -> "100.00".equals(x.at("/outstanding/amount").asText()));
        assertThat(c.get("status").asText()).isEqualTo("OPEN");
        assertThat(c.get("stage").asText()).isEqualTo("REMINDER");
        assertThat(DunningApi.timelineTypes(c)).contains("PAYMENT_RECEIVED").doesNotContain("CASE_PAID");
        assertThat(EngineRecords.hasEnded(caseId)).isFalse();
        assertThat(EngineRecords.isWaitingAt(caseId, "Timer_Reminder2Due")).isTrue();

        // and when a week passes the firm reminder still goes out
        api.advanceClock("P7D");
        c = api.awaitCase(caseId, x -> purposes(x).contains("REMINDER_2"));
        assertThat(c.get("status").asText()).isEqualTo("OPEN");
        assertThat(c.at("/outstanding/amount").asText()).isEqualTo("100.00");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Timer_OfferDue"));
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_SendReminder1", "Timer_Reminder2Due",
                "Task_SendReminder2").doesNotContain("Start_CasePaid");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

}
