package dev.dunning.process;

import static dev.dunning.support.DunningApi.purposes;
import static dev.dunning.support.DunningApi.awaitWaitingAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.EngineRecords;
import dev.dunning.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class OutreachStoryTest {

    @LocalServerPort
    int port;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void brokenPromiseGoesToSkipTrace() {
        // given a case in personal outreach
        String caseId = api.openCase(DunningApi.caseRequest("D-PROM-1", "120.00")).get("caseId").asText();
        String call = api.walkToOutreach(caseId);

        // when the debtor promises to pay in five days
        LocalDate today = taskCreatedOn(caseId, call);
        LocalDate promised = today.plusDays(5);
        assertThat(api.completeTask(call, Map.of("outcome", "PROMISE_TO_PAY", "promisedDate", promised.toString()))
                .getStatusCode().value()).isEqualTo(200);
        awaitWaitingAt(caseId, "Timer_PromiseDue");

        // and nothing arrives by the promised date plus its grace
        api.advanceClock("P9D");

        // then the promise counts as broken and a skip trace is requested
        JsonNode c = api.awaitCase(caseId, x -> DunningApi.timelineTypes(x).contains("SKIP_TRACE_REQUESTED"));
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("TASK_COMPLETED", "PROMISE_BROKEN", "SKIP_TRACE_REQUESTED");
        assertThat(c.get("status").asText()).isEqualTo("OPEN");
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Receive_OutreachOutcome", "Gateway_OutreachOutcome",
                "Timer_PromiseDue", "Task_CheckPromise", "Gateway_PromiseKept", "Gateway_JoinSkipTrace", "Task_RequestSkipTrace");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void debtorNotFoundGoesToLegalApproval() {
        // given a case in outreach whose debtor cannot be traced
        String caseId = api.openCase(DunningApi.caseRequest("D-GONE-NOTFOUND", "120.00")).get("caseId").asText();
        String call = api.walkToOutreach(caseId);

        // when the account manager cannot reach the debtor
        assertThat(api.completeTask(call, Map.of("outcome", "UNREACHABLE")).getStatusCode().value()).isEqualTo(200);

        // then the skip trace finds no one and the case goes to the legal gate for approval
        String approval = api.awaitOpenTask(caseId, "LEGAL_APPROVAL");
        assertThat(approval).isNotBlank();
        JsonNode c = api.awaitCase(caseId, x -> "LEGAL_HANDOFF".equals(x.get("stage").asText()));
        assertThat(c.get("status").asText()).isEqualTo("OPEN");
        assertThat(purposes(c)).doesNotContain("FINAL_NOTICE");
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("SKIP_TRACE_REQUESTED", "LEGAL_GATE", "TASK_OPENED");
        awaitWaitingAt(caseId, "Receive_LegalApproval");
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_RequestSkipTrace", "Receive_SkipTraceResult",
                "Gateway_SkipTraceResult", "Gateway_JoinLegal", "Task_AssessLegalRoute", "Gateway_LegalRoute", "Task_OpenLegalApproval")
                .doesNotContain("Task_SendFinalNotice", "Timer_SkipTraceTimeout");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void deceasedDebtorGoesToWriteOffApproval() {
        // given a case in outreach whose debtor has died
        String caseId = api.openCase(DunningApi.caseRequest("D-LATE-DECEASED", "120.00")).get("caseId").asText();
        String call = api.walkToOutreach(caseId);

        // when the call finds no one willing to pay
        assertThat(api.completeTask(call, Map.of("outcome", "REFUSED")).getStatusCode().value()).isEqualTo(200);

        // then the skip trace reports the death and a write-off needs approval, whatever the amount
        String approval = api.awaitOpenTask(caseId, "WRITE_OFF_APPROVAL");
        awaitWaitingAt(caseId, "Receive_WriteOffApproval");
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_RequestSkipTrace", "Gateway_SkipTraceResult",
                "Gateway_JoinWriteOff", "Task_OpenWriteOffApproval").doesNotContain("Task_AssessLegalRoute", "Task_SendFinalNotice");
        assertThat(api.getCase(caseId).get("status").asText()).isEqualTo("OPEN");

        // and once approved the case is written off
        assertThat(api.completeTask(approval, Map.of("outcome", "APPROVED")).getStatusCode().value()).isEqualTo(200);
        JsonNode c = api.awaitCase(caseId, x -> "WRITTEN_OFF".equals(x.get("status").asText()));
        assertThat(c.get("stage").asText()).isEqualTo("CLOSED");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.hasEnded(caseId));
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_WriteOff", "End_WrittenOff");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void smallDebtGoesToWriteOffApproval() {
        // given a debt of 40.00 in outreach whose debtor refuses to pay
        String caseId = api.openCase(DunningApi.caseRequest("D-SMALL-1", "40.00")).get("caseId").asText();
        String call = api.walkToOutreach(caseId);
        assertThat(api.completeTask(call, Map.of("outcome", "REFUSED")).getStatusCode().value()).isEqualTo(200);

        // when the final notice to the traced contact goes unpaid for ten days
        api.awaitCase(caseId, x -> purposes(x).contains("FINAL_NOTICE"));
        awaitWaitingAt(caseId, "Timer_FinalNoticeDue");
        api.advanceClock("P10D");

        // then, below 50, the legal route is a write-off that needs approval instead of a legal approval
        String approval = api.awaitOpenTask(caseId, "WRITE_OFF_APPROVAL");
        awaitWaitingAt(caseId, "Receive_WriteOffApproval");
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_SendFinalNotice", "Timer_FinalNoticeDue",
                "Task_AssessLegalRoute", "Gateway_LegalRoute", "Gateway_JoinWriteOff", "Task_OpenWriteOffApproval")
                .doesNotContain("Task_OpenLegalApproval");

        // and once approved the case is written off
        assertThat(api.completeTask(approval, Map.of("outcome", "APPROVED")).getStatusCode().value()).isEqualTo(200);
        JsonNode c = api.awaitCase(caseId, x -> "WRITTEN_OFF".equals(x.get("status").asText()));
        assertThat(c.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(c.at("/outstanding/amount").asText()).isEqualTo("40.00");
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("LEGAL_GATE", "TASK_OPENED", "TASK_COMPLETED", "CASE_WRITTEN_OFF");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.hasEnded(caseId));
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_WriteOff", "End_WrittenOff");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void slaPassingSendsTheCaseToSkipTrace() {
        // given an open outreach call with an SLA of three days
        String caseId = api.openCase(DunningApi.caseRequest("D-SLA-1", "120.00")).get("caseId").asText();
        String call = api.walkToOutreach(caseId);

        // when four days pass without an outcome
        api.advanceClock("P4D");

        // then the call expires and a skip trace is requested
        JsonNode c = api.awaitCase(caseId, x -> DunningApi.timelineTypes(x).contains("SKIP_TRACE_REQUESTED"));
        String status = null;
        for (JsonNode t : c.get("tasks")) {
            if (call.equals(t.get("taskId").asText())) status = t.get("status").asText();
        }
        assertThat(status).isEqualTo("EXPIRED");
        assertThat(DunningApi.timelineTypes(c)).containsSubsequence("TASK_OPENED", "TASK_EXPIRED", "SKIP_TRACE_REQUESTED");
        assertThat(api.completeTask(call, Map.of("outcome", "REFUSED")).getStatusCode().value()).isNotEqualTo(200);
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_OpenOutreachCall", "Timer_OutreachSla",
                "Task_ExpireOutreachCall", "Gateway_JoinSkipTrace", "Task_RequestSkipTrace")
                .doesNotContain("Receive_OutreachOutcome", "Gateway_OutreachOutcome");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    /** The app's date when the task was opened (the clock is shifted, so this is not the wall-clock date). */
    private LocalDate taskCreatedOn(String caseId, String taskId) {
        for (JsonNode t : api.getCase(caseId).get("tasks")) {
            if (taskId.equals(t.get("taskId").asText())) {
                return LocalDate.ofInstant(Instant.parse(t.get("createdAt").asText()), ZoneOffset.UTC);
            }
        }
        throw new AssertionError("no task " + taskId + " on case " + caseId);
    }

}
