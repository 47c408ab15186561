package dev.dunning.communications;

import static dev.dunning.communications.Deliveries.awaitStatus;
import static dev.dunning.communications.Deliveries.communication;
import static dev.dunning.communications.Deliveries.mailsTo;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bounces and refused numbers mark the address invalid and fall back; transient failures retry, then FAILED. */
@IntegrationTest
class FailuresAndFallbackTest {

    @LocalServerPort int port;
    @Autowired Clock clock;
    @Autowired io.camunda.client.CamundaClient engine;
    @Autowired CaseTransactions cases;
    @Autowired Communications communications;
    @Autowired ContactRegistry contacts;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void aBouncedEmailMarksTheAddressInvalidAndTheReminderFallsBackToALetter() {
        String reference = "D-BOUNCE-" + System.nanoTime();
        String email = "bounce-" + System.nanoTime() + "@debtor.example";
        String caseId = api.openCase(Deliveries.request(reference, email, null, true, "en", Deliveries.zoneWhereItIs(clock, 12)))
                .get("caseId").asText();
        JsonNode c = awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");
        long id = communication(c, "REMINDER_1", "EMAIL").get("id").asLong();

        // when the mail provider reports the bounce
        assertThat(api.post("ops", "/api/communications/" + id + "/bounce", Map.of("reason", "550 5.1.1 user unknown"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(api.post("integrator", "/api/communications/" + id + "/bounce", Map.of("reason", "550 5.1.1 user unknown"))
                .getStatusCode().value()).isEqualTo(202);

        // then the email is BOUNCED, the address invalid, and the same reminder goes out as a letter
        c = awaitStatus(api, caseId, "REMINDER_1", "LETTER", "SENT");
        assertThat(communication(c, "REMINDER_1", "EMAIL").get("status").asText()).isEqualTo("BOUNCED");
        assertThat(contacts.isInvalid(reference, Channel.EMAIL, email)).isTrue();
        assertThat(timelineDetails(c, "COMMUNICATION_BOUNCED")).singleElement().asString().contains("rule INVALID_CONTACT", "550 5.1.1");
        assertThat(timelineDetails(c, "COMMUNICATION_FALLBACK")).singleElement().asString().contains("falls back to LETTER");
        assertThat(mailsTo(api, email)).hasSize(1);
        assertThat(api.post("integrator", "/api/communications/999999999/bounce", Map.of("reason", "x")).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void whenEveryChannelIsUnusableTheCaseGoesToSkipTrace() {
        // given a debtor reachable only by email
        String email = "only-" + System.nanoTime() + "@debtor.example";
        String caseId = api.openCase(Deliveries.request("D-NOCONTACT-" + System.nanoTime(), email, null, false, "en",
                Deliveries.zoneWhereItIs(clock, 12))).get("caseId").asText();
        JsonNode c = awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");

        // when the email bounces
        api.post("integrator", "/api/communications/" + communication(c, "REMINDER_1", "EMAIL").get("id").asLong() + "/bounce",
                Map.of("reason", "550 mailbox unavailable"));

        // then ContactFailed sends the case to skip trace at once
        c = api.awaitCase(caseId, x -> DunningApi.timelineTypes(x).contains("SKIP_TRACE_REQUESTED"));
        assertThat(timelineDetails(c, "CONTACT_FAILED")).singleElement().asString().contains("rule ALL_CHANNELS_UNUSABLE");
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("COMMUNICATION_BOUNCED", "CONTACT_FAILED", "SKIP_TRACE_REQUESTED");
    }

    @Test
    void aNumberTheGatewayRefusesIsMarkedInvalid() {
        String reference = "D-BADNUMBER-" + System.nanoTime();
        String phone = "+4915112000000"; // the sandbox gateway refuses it with 422
        String caseId = api.openCase(Deliveries.request(reference, "n-" + System.nanoTime() + "@debtor.example", phone, true, "en",
                Deliveries.zoneWhereItIs(clock, 12))).get("caseId").asText();
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");
        cases.change(new CaseId(caseId), c -> communications.queue(c, Purpose.REMINDER_2));

        JsonNode c = awaitStatus(api, caseId, "REMINDER_2", "SMS", "FAILED");
        assertThat(communication(c, "REMINDER_2", "SMS").get("statusReason").asText()).contains("sms-gateway", "422", "unknown subscriber");
        assertThat(contacts.isInvalid(reference, Channel.SMS, phone)).isTrue();
    }

    @Test
    void aTransientGatewayFailureIsRetriedWithBackoffThenFailedNamingTheProvider() {
        String phone = "+4915112503503"; // the sandbox gateway answers 503
        String caseId = api.openCase(Deliveries.request("D-503-" + System.nanoTime(), "t-" + System.nanoTime() + "@debtor.example",
                phone, true, "en", Deliveries.zoneWhereItIs(clock, 12))).get("caseId").asText();
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");
        cases.change(new CaseId(caseId), c -> communications.queue(c, Purpose.REMINDER_2));

        // three attempts (dunning.delivery.max-attempts=3 in the tests), then FAILED with the provider and the error
        JsonNode c = awaitStatus(api, caseId, "REMINDER_2", "SMS", "FAILED");
        assertThat(communication(c, "REMINDER_2", "SMS").get("statusReason").asText())
                .contains("gave up after 3 attempts", "sms-gateway http://127.0.0.1:", "HTTP 503", "gateway overloaded");
        assertThat(timelineDetails(c, "COMMUNICATION_RETRY")).hasSize(2);
        assertThat(timelineDetails(c, "COMMUNICATION_FAILED")).singleElement().asString().contains("HTTP 503");

        // and Operate shows an incident naming the provider and the error
        var incident = await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.incidentRecords(caseId), i -> !i.isEmpty()).get(0);
        assertThat(incident.getValue().getElementId()).isEqualTo("Task_RaiseDeliveryIncident");
        assertThat(incident.getValue().getErrorMessage()).contains("REMINDER_2 by SMS", "sms-gateway http://127.0.0.1:", "HTTP 503");

        // when ops retry the incident (the gateway still fails), the message is queued again and fails into a new incident
        engine.newUpdateRetriesCommand(incident.getValue().getJobKey()).retries(1).send().join();
        engine.newResolveIncidentCommand(incident.getKey()).send().join();
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.incidentRecords(caseId).size() == 2);
        assertThat(DunningApi.timelineTypes(api.getCase(caseId))).containsSubsequence("COMMUNICATION_FAILED",
                "COMMUNICATION_REQUEUED", "COMMUNICATION_FAILED");
    }
}
