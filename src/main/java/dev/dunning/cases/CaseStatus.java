package dev.dunning.cases;

public enum CaseStatus {
    OPEN, PAUSED, PAID, IN_LEGAL, WRITTEN_OFF, CANCELLED;

    public boolean isFinal() {
        return this == PAID || this == WRITTEN_OFF || this == CANCELLED || this == IN_LEGAL;
    }
}
