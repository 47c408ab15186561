package dev.dunning.web;

import static dev.dunning.web.ContractAssertions.assertInvalid;
import static dev.dunning.web.ContractAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class CaseQueryContractTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void unknownCaseIsNotFound() {
        // when a case id that was never issued is asked for
        ResponseEntity<JsonNode> response = api.get("ops", "/api/dunning-cases/" + UUID.randomUUID());

        // then a 404 problem
        assertProblem(response, 404);
    }

    @Test
    void listFiltersByStatusAndPages() {
        // given three open cases and one paid in full
        for (int i = 0; i < 3; i++) api.openCase(DunningApi.caseRequest("D-LIST-" + i, "40.00"));
        JsonNode paidCase = api.openCase(DunningApi.caseRequest("D-LIST-PAID", "40.00"));
        api.pay(paidCase.get("invoiceNumber").asText(), "40.00", "BANK-" + java.util.UUID.randomUUID());

        // when the open cases are listed two at a time
        ResponseEntity<JsonNode> first = api.get("ops", "/api/dunning-cases?status=OPEN&page=0&size=2");
        ResponseEntity<JsonNode> second = api.get("ops", "/api/dunning-cases?status=OPEN&page=1&size=2");

        // then each page holds at most two open cases and the totals add up
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        JsonNode page0 = first.getBody();
        assertThat(page0.get("page").asInt()).isEqualTo(0);
        assertThat(page0.get("size").asInt()).isEqualTo(2);
        long total = page0.get("totalElements").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(page0.get("totalPages").asLong()).isEqualTo((total + 1) / 2);
        assertThat(page0.get("content")).hasSize(2);
        assertThat(statuses(page0)).containsOnly("OPEN");

        JsonNode page1 = second.getBody();
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("content").size()).isBetween(1, 2);
        assertThat(statuses(page1)).containsOnly("OPEN");
        assertThat(page1.get("content").findValuesAsText("caseId"))
                .doesNotContainAnyElementsOf(page0.get("content").findValuesAsText("caseId"));

        // and the filter really filters: no paid case shows among the open ones
        ResponseEntity<JsonNode> paid = api.get("ops", "/api/dunning-cases?status=PAID&size=200");
        assertThat(statuses(paid.getBody())).isNotEmpty().allMatch("PAID"::equals);
        assertThat(paid.getBody().get("content").findValuesAsText("caseId")).contains(paidCase.get("caseId").asText());
        assertThat(page0.get("content").findValuesAsText("caseId")).doesNotContain(paidCase.get("caseId").asText());
    }

    /** The case status of each listed case (not the nested offer or instalment statuses). */
    private static java.util.List<String> statuses(JsonNode page) {
        java.util.List<String> result = new java.util.ArrayList<>();
        page.get("content").forEach(c -> result.add(c.get("status").asText()));
        return result;
    }

    @Test
    void unknownStatusFilterIsRefusedNamingStatus() {
        assertInvalid(api.get("ops", "/api/dunning-cases?status=SLEEPING"), "status");
    }

    @Test
    void pageSizeBeyondTheLimitIsRefused() {
        assertInvalid(api.get("ops", "/api/dunning-cases?size=201"), "size");
        assertInvalid(api.get("ops", "/api/dunning-cases?page=-1"), "page");
    }
}
