package dev.dunning.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dunning.support.DunningApi;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What every error response of the API must look like. */
final class ContractAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractAssertions() {
    }

    /** An RFC 9457 problem with this status. */
    static JsonNode assertProblem(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as("content type")
                .isNotNull()
                .satisfies(t -> assertThat(t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("%s is problem+json", t).isTrue());
        JsonNode body = response.getBody();
        assertThat(body.isObject()).as("problem body %s", body).isTrue();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotBlank();
        return body;
    }

    /** A 400 problem whose errors name exactly the given field (possibly among others). */
    static JsonNode assertInvalid(ResponseEntity<JsonNode> response, String field) {
        JsonNode body = assertProblem(response, 400);
        assertThat(fields(body)).as("errors[].field of %s", body).contains(field);
        return body;
    }

    static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    /** A mutable copy of a valid case request, for breaking one thing at a time. */
    static ObjectNode validCase(String debtorReference) {
        return JSON.valueToTree(DunningApi.caseRequest(debtorReference, "120.00"));
    }

    static ObjectNode tree(Map<String, Object> map) {
        return JSON.valueToTree(map);
    }

    static long totalCases(DunningApi api) {
        ResponseEntity<JsonNode> r = api.get("admin", "/api/dunning-cases?size=200");
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody().get("totalElements").asLong();
    }
}
