package dev.dunning.web;

import static dev.dunning.web.ContractAssertions.assertProblem;
import static dev.dunning.web.ContractAssertions.totalCases;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class SecurityContractTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void requestWithoutCredentialsIsUnauthorized() {
        // when nobody is logged in
        ResponseEntity<JsonNode> response = api.get(null, "/api/dunning-cases");

        // then a 401 problem with a Basic challenge
        assertProblem(response, 401);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void wrongPasswordIsUnauthorized() throws Exception {
        // when the integrator sends a wrong password
        String auth = Base64.getEncoder().encodeToString("integrator:wrong".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/dunning-cases"))
                .header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofString());

        // then 401 as a problem, and no data
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.has("content")).isFalse();
    }

    @Test
    void opsMayNotOpenCases() {
        // given ops staff
        long before = totalCases(api);

        // when they try to open a case
        ResponseEntity<JsonNode> response = api.post("ops", "/api/dunning-cases", DunningApi.caseRequest("D-SEC-1", "50.00"));

        // then forbidden, and nothing opened
        assertProblem(response, 403);
        assertThat(totalCases(api)).isEqualTo(before);
    }

    @Test
    void integratorMayNotSeeTasks() {
        assertProblem(api.get("integrator", "/api/tasks"), 403);
        // while ops may
        assertThat(api.get("ops", "/api/tasks").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void opsMayNotMoveTheClock() {
        assertProblem(api.post("ops", "/api/dev/clock", Map.of("advance", "PT1H")), 403);
        assertProblem(api.post("integrator", "/api/dev/clock", Map.of("advance", "PT1H")), 403);
    }

    @Test
    void healthIsOpenAndShowsDatabaseAndEngineClient() {
        // when anyone asks for health, without credentials
        ResponseEntity<JsonNode> response = api.get(null, "/actuator/health");

        // then it is up and shows the database and the Camunda client
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        JsonNode body = response.getBody();
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.has("components")).as("components in %s", body).isTrue();
        JsonNode components = body.get("components");
        assertThat(components.has("db")).as("db in %s", components).isTrue();
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.has("camundaClient")).as("camundaClient in %s", components).isTrue();
    }
}
