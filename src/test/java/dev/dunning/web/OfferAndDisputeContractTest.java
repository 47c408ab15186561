package dev.dunning.web;

import static dev.dunning.support.DunningApi.purposes;
import static dev.dunning.web.ContractAssertions.assertInvalid;
import static dev.dunning.web.ContractAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class OfferAndDisputeContractTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void acceptingAnOfferThatWasNeverMadeIsAConflict() {
        // given a fresh case, still at the first reminder
        String caseId = api.openCase(DunningApi.caseRequest("D-OFFER-1", "120.00")).get("caseId").asText();

        // when the debtor accepts the discount
        ResponseEntity<JsonNode> response = api.post("integrator", "/api/dunning-cases/" + caseId + "/offer-acceptance",
                Map.of("option", "DISCOUNT"));

        // then there is no offer to accept
        assertProblem(response, 409);
        assertThat(api.getCase(caseId).path("offer").isMissingNode() || api.getCase(caseId).path("offer").isNull()).isTrue();
    }

    @Test
    void unknownOfferOptionIsRefusedNamingTheOption() {
        String caseId = api.openCase(DunningApi.caseRequest("D-OFFER-2", "120.00")).get("caseId").asText();

        ResponseEntity<JsonNode> response = api.post("integrator", "/api/dunning-cases/" + caseId + "/offer-acceptance",
                Map.of("option", "FREE_LUNCH"));

        assertInvalid(response, "option");
    }

    @Test
    void rejectedDisputeResumesTheCase() {
        // given an open case whose first reminder went out
        String caseId = api.openCase(DunningApi.caseRequest("D-DISPUTE-1", "120.00")).get("caseId").asText();
        api.awaitCase(caseId, c -> purposes(c).contains("REMINDER_1"));

        // when the debtor disputes it
        ResponseEntity<JsonNode> raised = api.post("integrator", "/api/dunning-cases/" + caseId + "/disputes",
                Map.of("reason", "I never ordered this"));

        // then the case is paused at once and a review task opens
        assertThat(raised.getStatusCode().value()).isEqualTo(202);
        assertThat(raised.getBody().get("disputeId").asText()).isNotBlank();
        assertThat(raised.getBody().get("status").asText()).isEqualTo("PAUSED");
        assertThat(api.getCase(caseId).get("status").asText()).isEqualTo("PAUSED");
        String review = api.awaitOpenTask(caseId, "DISPUTE_REVIEW");

        // and an outcome of another kind of task is refused, leaving the task open
        assertInvalid(api.completeTask(review, Map.of("outcome", "APPROVED")), "outcome");
        assertThat(api.getCase(caseId).get("status").asText()).isEqualTo("PAUSED");

        // when the review rejects the dispute
        ResponseEntity<JsonNode> done = api.completeTask(review, Map.of("outcome", "REJECTED", "note", "delivery confirmed"));

        // then the task is done and the case is open again
        assertThat(done.getStatusCode().value()).isEqualTo(200);
        assertThat(done.getBody().get("status").asText()).isEqualTo("DONE");
        assertThat(done.getBody().get("outcome").asText()).isEqualTo("REJECTED");
        api.awaitCase(caseId, c -> "OPEN".equals(c.get("status").asText()));

        // and the task cannot be completed twice
        assertProblem(api.completeTask(review, Map.of("outcome", "REJECTED")), 409);
    }

    @Test
    void disputeOnAPaidCaseIsAConflict() {
        // given a case that was paid in full
        JsonNode opened = api.openCase(DunningApi.caseRequest("D-DISPUTE-2", "80.00"));
        String caseId = opened.get("caseId").asText();
        api.pay(opened.get("invoiceNumber").asText(), "80.00", "BANK-" + UUID.randomUUID());
        api.awaitCase(caseId, c -> "PAID".equals(c.get("status").asText()));

        // when a dispute arrives
        ResponseEntity<JsonNode> response = api.post("integrator", "/api/dunning-cases/" + caseId + "/disputes",
                Map.of("reason", "too late"));

        // then it is refused and the case stays paid
        assertProblem(response, 409);
        assertThat(api.getCase(caseId).get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void disputeWithoutReasonIsRefused() {
        String caseId = api.openCase(DunningApi.caseRequest("D-DISPUTE-3", "80.00")).get("caseId").asText();

        assertInvalid(api.post("integrator", "/api/dunning-cases/" + caseId + "/disputes", Map.of("reason", " ")), "reason");
        assertThat(api.getCase(caseId).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void disputeOnUnknownCaseIsNotFound() {
        assertProblem(api.post("integrator", "/api/dunning-cases/" + UUID.randomUUID() + "/disputes",
                Map.of("reason", "who are you")), 404);
    }
}
