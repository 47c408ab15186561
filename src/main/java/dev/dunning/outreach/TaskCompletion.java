package dev.dunning.outreach;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.DunningCase;
import java.math.BigDecimal;
import dev.dunning.cases.DunningCases;
import dev.dunning.cases.Timeline;
import dev.dunning.engine.EngineMessages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Completes human work and tells the waiting process, through the outbox, in one transaction. */
@Service
public class TaskCompletion {

    /** A bad completion request, naming the field at fault. */
    public static class InvalidCompletion extends RuntimeException {
        private final String field;

        InvalidCompletion(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static class TaskNotFound extends RuntimeException {
        TaskNotFound(String id) {
            super("no task " + id);
        }
    }

    public static class TaskAlreadyDone extends RuntimeException {
        TaskAlreadyDone(WorkTask task) {
            super("task " + task.id() + " is already " + task.status());
        }
    }

    private final WorkTasks tasks;
    private final DunningCases cases;
    private final EngineMessages engine;
    private final Timeline timeline;
    private final Clock clock;
    private final int maxPromiseDays;

    TaskCompletion(WorkTasks tasks, DunningCases cases, EngineMessages engine, Timeline timeline, Clock clock,
                   @Value("${dunning.outreach.max-promise-days:30}") int maxPromiseDays) {
        this.tasks = tasks;
        this.cases = cases;
        this.engine = engine;
        this.timeline = timeline;
        this.clock = clock;
        this.maxPromiseDays = maxPromiseDays;
    }

    /** {@code promisedAmount}: the optional amount of a promise to pay (in the case's currency). */
    @Transactional
    public WorkTask complete(String taskId, String outcome, LocalDate promisedDate, BigDecimal promisedAmount, String note) {
        WorkTask peek = tasks.findById(taskId).orElseThrow(() -> new TaskNotFound(taskId));
        CaseId caseId = new CaseId(peek.caseId());
        DunningCase dunningCase = cases.lockAndGet(caseId); // completion and the workers serialise on the case
        WorkTask task = tasks.findById(taskId).orElseThrow(() -> new TaskNotFound(taskId));
        if (!task.type().outcomes().contains(outcome)) {
            throw new InvalidCompletion("outcome", "outcome of a " + task.type() + " task must be one of " + task.type().outcomes());
        }
        LocalDate today = LocalDate.now(clock);
        if ("PROMISE_TO_PAY".equals(outcome)) {
            if (promisedDate == null) throw new InvalidCompletion("promisedDate", "a promise to pay needs a promisedDate");
            if (promisedDate.isBefore(today) || promisedDate.isAfter(today.plusDays(maxPromiseDays))) {
                throw new InvalidCompletion("promisedDate", "promisedDate must lie between today and " + maxPromiseDays + " days ahead");
            }
            if (promisedAmount != null) {
                int digits = dunningCase.currency().getDefaultFractionDigits();
                if (promisedAmount.signum() <= 0) throw new InvalidCompletion("promisedAmount", "must be greater than zero");
                if (promisedAmount.stripTrailingZeros().scale() > digits) {
                    throw new InvalidCompletion("promisedAmount", "has more decimals than " + dunningCase.currency() + " allows (" + digits + ")");
                }
                if (promisedAmount.compareTo(dunningCase.outstanding().amount()) > 0) {
                    throw new InvalidCompletion("promisedAmount", "must not exceed the outstanding " + dunningCase.outstanding());
                }
            }
        } else if (promisedDate != null) {
            throw new InvalidCompletion("promisedDate", "promisedDate is only allowed with the outcome PROMISE_TO_PAY");
        } else if (promisedAmount != null) {
            throw new InvalidCompletion("promisedAmount", "promisedAmount is only allowed with the outcome PROMISE_TO_PAY");
        }
        if (task.status() != WorkTask.Status.OPEN) throw new TaskAlreadyDone(task);
        task.complete(outcome, promisedDate, promisedAmount, note, clock.instant());
        tasks.save(task);
        timeline.record(caseId, "TASK_COMPLETED", task.type() + ": " + outcome
                + (promisedAmount != null ? ", promised " + promisedAmount.toPlainString() + " " + dunningCase.currency() : "")
                + (promisedDate != null ? (promisedAmount != null ? " by " : ", promised ") + promisedDate : "")
                + (note != null ? " (" + note + ")" : ""));
        if (!task.type().awaitedByModel()) return task;
        Map<String, Object> variables = new HashMap<>();
        variables.put("outcome", outcome);
        if (promisedDate != null) variables.put("promisedDate", promisedDate.toString());
        engine.correlated(caseId, EngineMessages.TASK_COMPLETED, task.id(), variables);
        return task;
    }

    /** A closed case leaves no open work behind. */
    @Transactional
    public void cancelOpenTasks(CaseId caseId) {
        for (WorkTask task : tasks.findByCaseIdAndStatus(caseId.value(), WorkTask.Status.OPEN)) {
            task.close(WorkTask.Status.CANCELLED, clock.instant());
            tasks.save(task);
        }
    }
}
