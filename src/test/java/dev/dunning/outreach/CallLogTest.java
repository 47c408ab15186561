package dev.dunning.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The call log enforces the Regulation F presumption: 7 attempts in 7 days, none within 7 days after a conversation. */
@IntegrationTest
class CallLogTest {

    @LocalServerPort int port;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    private String zoneWhereItIs(int hour) {
        int offset = hour - clock.instant().atZone(ZoneOffset.UTC).getHour();
        if (offset > 14) offset -= 24;
        if (offset < -12) offset += 24;
        return ZoneOffset.ofHours(offset).getId();
    }

    /** A case with an open outreach call task (opened directly: the escalation would take weeks of dev clock). */
    private String[] caseWithCallTask(String zone) {
        Map<String, Object> request = new java.util.HashMap<>(DunningApi.caseRequest("D-CALL-" + System.nanoTime(), "300.00"));
        @SuppressWarnings("unchecked") Map<String, Object> debtor = new java.util.HashMap<>((Map<String, Object>) request.get("debtor"));
        debtor.put("timeZone", zone);
        request.put("debtor", debtor);
        String caseId = api.openCase(request).get("caseId").asText();
        String taskId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO work_task (id, case_id, type, step_key, status, created_at, version)
                VALUES (:id, :caseId, 'OUTREACH_CALL', :step, 'OPEN', :now, 0)""")
                .param("id", taskId).param("caseId", caseId).param("step", "test:" + taskId)
                .param("now", Timestamp.from(clock.instant())).update();
        return new String[] {caseId, taskId};
    }

    private ResponseEntity<JsonNode> attempt(String taskId, Object body) {
        return api.post("ops", "/api/tasks/" + taskId + "/attempts", body);
    }

    private int attempts(String caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM call_attempt WHERE case_id = :id").param("id", caseId).query(Integer.class).single();
    }

    @Test
    void theEighthAttemptWithinSevenDaysIsRefusedNamingTheRule() {
        String[] c = caseWithCallTask(zoneWhereItIs(12));
        for (int i = 1; i <= 7; i++) {
            ResponseEntity<JsonNode> ok = attempt(c[1], Map.of("outcome", i % 2 == 0 ? "LEFT_MESSAGE" : "NO_ANSWER", "note", "try " + i));
            assertThat(ok.getStatusCode().value()).isEqualTo(201);
        }
        ResponseEntity<JsonNode> refused = attempt(c[1], Map.of("outcome", "NO_ANSWER"));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(refused.getBody().get("rule").asText()).isEqualTo("CALL_FREQUENCY_7_IN_7_DAYS");
        assertThat(refused.getBody().get("detail").asText()).contains("rule CALL_FREQUENCY_7_IN_7_DAYS");
        assertThat(attempts(c[0])).isEqualTo(7);
        JsonNode dunningCase = api.getCase(c[0]);
        assertThat(DunningApi.timelineTypes(dunningCase)).filteredOn("CALL_ATTEMPT"::equals).hasSize(7);
        assertThat(DunningApi.timelineTypes(dunningCase)).containsOnlyOnce("CALL_ATTEMPT_REFUSED");
    }

    @Test
    void noCallWithinSevenDaysAfterAConversation() {
        String[] c = caseWithCallTask(zoneWhereItIs(12));
        assertThat(attempt(c[1], Map.of("outcome", "CONVERSATION", "note", "promised to pay")).getStatusCode().value()).isEqualTo(201);

        ResponseEntity<JsonNode> refused = attempt(c[1], Map.of("outcome", "NO_ANSWER"));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("rule").asText()).isEqualTo("NO_CALL_WITHIN_7_DAYS_AFTER_CONVERSATION");
        assertThat(attempts(c[0])).isEqualTo(1);

        api.advanceClock("P7D");
        assertThat(attempt(c[1], Map.of("outcome", "NO_ANSWER")).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void noCallOutsideTheContactWindow() {
        String[] c = caseWithCallTask(zoneWhereItIs(22));
        ResponseEntity<JsonNode> refused = attempt(c[1], Map.of("outcome", "NO_ANSWER"));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("rule").asText()).isEqualTo("CONTACT_WINDOW");
        assertThat(DunningApi.timelineTypes(api.getCase(c[0]))).containsOnlyOnce("CALL_ATTEMPT_REFUSED");
    }

    @Test
    void aBadAttemptNamesTheFieldAndWritesNothing() {
        String[] c = caseWithCallTask(zoneWhereItIs(12));
        ResponseEntity<JsonNode> wrong = attempt(c[1], Map.of("outcome", "MAYBE"));
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().at("/errors/0/field").asText()).isEqualTo("outcome");
        ResponseEntity<JsonNode> missing = attempt(c[1], Map.of("note", "no outcome"));
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().at("/errors/0/field").asText()).isEqualTo("outcome");
        assertThat(attempts(c[0])).isZero();
        assertThat(DunningApi.timelineTypes(api.getCase(c[0]))).doesNotContain("CALL_ATTEMPT", "CALL_ATTEMPT_REFUSED");

        assertThat(attempt("no-such-task", Map.of("outcome", "NO_ANSWER")).getStatusCode().value()).isEqualTo(404);
        assertThat(api.post("integrator", "/api/tasks/" + c[1] + "/attempts", Map.of("outcome", "NO_ANSWER")).getStatusCode().value()).isEqualTo(403);
    }
}
