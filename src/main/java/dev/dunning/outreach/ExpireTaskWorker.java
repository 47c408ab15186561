package dev.dunning.outreach;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The SLA of a task passed: it is closed as EXPIRED (visible on the case) and the escalation goes on. */
@Component
public class ExpireTaskWorker {

    public static final String JOB_TYPE = "dunning.task.expire";

    private final WorkTasks tasks;
    private final Timeline timeline;
    private final Clock clock;
    private final TransactionTemplate tx;

    ExpireTaskWorker(WorkTasks tasks, Timeline timeline, Clock clock, TransactionTemplate tx) {
        this.tasks = tasks;
        this.timeline = timeline;
        this.clock = clock;
        this.tx = tx;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"caseId", "taskId"})
    public void expire(@Variable("caseId") String caseId, @Variable("taskId") String taskId) {
        tx.executeWithoutResult(status -> tasks.findById(taskId).ifPresent(task -> {
            if (task.close(WorkTask.Status.EXPIRED, clock.instant())) {
                tasks.save(task);
                timeline.record(new CaseId(caseId), "TASK_EXPIRED", task.type() + " passed its SLA without an outcome");
            }
        }));
    }
}
