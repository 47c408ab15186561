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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class OfferStoryTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void instalmentsSettleTheCase() {
        // given a case of 120.00 that reached the incentive offer
        JsonNode opened = api.openCase(DunningApi.caseRequest("D-INST-1", "120.00"));
        String caseId = opened.get("caseId").asText();
        String invoice = opened.get("invoiceNumber").asText();
        api.walkToOffer(caseId);

        // when the debtor accepts the instalment plan
        assertThat(accept(caseId, "INSTALMENTS")).isEqualTo(202);

        // then three instalments of 40.00 are due, a month apart, and the plan runs
        JsonNode c = api.awaitCase(caseId, x -> x.get("instalments").size() == 3);
        assertThat(c.get("instalments").findValues("amount").stream().map(a -> a.get("amount").asText()).toList())
                .containsExactly("40.00", "40.00", "40.00");
        assertThat(c.get("instalments").findValuesAsText("status")).containsExactly("OPEN", "OPEN", "OPEN");
        assertThat(c.at("/offer/accepted").asText()).isEqualTo("INSTALMENTS");
        awaitWaitingAt(caseId, "Timer_ReminderDue");

        // when the debtor pays 40.00 each month
        api.pay(invoice, "40.00", "PAY-" + UUID.randomUUID());
        api.awaitCase(caseId, x -> "PAID".equals(x.at("/instalments/0/status").asText()));
        api.advanceClock("P30D");
        api.pay(invoice, "40.00", "PAY-" + UUID.randomUUID());
        api.awaitCase(caseId, x -> "PAID".equals(x.at("/instalments/1/status").asText()));
        // the first instalment's timers are running: its due date, or already its grace period (months differ in length)
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Timer_DueDatePassed")
                || EngineRecords.isWaitingAt(caseId, "Timer_GraceOver"));
        api.advanceClock("P30D");
        api.pay(invoice, "40.00", "PAY-" + UUID.randomUUID());

        // then every instalment is paid, the case is paid and the process ended
        c = api.awaitCase(caseId, x -> "PAID".equals(x.get("status").asText()));
        assertThat(c.get("instalments").findValuesAsText("status")).containsExactly("PAID", "PAID", "PAID");
        assertThat(c.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(c.at("/outstanding/amount").asText()).isEqualTo("0.00");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.hasEnded(caseId));
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_SendOffer", "Msg_OfferAccepted_Catch",
                "Gateway_AcceptedOption").contains("End_Paid").doesNotContain("Task_OpenOutreachCall", "Timer_OfferLapsed");
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("OFFER_MADE", "OFFER_ACCEPTED", "PAYMENT_RECEIVED",
                "PAYMENT_RECEIVED", "PAYMENT_RECEIVED", "CASE_PAID").doesNotContain("INSTALMENT_MISSED");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void instalmentsSplitTheRemainderIntoTheLastOne() {
        // given a case of 100.00 at the offer
        String caseId = api.openCase(DunningApi.caseRequest("D-INST-2", "100.00")).get("caseId").asText();
        api.walkToOffer(caseId);

        // when the debtor accepts the instalments
        assertThat(accept(caseId, "INSTALMENTS")).isEqualTo(202);

        // then the cents left over go into the last instalment
        JsonNode c = api.awaitCase(caseId, x -> x.get("instalments").size() == 3);
        assertThat(c.get("instalments").findValues("amount").stream().map(a -> a.get("amount").asText()).toList())
                .containsExactly("33.33", "33.33", "33.34");
        awaitWaitingAt(caseId, "Timer_ReminderDue");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void anInvoiceHalfAYearOverdueIsOfferedTheBiggerDiscount() {
        // given an invoice of 120.00 that fell due 170 days ago: 184 days overdue when the offer is made two weeks later
        Map<String, Object> request = new java.util.HashMap<>(DunningApi.caseRequest("D-OLD-1", "120.00"));
        request.put("dueDate", dev.dunning.support.SharedEngineHygiene.appToday().minusDays(170).toString());
        String caseId = api.openCase(request).get("caseId").asText();

        // when it reaches the incentive offer
        api.walkToOffer(caseId);

        // then the offer rules' long-overdue band applies: 10 % off (108.00), or the usual 3 monthly instalments
        JsonNode discount = api.getCase(caseId).at("/offer/options/0");
        assertThat(discount.get("option").asText()).isEqualTo("DISCOUNT");
        assertThat(discount.at("/amount/amount").asText()).isEqualTo("108.00");
        assertThat(api.getCase(caseId).at("/offer/options/1/instalments").asInt()).isEqualTo(3);
    }

    @Test
    void discountPaidInTimeClosesThePaidCase() {
        // given a case of 120.00 at the offer, 5 % off within 10 days
        JsonNode opened = api.openCase(DunningApi.caseRequest("D-DISC-1", "120.00"));
        String caseId = opened.get("caseId").asText();
        api.walkToOffer(caseId);

        // when the debtor accepts the discount and pays 114.00
        assertThat(accept(caseId, "DISCOUNT")).isEqualTo(202);
        awaitWaitingAt(caseId, "Timer_DiscountDeadline");
        api.pay(opened.get("invoiceNumber").asText(), "114.00", "PAY-" + UUID.randomUUID());

        // then the case is paid by the discount and the process ended
        JsonNode c = api.awaitCase(caseId, x -> "PAID".equals(x.get("status").asText()));
        assertThat(c.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(c.at("/outstanding/amount").asText()).isEqualTo("0.00");
        assertThat(c.at("/offer/accepted").asText()).isEqualTo("DISCOUNT");
        assertThat(c.get("timeline").findValues("type").stream().anyMatch(t -> t.asText().equals("CASE_PAID"))).isTrue();
        String paidDetail = null;
        for (JsonNode e : c.get("timeline")) {
            if ("CASE_PAID".equals(e.get("type").asText())) paidDetail = e.get("detail").asText();
        }
        assertThat(paidDetail).containsIgnoringCase("discount");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.hasEnded(caseId));
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Msg_OfferAccepted_Catch", "Gateway_AcceptedOption",
                "End_Paid").doesNotContain("Timer_DiscountDeadline", "Task_RecordDiscountMissed", "CallActivity_InstalmentPlan");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void missedInstalmentReturnsToOutreach() {
        // given a case at the offer whose debtor accepts the instalments
        String caseId = api.openCase(DunningApi.caseRequest("D-MISS-1", "120.00")).get("caseId").asText();
        api.walkToOffer(caseId);
        assertThat(accept(caseId, "INSTALMENTS")).isEqualTo(202);
        api.awaitCase(caseId, x -> x.get("instalments").size() == 3);
        awaitWaitingAt(caseId, "Timer_ReminderDue");

        // when nothing is paid and the first due date plus its five days of grace pass
        // (one month is up to 31 days, due at the end of that day, plus 5 days: 37 days are past it for any month)
        api.advanceClock("P37D");

        // then the first instalment is missed and an account manager must call
        String call = api.awaitOpenTask(caseId, "OUTREACH_CALL");
        assertThat(call).isNotBlank();
        JsonNode c = api.awaitCase(caseId, x -> "MISSED".equals(x.at("/instalments/0/status").asText()));
        assertThat(c.get("status").asText()).isEqualTo("OPEN");
        assertThat(c.at("/instalments/1/status").asText()).isEqualTo("OPEN");
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("OFFER_ACCEPTED", "INSTALMENT_MISSED", "TASK_OPENED");
        assertThat(DunningApi.purposes(c)).contains("INSTALMENT_REMINDER"); // reminded 3 days before it fell due
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Receive_OutreachOutcome"));
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Timer_ReminderDue", "Task_SendInstalmentReminder",
                "Timer_GraceOver", "Task_CheckInstalment",
                "Boundary_InstalmentMissed", "Gateway_JoinOutreach", "Task_OpenOutreachCall");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void anOfferAcceptedJustBeforeItRunsOutStands() {
        // given a case at the offer
        String caseId = api.openCase(DunningApi.caseRequest("D-RACE-1", "120.00")).get("caseId").asText();
        api.walkToOffer(caseId);

        // when the debtor accepts and, at once, the offer's validity runs out (the acceptance message may reach the
        // engine before or after the validity timer fires)
        assertThat(accept(caseId, "INSTALMENTS")).isEqualTo(202);
        api.advanceClock("P11D");

        // then either way the plan runs: no outreach call, the offer stays accepted
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.activatedElements(caseId).contains("CallActivity_InstalmentPlan"));
        JsonNode c = api.getCase(caseId);
        assertThat(c.at("/offer/status").asText()).isEqualTo("ACCEPTED");
        assertThat(DunningApi.timelineTypes(c)).doesNotContain("OFFER_LAPSED", "TASK_OPENED");
        assertThat(api.get("ops", "/api/tasks?caseId=" + caseId).getBody()).isEmpty();
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    private int accept(String caseId, String option) {
        return api.post("integrator", "/api/dunning-cases/" + caseId + "/offer-acceptance", Map.of("option", option))
                .getStatusCode().value();
    }

}
