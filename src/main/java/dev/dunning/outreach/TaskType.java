package dev.dunning.outreach;

import java.util.Set;

/** The kinds of human work, each with the outcomes a person may choose. */
public enum TaskType {
    OUTREACH_CALL(Set.of("PROMISE_TO_PAY", "UNREACHABLE", "REFUSED")),
    LEGAL_APPROVAL(Set.of("APPROVED", "REJECTED")),
    WRITE_OFF_APPROVAL(Set.of("APPROVED", "REJECTED")),
    DISPUTE_REVIEW(Set.of("UPHELD", "REJECTED")),
    /** The legal partner did not acknowledge the handoff in time: ops chase it. */
    LEGAL_ACK_FOLLOW_UP(Set.of("RESOLVED")),
    /** An outreach call passed its SLA: a team lead looks at why. No process waits for it (opened by the app). */
    TEAM_LEAD_REVIEW(Set.of("ACKNOWLEDGED"), false);

    private final Set<String> outcomes;
    private final boolean awaitedByModel;

    TaskType(Set<String> outcomes) {
        this(outcomes, true);
    }

    TaskType(Set<String> outcomes, boolean awaitedByModel) {
        this.outcomes = outcomes;
        this.awaitedByModel = awaitedByModel;
    }

    /** Whether a process instance waits for the TaskCompleted message of this kind of task. */
    public boolean awaitedByModel() {
        return awaitedByModel;
    }

    public Set<String> outcomes() {
        return outcomes;
    }
}
