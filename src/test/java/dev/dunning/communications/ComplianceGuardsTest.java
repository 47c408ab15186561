package dev.dunning.communications;

import static dev.dunning.communications.Deliveries.awaitStatus;
import static dev.dunning.communications.Deliveries.communication;
import static dev.dunning.communications.Deliveries.communications;
import static dev.dunning.communications.Deliveries.mailsTo;
import static dev.dunning.communications.Deliveries.smsTo;
import static dev.dunning.communications.Deliveries.timelineDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.support.DunningApi;
import dev.dunning.support.EngineRecords;
import dev.dunning.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/** The guards hold whatever the model asks: contact window, opt-out, pause, cease, closed cases. */
@IntegrationTest
class ComplianceGuardsTest {

    @LocalServerPort int port;
    @Autowired Clock clock;
    @Autowired CaseTransactions cases;
    @Autowired Communications communications;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void outsideTheContactWindowTheEmailWaitsUntilEightAndIsThenSentOnce() {
        // given a debtor for whom it is 2 o'clock at night
        String zone = Deliveries.zoneWhereItIs(clock, 2);
        String email = "night-" + System.nanoTime() + "@debtor.example";
        String caseId = api.openCase(Deliveries.request("D-NIGHT-" + System.nanoTime(), email, null, true, "en", zone))
                .get("caseId").asText();

        // when the first reminder is due, it is deferred until 08:00 her time, visibly, and not sent
        JsonNode c = awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "DEFERRED");
        Instant until = Instant.parse(communication(c, "REMINDER_1", "EMAIL").get("deferredUntil").asText());
        assertThat(until.atZone(ZoneId.of(zone)).toLocalTime()).hasToString("08:00");
        assertThat(communication(c, "REMINDER_1", "EMAIL").get("statusReason").asText()).contains("CONTACT_WINDOW");
        assertThat(timelineDetails(c, "COMMUNICATION_DEFERRED")).singleElement().asString().contains("rule CONTACT_WINDOW");
        Deliveries.letDispatcherRun();
        assertThat(mailsTo(api, email)).isEmpty();
        // and Operate shows the wait as a timer of the case's process
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Timer_ContactWindowOpens"));

        // then when the window opens it goes out, once, inside the window
        api.advanceClock(Duration.between(clock.instant(), until).plusMinutes(1).toString());
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");
        Deliveries.letDispatcherRun();
        assertThat(mailsTo(api, email)).singleElement().satisfies(m ->
                assertThat(Instant.parse(m.get("sentAt").asText()).atZone(ZoneId.of(zone)).getHour()).isBetween(8, 20));
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.completedElements(caseId).contains("End_DeliveryResumed"));
    }

    @Test
    void theSignedOptOutLinkStopsEmailsAndThePolicyFallsBackToALetter() {
        // given a debtor who got the first reminder by email
        String email = "optout-" + System.nanoTime() + "@debtor.example";
        String phone = DeliveryStoryTest.mobile();
        String caseId = api.openCase(Deliveries.request("D-OPTOUT-" + System.nanoTime(), email, phone, true, "en",
                Deliveries.zoneWhereItIs(clock, 12))).get("caseId").asText();
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");
        Matcher link = Pattern.compile("(/opt-out/\\S+)").matcher(mailsTo(api, email).get(0).get("text").asText());
        assertThat(link.find()).isTrue();

        // a tampered link does nothing
        assertThat(api.get(null, link.group(1) + "x").getStatusCode().value()).isEqualTo(404);
        // when she follows the link (no login)
        ResponseEntity<JsonNode> page = api.get(null, link.group(1));
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody().asText()).contains("You are opted out");

        // then the firm reminder goes by letter and SMS, never by email
        api.advanceClock("P7D");
        awaitStatus(api, caseId, "REMINDER_2", "LETTER", "SENT");
        JsonNode c = awaitStatus(api, caseId, "REMINDER_2", "SMS", "SENT");
        Deliveries.letDispatcherRun();
        assertThat(communications(api.getCase(caseId), "REMINDER_2", "EMAIL")).isEmpty();
        assertThat(mailsTo(api, email)).hasSize(1);
        assertThat(smsTo(api, phone)).hasSize(1);
        assertThat(timelineDetails(c, "OPT_OUT_RECORDED")).singleElement().asString().contains("rule OPT_OUT", "EMAIL");
        assertThat(timelineDetails(c, "COMMUNICATION_SUPPRESSED")).anySatisfy(d ->
                assertThat(d).contains("REMINDER_2", "rule OPT_OUT", "falls back to LETTER"));
    }

    @Test
    void anOptOutRecordedThroughTheApiStopsSms() {
        String reference = "D-SMSSTOP-" + System.nanoTime();
        String email = "smsstop-" + System.nanoTime() + "@debtor.example";
        String phone = DeliveryStoryTest.mobile();
        String caseId = api.openCase(Deliveries.request(reference, email, phone, true, "en", Deliveries.zoneWhereItIs(clock, 12)))
                .get("caseId").asText();
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");

        // a bad channel is refused, naming the field, and records nothing
        ResponseEntity<JsonNode> bad = api.post("integrator", "/api/debtors/" + reference + "/opt-outs", Map.of("channel", "FAX"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(bad.getBody().at("/errors/0/field").asText()).isEqualTo("channel");
        assertThat(timelineDetails(api.getCase(caseId), "OPT_OUT_RECORDED")).isEmpty();
        assertThat(api.post("integrator", "/api/debtors/NO-SUCH-DEBTOR/opt-outs", Map.of("channel", "SMS")).getStatusCode().value()).isEqualTo(404);
        assertThat(api.post(null, "/api/debtors/" + reference + "/opt-outs", Map.of("channel", "SMS")).getStatusCode().value()).isEqualTo(401);

        // when ops record the debtor's STOP reply
        assertThat(api.post("ops", "/api/debtors/" + reference + "/opt-outs", Map.of("channel", "SMS")).getStatusCode().value()).isEqualTo(201);
        assertThat(api.post("integrator", "/api/debtors/" + reference + "/opt-outs", Map.of("channel", "SMS")).getStatusCode().value()).isEqualTo(200);

        // then the firm reminder goes by email only
        api.advanceClock("P7D");
        JsonNode c = awaitStatus(api, caseId, "REMINDER_2", "EMAIL", "SENT");
        Deliveries.letDispatcherRun();
        assertThat(communications(api.getCase(caseId), "REMINDER_2", "SMS")).isEmpty();
        assertThat(smsTo(api, phone)).isEmpty();
        assertThat(timelineDetails(c, "COMMUNICATION_SUPPRESSED")).anySatisfy(d -> assertThat(d).contains("REMINDER_2 by SMS", "rule OPT_OUT"));
    }

    @Test
    void nothingIsSentWhileTheCaseIsPausedAndTheMessageGoesOutOnceWhenItResumes() {
        String email = "paused-" + System.nanoTime() + "@debtor.example";
        String caseId = api.openCase(Deliveries.request("D-PAUSED-" + System.nanoTime(), email, null, true, "en",
                Deliveries.zoneWhereItIs(clock, 12))).get("caseId").asText();
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");

        // given a dispute pauses the case just after a job queued the firm reminder
        assertThat(api.post("ops", "/api/dunning-cases/" + caseId + "/disputes", Map.of("reason", "never received the goods"))
                .getStatusCode().value()).isEqualTo(202);
        api.awaitCase(caseId, c -> "PAUSED".equals(c.get("status").asText()));
        cases.change(new CaseId(caseId), c -> communications.queue(c, Purpose.REMINDER_2));

        // then it waits, visibly, and nothing is sent
        JsonNode c = awaitStatus(api, caseId, "REMINDER_2", "EMAIL", "DEFERRED");
        assertThat(communication(c, "REMINDER_2", "EMAIL").get("statusReason").asText()).contains("rule CASE_PAUSED");
        Deliveries.letDispatcherRun();
        assertThat(mailsTo(api, email)).hasSize(1);
        assertThat(timelineDetails(api.getCase(caseId), "COMMUNICATION_DEFERRED")).singleElement().asString().contains("rule CASE_PAUSED");

        // when the dispute is rejected, the case resumes and the reminder goes out once
        String review = api.awaitOpenTask(caseId, "DISPUTE_REVIEW");
        assertThat(api.completeTask(review, Map.of("outcome", "REJECTED")).getStatusCode().value()).isEqualTo(200);
        awaitStatus(api, caseId, "REMINDER_2", "EMAIL", "SENT");
        Deliveries.letDispatcherRun();
        assertThat(mailsTo(api, email)).extracting(m -> m.get("subject").asText()).filteredOn(s -> s.startsWith("Second reminder")).hasSize(1);
    }

    @Test
    void afterACeaseRequestOnlyTheFinalNoticeIsSent() {
        String email = "cease-" + System.nanoTime() + "@debtor.example";
        String phone = DeliveryStoryTest.mobile();
        String caseId = api.openCase(Deliveries.request("D-CEASE-" + System.nanoTime(), email, phone, true, "en",
                Deliveries.zoneWhereItIs(clock, 12))).get("caseId").asText();
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");

        // when the debtor's written request to cease communication is recorded
        assertThat(api.post("integrator", "/api/dunning-cases/" + caseId + "/cease-communication", Map.of("note", "letter of 1 Dec"))
                .getStatusCode().value()).isEqualTo(202);
        assertThat(api.post("admin", "/api/dunning-cases/no-such-case/cease-communication", Map.of()).getStatusCode().value()).isEqualTo(404);

        // then the firm reminder is not sent by any channel, and the timeline names the rule
        api.advanceClock("P7D");
        JsonNode c = api.awaitCase(caseId, x -> timelineDetails(x, "COMMUNICATION_SUPPRESSED").stream()
                .anyMatch(d -> d.contains("REMINDER_2") && d.contains("rule CEASE_COMMUNICATION")));
        assertThat(timelineDetails(c, "COMMUNICATION_CEASED")).singleElement().asString().contains("rule CEASE_COMMUNICATION");
        assertThat(communications(c, "REMINDER_2", "EMAIL")).isEmpty();
        assertThat(communications(c, "REMINDER_2", "SMS")).isEmpty();

        // but a final notice still goes out
        cases.change(new CaseId(caseId), x -> communications.queue(x, Purpose.FINAL_NOTICE));
        awaitStatus(api, caseId, "FINAL_NOTICE", "LETTER", "SENT");
        awaitStatus(api, caseId, "FINAL_NOTICE", "EMAIL", "SENT");
        Deliveries.letDispatcherRun();
        assertThat(mailsTo(api, email)).extracting(m -> m.get("subject").asText()).hasSize(2).last().asString().startsWith("FINAL NOTICE");
        assertThat(smsTo(api, phone)).isEmpty();
    }

    @Test
    void nothingIsSentForAClosedCase() {
        String email = "closed-" + System.nanoTime() + "@debtor.example";
        JsonNode opened = api.openCase(Deliveries.request("D-CLOSED-" + System.nanoTime(), email, null, true, "en",
                Deliveries.zoneWhereItIs(clock, 12)));
        String caseId = opened.get("caseId").asText();
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");
        api.pay(opened.get("invoiceNumber").asText(), "1234.50", "PAY-" + System.nanoTime());
        api.awaitCase(caseId, c -> "PAID".equals(c.get("status").asText()));

        cases.change(new CaseId(caseId), c -> communications.queue(c, Purpose.REMINDER_2));

        JsonNode c = awaitStatus(api, caseId, "REMINDER_2", "EMAIL", "SUPPRESSED");
        assertThat(communication(c, "REMINDER_2", "EMAIL").get("statusReason").asText()).contains("rule CASE_CLOSED");
        assertThat(mailsTo(api, email)).hasSize(1);
    }
}
