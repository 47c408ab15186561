package dev.dunning.outreach;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA of a task passed: it is closed as EXPIRED (visible on the case) and the escalation goes on. An outreach call
 * that expired also opens a TEAM_LEAD_REVIEW for a team lead in the same transaction, so the missed call does not
 * silently vanish. The review is keyed by the expired task, so a redelivered job opens no second one.
 */
@Component
public class ExpireTaskWorker {

    public static final String JOB_TYPE = "dunning.task.expire";

    private final WorkTasks tasks;
    private final Timeline timeline;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final AccountManagers managers;

    ExpireTaskWorker(WorkTasks tasks, Timeline timeline, Clock clock, TransactionTemplate tx, AccountManagers managers) {
        this.tasks = tasks;
        this.timeline = timeline;
        this.clock = clock;
        this.tx = tx;
        this.managers = managers;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"caseId", "taskId"})
    public void expire(@Variable("caseId") String caseId, @Variable("taskId") String taskId) {
        tx.executeWithoutResult(status -> tasks.findById(taskId).ifPresent(task -> {
            Instant now = clock.instant();
            if (task.close(WorkTask.Status.EXPIRED, now)) {
                tasks.save(task);
                timeline.record(new CaseId(caseId), "TASK_EXPIRED", task.type() + " passed its SLA without an outcome");
            }
            if (task.type() == TaskType.OUTREACH_CALL && task.status() == WorkTask.Status.EXPIRED) escalate(caseId, task, now);
        }));
    }

    private void escalate(String caseId, WorkTask expired, Instant now) {
        String stepKey = TaskType.TEAM_LEAD_REVIEW + ":" + expired.id();
        if (tasks.findByCaseIdAndStepKey(caseId, stepKey).isPresent()) return;
        String lead = managers.assignTeamLead().orElse(null);
        tasks.save(WorkTask.open(caseId, TaskType.TEAM_LEAD_REVIEW, stepKey, now, null, lead));
        timeline.record(new CaseId(caseId), "TASK_ESCALATED", "OUTREACH_CALL" + (expired.assignee() != null
                ? " of " + expired.assignee() : "") + " passed its SLA; TEAM_LEAD_REVIEW opened"
                + (lead != null ? " for " + lead : ""));
    }
}
