package dev.dunning.web;

import static dev.dunning.web.ContractAssertions.assertInvalid;
import static dev.dunning.web.ContractAssertions.totalCases;
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

/** Every bad case request is refused with a 400 problem naming the field, and nothing is written. */
@IntegrationTest
class CaseInputValidationContractTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    /** Posts the request, expects a 400 naming the field, and checks no case was written for it. */
    private JsonNode refused(Object request, String field) {
        long before = totalCases(api);
        ResponseEntity<JsonNode> response = api.post("integrator", "/api/dunning-cases", request);
        JsonNode problem = assertInvalid(response, field);
        assertThat(totalCases(api)).as("cases after a refused request").isEqualTo(before);
        return problem;
    }

    /** The invoice number is still free: a valid request for it creates a case. */
    private void invoiceStillFree(ObjectNode refusedRequest) {
        ObjectNode valid = validCase("D-VALID-FOLLOWUP");
        valid.put("invoiceNumber", refusedRequest.get("invoiceNumber").asText());
        assertThat(api.post("integrator", "/api/dunning-cases", valid).getStatusCode().value()).isEqualTo(201);
    }

    private static ObjectNode debtor(ObjectNode request) {
        return (ObjectNode) request.get("debtor");
    }

    private static ObjectNode amountDue(ObjectNode request) {
        return (ObjectNode) request.get("amountDue");
    }

    @Test
    void malformedJsonIsRefusedNamingTheBody() {
        // given a body that is not JSON at all
        String broken = "{\"invoiceNumber\": \"INV-BROKEN\", \"debtor\": {";

        // when / then
        refused(broken, "body");
    }

    @Test
    void bodyThatIsNotJsonIsRefusedNamingTheBody() {
        refused("this is not json", "body");
    }

    @Test
    void dateThatIsNotADateIsRefusedNamingIt() {
        ObjectNode request = validCase("D-VAL-DATE");
        request.put("dueDate", "yesterday");

        refused(request, "dueDate");
        invoiceStillFree(request);
    }

    @Test
    void missingInvoiceNumberIsRefused() {
        // given a request without invoice number
        ObjectNode request = validCase("D-VAL-1");
        request.remove("invoiceNumber");

        // when / then
        refused(request, "invoiceNumber");
    }

    @Test
    void missingDebtorNameIsRefused() {
        ObjectNode request = validCase("D-VAL-2");
        debtor(request).remove("name");

        refused(request, "debtor.name");
        invoiceStillFree(request);
    }

    @Test
    void zeroAmountIsRefused() {
        ObjectNode request = validCase("D-VAL-3");
        amountDue(request).put("amount", "0.00");

        refused(request, "amountDue.amount");
        invoiceStillFree(request);
    }

    @Test
    void negativeAmountIsRefused() {
        ObjectNode request = validCase("D-VAL-4");
        amountDue(request).put("amount", "-10.00");

        refused(request, "amountDue.amount");
        invoiceStillFree(request);
    }

    @Test
    void amountMorePreciseThanTheCurrencyIsRefused() {
        // given 10.001 EUR: EUR has two decimals
        ObjectNode request = validCase("D-VAL-5");
        amountDue(request).put("amount", "10.001");

        refused(request, "amountDue.amount");
        invoiceStillFree(request);
    }

    @Test
    void unknownCurrencyIsRefused() {
        ObjectNode request = validCase("D-VAL-6");
        amountDue(request).put("currency", "XXY");

        refused(request, "amountDue.currency");
        invoiceStillFree(request);
    }

    @Test
    void unknownCountryIsRefused() {
        ObjectNode request = validCase("D-VAL-7");
        ((ObjectNode) debtor(request).get("address")).put("country", "ZZ");

        refused(request, "debtor.address.country");
        invoiceStillFree(request);
    }

    @Test
    void badEmailIsRefused() {
        ObjectNode request = validCase("D-VAL-8");
        debtor(request).put("email", "not-an-email");

        refused(request, "debtor.email");
        invoiceStillFree(request);
    }

    @Test
    void phoneThatIsNotE164IsRefused() {
        ObjectNode request = validCase("D-VAL-9");
        debtor(request).put("phone", "12345");

        refused(request, "debtor.phone");
        invoiceStillFree(request);
    }

    @Test
    void dueDateInTheFutureIsRefused() {
        // given a due date far beyond any clock advance the tests make
        ObjectNode request = validCase("D-VAL-10");
        request.put("dueDate", "2999-01-01");

        refused(request, "dueDate");
        invoiceStillFree(request);
    }

    @Test
    void unknownDebtorTypeIsRefused() {
        ObjectNode request = validCase("D-VAL-11");
        debtor(request).put("type", "ALIEN");

        JsonNode problem = refused(request, "debtor.type");
        assertThat(problem.toString()).contains("CONSUMER");
        invoiceStillFree(request);
    }

    @Test
    void oversizedInvoiceNumberIsRefused() {
        // given an invoice number of 65 characters; 64 is the limit
        ObjectNode request = validCase("D-VAL-12");
        request.put("invoiceNumber", "I".repeat(65));

        refused(request, "invoiceNumber");

        // and 64 characters are fine
        ObjectNode limit = validCase("D-VAL-12");
        limit.put("invoiceNumber", ("L" + java.util.UUID.randomUUID().toString().replace("-", "")).repeat(2).substring(0, 64));
        assertThat(api.post("integrator", "/api/dunning-cases", limit).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void unknownFieldIsRefused() {
        ObjectNode request = validCase("D-VAL-13");
        request.put("surprise", "extra");

        refused(request, "surprise");
        invoiceStillFree(request);
    }

    @Test
    void aRefusedRequestNamesEveryBadField() {
        // given a request with two independent mistakes
        ObjectNode request = validCase("D-VAL-14");
        debtor(request).put("email", "nope");
        debtor(request).put("phone", "12345");

        // when / then both are named
        JsonNode problem = refused(request, "debtor.email");
        assertThat(ContractAssertions.fields(problem)).contains("debtor.phone");
    }
}
