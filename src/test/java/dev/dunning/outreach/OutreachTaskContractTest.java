package dev.dunning.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/** The REST contract of assigned outreach work: the assignee filter and the promised amount's checks. */
@IntegrationTest
class OutreachTaskContractTest {

    @LocalServerPort
    int port;
    @Autowired
    WorkTasks tasks;
    @Autowired
    Clock clock;
    DunningApi api;
    String taskId;
    String assignee;

    @BeforeEach
    void anOpenCallTaskAssignedToSomeone() {
        api = new DunningApi(port);
        String caseId = api.openCase(DunningApi.caseRequest("D-TASK-" + UUID.randomUUID().toString().substring(0, 6), "80.00"))
                .get("caseId").asText();
        assignee = "someone-" + UUID.randomUUID().toString().substring(0, 6) + "@dunning.example";
        taskId = tasks.save(WorkTask.open(caseId, TaskType.OUTREACH_CALL, "test:" + UUID.randomUUID(), clock.instant(), null, assignee)).id();
    }

    @Test
    void listsOnePersonsWork() {
        JsonNode mine = api.get("ops", "/api/tasks?assignee=" + assignee).getBody();
        assertThat(mine.findValuesAsText("taskId")).containsExactly(taskId);
        assertThat(mine.get(0).get("assignee").asText()).isEqualTo(assignee);
        assertThat(api.get("ops", "/api/tasks?assignee=nobody@dunning.example").getBody()).isEmpty();
        ResponseEntity<JsonNode> blank = api.get("ops", "/api/tasks?assignee=");
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(blank.getBody().at("/errors/0/field").asText()).isEqualTo("assignee");
    }

    @Test
    void aPromisedAmountIsCheckedAndABadOneWritesNothing() {
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        assertRejected(Map.of("outcome", "REFUSED", "promisedAmount", "10.00"), "promisedAmount");
        assertRejected(Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", tomorrow, "promisedAmount", "10.001"), "promisedAmount");
        assertRejected(Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", tomorrow, "promisedAmount", "0"), "promisedAmount");
        assertRejected(Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", tomorrow, "promisedAmount", "80.01"), "promisedAmount");
        assertRejected(Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", tomorrow, "promisedAmount", "ten"), "promisedAmount");
        WorkTask unchanged = tasks.findById(taskId).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(WorkTask.Status.OPEN);
        assertThat(unchanged.promisedAmount()).isNull();
        assertThat(DunningApi.timelineTypes(api.getCase(unchanged.caseId()))).doesNotContain("TASK_COMPLETED");
    }

    private void assertRejected(Map<String, Object> body, String field) {
        ResponseEntity<JsonNode> response = api.completeTask(taskId, body);
        assertThat(response.getStatusCode().value()).as(body.toString()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody().at("/errors/0/field").asText()).as(body.toString()).isEqualTo(field);
    }
}
