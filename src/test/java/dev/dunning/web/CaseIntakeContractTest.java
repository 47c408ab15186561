package dev.dunning.web;

import static dev.dunning.web.ContractAssertions.assertProblem;
import static dev.dunning.web.ContractAssertions.validCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class CaseIntakeContractTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void newInvoiceIsCreatedWithLocationAndBody() {
        // given a valid request for a new invoice
        ObjectNode request = validCase("D-INTAKE-1");
        String invoice = request.get("invoiceNumber").asText();

        // when the integrator posts it
        ResponseEntity<JsonNode> response = api.post("integrator", "/api/dunning-cases", request);

        // then the case is created, its location is given and the body shows it
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode body = response.getBody();
        String caseId = body.get("caseId").asText();
        assertThat(caseId).isNotBlank();
        assertThat(response.getHeaders().getLocation()).isNotNull();
        assertThat(response.getHeaders().getLocation().toString()).endsWith("/api/dunning-cases/" + caseId);
        assertThat(body.get("invoiceNumber").asText()).isEqualTo(invoice);
        assertThat(body.get("status").asText()).isEqualTo("OPEN");
        assertThat(body.at("/amountDue/amount").asText()).isEqualTo("120.00");
        assertThat(body.at("/amountDue/currency").asText()).isEqualTo("EUR");
        assertThat(body.at("/outstanding/amount").asText()).isEqualTo("120.00");
        assertThat(body.at("/debtor/name").asText()).isEqualTo("Ada Debtor");

        // and the location can be followed
        ResponseEntity<JsonNode> fetched = api.get("ops", response.getHeaders().getLocation().getPath());
        assertThat(fetched.getStatusCode().value()).isEqualTo(200);
        assertThat(fetched.getBody().get("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    void sameInvoiceWithSameContentReturnsTheSameCase() {
        // given a case opened for an invoice
        ObjectNode request = validCase("D-INTAKE-2");
        String caseId = api.post("integrator", "/api/dunning-cases", request).getBody().get("caseId").asText();
        long before = ContractAssertions.totalCases(api);

        // when the same request arrives again
        ResponseEntity<JsonNode> again = api.post("integrator", "/api/dunning-cases", request);

        // then it is answered with 200 and the same case, and no second case exists
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("caseId").asText()).isEqualTo(caseId);
        assertThat(ContractAssertions.totalCases(api)).isEqualTo(before);
    }

    @Test
    void sameInvoiceWithDifferentContentIsAConflict() {
        // given a case opened for an invoice
        ObjectNode request = validCase("D-INTAKE-3");
        String caseId = api.post("integrator", "/api/dunning-cases", request).getBody().get("caseId").asText();

        // when the same invoice number arrives with another amount
        ObjectNode changed = request.deepCopy();
        ((ObjectNode) changed.get("amountDue")).put("amount", "130.00");
        ResponseEntity<JsonNode> response = api.post("integrator", "/api/dunning-cases", changed);

        // then it is refused as a conflict, and the case keeps its amount
        assertProblem(response, 409);
        assertThat(api.getCase(caseId).at("/amountDue/amount").asText()).isEqualTo("120.00");
    }
}
