package dev.dunning.outreach;

import java.util.Set;

/** The kinds of human work, each with the outcomes a person may choose. */
public enum TaskType {
    OUTREACH_CALL(Set.of("PROMISE_TO_PAY", "UNREACHABLE", "REFUSED")),
    LEGAL_APPROVAL(Set.of("APPROVED", "REJECTED")),
    WRITE_OFF_APPROVAL(Set.of("APPROVED", "REJECTED")),
    DISPUTE_REVIEW(Set.of("UPHELD", "REJECTED")),
    /** The legal partner did not acknowledge the handoff in time: ops chase it. */
    LEGAL_ACK_FOLLOW_UP(Set.of("RESOLVED"));

    private final Set<String> outcomes;

    TaskType(Set<String> outcomes) {
        this.outcomes = outcomes;
    }

    public Set<String> outcomes() {
        return outcomes;
    }
}
