package dev.dunning.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A piece of human work on a case: a call to make, an approval or a dispute to review. */
@Table("work_task")
public class WorkTask {

    public enum Status { OPEN, DONE, EXPIRED, CANCELLED }

    @Id
    private String id;
    private String caseId;
    private TaskType type;
    private String stepKey;
    private Status status;
    private Instant createdAt;
    private Instant dueAt;
    private Instant completedAt;
    private String outcome;
    private LocalDate promisedDate;
    private String note;
    private String promiseResult;
    private String assignee;
    private java.math.BigDecimal promisedAmount;
    @Version
    private Long version;

    @PersistenceCreator
    WorkTask() {
    }

    static WorkTask open(String caseId, TaskType type, String stepKey, Instant now, Instant dueAt, String assignee) {
        WorkTask t = new WorkTask();
        t.assignee = assignee;
        t.id = UUID.randomUUID().toString();
        t.caseId = caseId;
        t.type = type;
        t.stepKey = stepKey;
        t.status = Status.OPEN;
        t.createdAt = now;
        t.dueAt = dueAt;
        return t;
    }

    void complete(String outcome, LocalDate promisedDate, java.math.BigDecimal promisedAmount, String note, Instant now) {
        if (status != Status.OPEN) throw new IllegalStateException("task " + id + " is " + status);
        if (!type.outcomes().contains(outcome)) throw new IllegalArgumentException("outcome");
        this.status = Status.DONE;
        this.outcome = outcome;
        this.promisedDate = promisedDate;
        this.promisedAmount = promisedAmount;
        this.note = note;
        this.completedAt = now;
    }

    boolean close(Status newStatus, Instant now) {
        if (status != Status.OPEN) return false;
        status = newStatus;
        completedAt = now;
        return true;
    }

    /** Settles a promise once; returns the earlier verdict when asked again. */
    boolean settlePromise(boolean kept) {
        if (promiseResult != null) return "KEPT".equals(promiseResult);
        promiseResult = kept ? "KEPT" : "BROKEN";
        return kept;
    }

    public String promiseResult() { return promiseResult; }
    public String id() { return id; }
    public String caseId() { return caseId; }
    public TaskType type() { return type; }
    public Status status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant dueAt() { return dueAt; }
    public Instant completedAt() { return completedAt; }
    public String outcome() { return outcome; }
    public LocalDate promisedDate() { return promisedDate; }
    public String note() { return note; }
    /** Email of the person the task is assigned to; null when nobody is configured. */
    public String assignee() { return assignee; }
    /** The amount promised with a PROMISE_TO_PAY; null for "any payment". */
    public java.math.BigDecimal promisedAmount() { return promisedAmount; }
}
