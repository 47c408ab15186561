package dev.dunning.web;

import static dev.dunning.web.ContractAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class DevClockContractTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void advanceThatIsNotADurationIsRefused() {
        assertInvalid(api.post("admin", "/api/dev/clock", Map.of("advance", "banana")), "advance");
    }

    @Test
    void negativeAdvanceIsRefused() {
        assertInvalid(api.post("admin", "/api/dev/clock", Map.of("advance", "-PT1H")), "advance");
        assertInvalid(api.post("admin", "/api/dev/clock", Map.of("advance", "PT0S")), "advance");
    }

    @Test
    void advanceMovesTheClockForward() {
        // when an admin moves the clock by one minute, twice
        ResponseEntity<JsonNode> first = api.post("admin", "/api/dev/clock", Map.of("advance", "PT1M"));
        ResponseEntity<JsonNode> second = api.post("admin", "/api/dev/clock", Map.of("advance", "PT1M"));

        // then the reported time moves forward by at least that minute
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        Instant a = Instant.parse(first.getBody().get("now").asText());
        Instant b = Instant.parse(second.getBody().get("now").asText());
        assertThat(Duration.between(a, b)).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }
}
