package dev.dunning.process;

import static dev.dunning.support.DunningApi.purposes;
import static dev.dunning.support.DunningApi.timelineTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.EngineRecords;
import dev.dunning.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Three debtors reach the offer together. A accepts three monthly instalments and pays each after its reminder: PAID.
 * B accepts too but misses the first instalment: the plan breaks and B is back in personal outreach, where B promises
 * 50.00 and pays only 30.00: the promise is broken. C lets the offer lapse and nobody calls within the SLA: the call
 * expires and a team lead gets a TEAM_LEAD_REVIEW.
 */
@IntegrationTest
class InstalmentPlanStoryTest {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void aPlanRunsToPaidAnotherBreaksBackToOutreachAndAnUnansweredCallEscalates() {
        String a = api.openCase(DunningApi.caseRequest("D-PLAN-A-" + suffix(), "120.00")).get("caseId").asText();
        String b = api.openCase(DunningApi.caseRequest("D-PLAN-B-" + suffix(), "120.00")).get("caseId").asText();
        String c = api.openCase(DunningApi.caseRequest("D-PLAN-C-" + suffix(), "120.00")).get("caseId").asText();
        reachOffer(a, b, c);

        // A and B accept three monthly instalments of 40.00; C does nothing
        for (String id : List.of(a, b)) {
            assertThat(api.post("integrator", "/api/dunning-cases/" + id + "/offer-acceptance", Map.of("option", "INSTALMENTS"))
                    .getStatusCode().value()).isEqualTo(202);
        }
        JsonNode planA = api.getCase(a);
        assertThat(planA.get("instalments").findValues("amount").stream().map(m -> m.get("amount").asText()))
                .containsExactly("40.00", "40.00", "40.00");
        for (String id : List.of(a, b)) waitAt(id, "Timer_ReminderDue");

        // three days before the first instalment: both are reminded; C's offer has long lapsed, a call is opened
        advanceTo(dueAt(planA, 0).minus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        for (String id : List.of(a, b)) {
            api.awaitCase(id, x -> reminded(x, 1));
            waitAt(id, "Timer_DueDatePassed");
        }
        String callC = api.awaitOpenTask(c, "OUTREACH_CALL");
        waitAt(c, "Receive_OutreachOutcome");
        pay(a, "40.00");
        api.awaitCase(a, x -> "PAID".equals(x.at("/instalments/0/status").asText()));

        // five days after the due date: A's first instalment is paid, B's is missed and the plan breaks
        advanceTo(dueAt(planA, 0).plus(Duration.ofDays(5)).plus(Duration.ofHours(1)));
        String callB = api.awaitOpenTask(b, "OUTREACH_CALL");
        JsonNode broken = api.getCase(b);
        assertThat(broken.at("/instalments/0/status").asText()).isEqualTo("MISSED");
        assertThat(broken.get("stage").asText()).isEqualTo("PERSONAL_OUTREACH");
        assertThat(broken.at("/offer/accepted").asText()).isEqualTo("INSTALMENTS"); // the plan's history stays visible
        assertThat(timelineTypes(broken)).containsSubsequence("OFFER_ACCEPTED", "INSTALMENT_LATE", "INSTALMENT_MISSED", "TASK_OPENED");
        assertThat(EngineRecords.completedElements(b)).contains("Boundary_InstalmentMissed");
        assertThat(task(callB).get("assignee").asText()).isIn("alice@dunning.example", "bob@dunning.example", "carla@dunning.example");
        waitAt(a, "Timer_ReminderDue");

        // C's call passed its SLA unanswered: closed as EXPIRED, and a team lead has a visible review task
        String reviewC = api.awaitOpenTask(c, "TEAM_LEAD_REVIEW");
        assertThat(task(callC).get("status").asText()).isEqualTo("EXPIRED");
        JsonNode review = task(reviewC);
        assertThat(review.get("assignee").asText()).isEqualTo("tom@dunning.example");
        assertThat(api.get("ops", "/api/tasks?assignee=tom@dunning.example&status=OPEN").getBody().findValuesAsText("taskId"))
                .contains(reviewC);
        assertThat(api.completeTask(reviewC, Map.of("outcome", "ACKNOWLEDGED")).getStatusCode().value()).isEqualTo(200);
        assertThat(timelineTypes(api.getCase(c))).contains("TASK_EXPIRED", "TASK_ESCALATED");

        // B promises 50.00 within two days (a promise above what is owed is refused and changes nothing) and pays 30.00
        LocalDate today = LocalDate.now(clock);
        var tooMuch = api.completeTask(callB, Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", today.plusDays(2).toString(),
                "promisedAmount", "500.00"));
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(400);
        assertThat(tooMuch.getBody().at("/errors/0/field").asText()).isEqualTo("promisedAmount");
        assertThat(task(callB).get("status").asText()).isEqualTo("OPEN");
        assertThat(api.completeTask(callB, Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", today.plusDays(2).toString(),
                "promisedAmount", "50.00")).getStatusCode().value()).isEqualTo(200);
        assertThat(task(callB).get("promisedAmount").asText()).isEqualTo("50.00");
        waitAt(b, "Timer_PromiseDue");
        pay(b, "30.00");

        // three days before the second instalment: A is reminded again and pays; B's promise is judged broken
        advanceTo(dueAt(planA, 1).minus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        api.awaitCase(a, x -> reminded(x, 2));
        waitAt(a, "Timer_DueDatePassed");
        pay(a, "40.00");
        JsonNode promiseBroken = api.awaitCase(b, x -> timelineTypes(x).contains("PROMISE_BROKEN"));
        assertThat(promiseBroken.get("timeline").findValuesAsText("detail"))
                .anyMatch(d -> d.startsWith("only 30.00 of the promised 50.00 paid by"));

        advanceTo(dueAt(planA, 1).plus(Duration.ofDays(5)).plus(Duration.ofHours(1)));
        waitAt(a, "Timer_ReminderDue");

        // the third reminder, the last payment: A's case is PAID and its process ends
        advanceTo(dueAt(planA, 2).minus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        api.awaitCase(a, x -> reminded(x, 3));
        waitAt(a, "Timer_DueDatePassed");
        pay(a, "40.00");
        JsonNode paid = api.awaitCase(a, x -> "PAID".equals(x.get("status").asText()));
        assertThat(paid.get("instalments").findValuesAsText("status")).containsExactly("PAID", "PAID", "PAID");
        assertThat(paid.at("/outstanding/amount").asText()).isEqualTo("0.00");
        // each instalment was reminded once, by email and SMS (the debtor has both)
        assertThat(count(purposes(paid), "INSTALMENT_REMINDER")).isEqualTo(6);
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.hasEnded(a));
        assertThat(EngineRecords.completedElements(a)).contains("Task_SendInstalmentReminder", "Task_CheckInstalment");
        for (String id : List.of(a, b, c)) assertThat(EngineRecords.incidents(id)).isEmpty();
    }

    private void reachOffer(String... caseIds) {
        for (String id : caseIds) {
            api.awaitCase(id, x -> purposes(x).contains("REMINDER_1"));
            waitAt(id, "Timer_Reminder2Due");
        }
        api.advanceClock("P7D");
        for (String id : caseIds) waitAt(id, "Timer_OfferDue");
        api.advanceClock("P7D");
        for (String id : caseIds) waitAt(id, "Gateway_AwaitOfferResponse");
    }

    private static void waitAt(String caseId, String element) {
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, element));
    }

    private void advanceTo(Instant target) {
        Duration d = Duration.between(clock.instant(), target);
        assertThat(d).isPositive();
        api.advanceClock(d.toString());
    }

    /** The instalment's deadline: the end of its due date (UTC), as the model's timers see it. */
    private static Instant dueAt(JsonNode dunningCase, int index) {
        return LocalDate.parse(dunningCase.at("/instalments/" + index + "/dueDate").asText()).plusDays(1)
                .atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private void pay(String caseId, String amount) {
        String invoice = api.getCase(caseId).get("invoiceNumber").asText();
        assertThat(api.pay(invoice, amount, "PAY-" + UUID.randomUUID())).isNotNull();
    }

    private JsonNode task(String taskId) {
        JsonNode all = api.get("ops", "/api/tasks").getBody();
        for (JsonNode t : all) if (t.get("taskId").asText().equals(taskId)) return t;
        throw new AssertionError("no task " + taskId);
    }

    /** Instalment n has been reminded (queued as an INSTALMENT_REMINDER communication). */
    private static boolean reminded(JsonNode dunningCase, int n) {
        return dunningCase.get("timeline").findValuesAsText("detail").contains("INSTALMENT_REMINDER " + n + " by EMAIL");
    }

    private static int count(List<String> values, String value) {
        return Collections.frequency(values, value);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
