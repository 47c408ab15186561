package dev.dunning.outreach;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Stage;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Opens a human task (header {@code taskType}, optional SLA in header {@code sla} as an ISO-8601 period). The model
 * then waits for the {@code TaskCompleted} message correlated by the returned {@code taskId}. The task is keyed by
 * the element instance that asked for it, so a redelivered job returns the task it opened before.
 */
@Component
public class OpenTaskWorker {

    public static final String JOB_TYPE = "dunning.task.open";

    private final CaseTransactions cases;
    private final WorkTasks tasks;
    private final Timeline timeline;
    private final Clock clock;
    private final AccountManagers managers;

    OpenTaskWorker(CaseTransactions cases, WorkTasks tasks, Timeline timeline, Clock clock, AccountManagers managers) {
        this.managers = managers;
        this.cases = cases;
        this.tasks = tasks;
        this.timeline = timeline;
        this.clock = clock;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public Map<String, Object> openTask(ActivatedJob job, @Variable("caseId") String caseId,
                                        @CustomHeaders Map<String, String> headers) {
        TaskType type = TaskType.valueOf(headers.getOrDefault("taskType", "missing header 'taskType'"));
        String stepKey = type + ":" + job.getElementInstanceKey();
        WorkTask task = cases.change(new CaseId(caseId), dunningCase -> {
            var existing = tasks.findByCaseIdAndStepKey(caseId, stepKey);
            if (existing.isPresent()) return existing.get();
            Instant now = clock.instant();
            Instant dueAt = headers.containsKey("sla")
                    ? now.atZone(ZoneOffset.UTC).plus(Period.parse(headers.get("sla"))).toInstant() : null;
            switch (type) {
                case OUTREACH_CALL -> dunningCase.enterStage(Stage.PERSONAL_OUTREACH);
                case LEGAL_APPROVAL, WRITE_OFF_APPROVAL -> dunningCase.enterStage(Stage.LEGAL_HANDOFF);
                case DISPUTE_REVIEW, LEGAL_ACK_FOLLOW_UP, TEAM_LEAD_REVIEW -> { }
            }
            String assignee = type == TaskType.OUTREACH_CALL ? managers.assignCall(dunningCase.debtor()).orElse(null) : null;
            WorkTask opened = tasks.save(WorkTask.open(caseId, type, stepKey, now, dueAt, assignee));
            timeline.record(dunningCase.id(), "TASK_OPENED", type + (dueAt != null ? ", due " + dueAt : "")
                    + (assignee != null ? ", assigned to " + assignee : ""));
            return opened;
        });
        Map<String, Object> result = new HashMap<>();
        result.put("taskId", task.id());
        if (task.dueAt() != null) result.put("taskDueAt", task.dueAt().toString());
        return result;
    }
}
