package dev.dunning.web;

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
class PaymentContractTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    private ResponseEntity<JsonNode> pay(String invoice, String amount, String currency, String reference) {
        return api.post("integrator", "/api/payments", Map.of("invoiceNumber", invoice,
                "amount", Map.of("amount", amount, "currency", currency), "reference", reference));
    }

    @Test
    void partialPaymentIsAcceptedAndLowersTheOutstandingAmount() {
        // given a case over 120.00 EUR
        JsonNode opened = api.openCase(DunningApi.caseRequest("D-PAY-1", "120.00"));
        String invoice = opened.get("invoiceNumber").asText();

        // when 20.00 EUR arrive
        ResponseEntity<JsonNode> response = pay(invoice, "20.00", "EUR", "BANK-" + UUID.randomUUID());

        // then accepted, with 100.00 left
        assertThat(response.getStatusCode().value()).isEqualTo(202);
        assertThat(response.getBody().get("caseId").asText()).isEqualTo(opened.get("caseId").asText());
        assertThat(response.getBody().get("paymentId").asText()).isNotBlank();
        assertThat(response.getBody().at("/outstanding/amount").asText()).isEqualTo("100.00");
        assertThat(api.getCase(opened.get("caseId").asText()).at("/outstanding/amount").asText()).isEqualTo("100.00");
    }

    @Test
    void samePaymentReferenceAgainIsCountedOnce() {
        // given a case over 120.00 EUR with a payment of 20.00 EUR
        JsonNode opened = api.openCase(DunningApi.caseRequest("D-PAY-2", "120.00"));
        String invoice = opened.get("invoiceNumber").asText();
        String reference = "BANK-" + UUID.randomUUID();
        ResponseEntity<JsonNode> first = pay(invoice, "20.00", "EUR", reference);
        assertThat(first.getStatusCode().value()).isEqualTo(202);

        // when the same payment is delivered again
        ResponseEntity<JsonNode> again = pay(invoice, "20.00", "EUR", reference);

        // then it is acknowledged as a repeat, with the same payment id, and the money counts once
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("paymentId").asText()).isEqualTo(first.getBody().get("paymentId").asText());
        assertThat(again.getBody().at("/outstanding/amount").asText()).isEqualTo("100.00");
        assertThat(api.getCase(opened.get("caseId").asText()).at("/outstanding/amount").asText()).isEqualTo("100.00");
    }

    @Test
    void aReferenceAlreadyUsedForAnotherPaymentIsAConflictAndCountsNothing() {
        // given a payment of 20.00 EUR with a bank reference on one invoice
        JsonNode first = api.openCase(DunningApi.caseRequest("D-PAY-5", "120.00"));
        JsonNode second = api.openCase(DunningApi.caseRequest("D-PAY-6", "120.00"));
        String reference = "BANK-" + UUID.randomUUID();
        assertThat(pay(first.get("invoiceNumber").asText(), "20.00", "EUR", reference).getStatusCode().value()).isEqualTo(202);

        // when the same reference arrives for another invoice, or for another amount
        ResponseEntity<JsonNode> otherInvoice = pay(second.get("invoiceNumber").asText(), "20.00", "EUR", reference);
        ResponseEntity<JsonNode> otherAmount = pay(first.get("invoiceNumber").asText(), "30.00", "EUR", reference);

        // then both are conflicts, and neither case's outstanding amount moved
        assertProblem(otherInvoice, 409);
        assertProblem(otherAmount, 409);
        assertThat(api.getCase(second.get("caseId").asText()).at("/outstanding/amount").asText()).isEqualTo("120.00");
        assertThat(api.getCase(first.get("caseId").asText()).at("/outstanding/amount").asText()).isEqualTo("100.00");
    }

    @Test
    void paymentForUnknownInvoiceIsNotFound() {
        assertProblem(pay("INV-NEVER-" + UUID.randomUUID().toString().substring(0, 8), "10.00", "EUR", "BANK-X"), 404);
    }

    @Test
    void paymentInAnotherCurrencyIsRefusedNamingTheCurrency() {
        // given a case in EUR
        JsonNode opened = api.openCase(DunningApi.caseRequest("D-PAY-3", "120.00"));

        // when dollars arrive
        ResponseEntity<JsonNode> response = pay(opened.get("invoiceNumber").asText(), "20.00", "USD", "BANK-" + UUID.randomUUID());

        // then refused, and nothing counted
        assertInvalid(response, "amount.currency");
        assertThat(api.getCase(opened.get("caseId").asText()).at("/outstanding/amount").asText()).isEqualTo("120.00");
    }

    @Test
    void paymentWithBadAmountIsRefusedNamingTheAmount() {
        JsonNode opened = api.openCase(DunningApi.caseRequest("D-PAY-4", "120.00"));

        assertInvalid(pay(opened.get("invoiceNumber").asText(), "0.00", "EUR", "BANK-" + UUID.randomUUID()), "amount.amount");
        assertInvalid(pay(opened.get("invoiceNumber").asText(), "1.001", "EUR", "BANK-" + UUID.randomUUID()), "amount.amount");
        assertThat(api.getCase(opened.get("caseId").asText()).at("/outstanding/amount").asText()).isEqualTo("120.00");
    }

    @Test
    void fullPaymentSettlesTheCase() {
        // given a case over 120.00 EUR
        JsonNode opened = api.openCase(DunningApi.caseRequest("D-PAY-5", "120.00"));
        String caseId = opened.get("caseId").asText();

        // when all of it is paid
        ResponseEntity<JsonNode> response = pay(opened.get("invoiceNumber").asText(), "120.00", "EUR", "BANK-" + UUID.randomUUID());

        // then nothing is outstanding and the case ends up paid
        assertThat(response.getStatusCode().value()).isEqualTo(202);
        assertThat(response.getBody().at("/outstanding/amount").asText()).isEqualTo("0.00");
        JsonNode paid = api.awaitCase(caseId, c -> "PAID".equals(c.get("status").asText()));
        assertThat(paid.at("/outstanding/amount").asText()).isEqualTo("0.00");
    }
}
