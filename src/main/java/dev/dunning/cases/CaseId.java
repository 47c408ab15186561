package dev.dunning.cases;

import java.util.UUID;

public record CaseId(String value) {
    public CaseId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("case id must not be blank");
    }

    public static CaseId newId() {
        return new CaseId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
