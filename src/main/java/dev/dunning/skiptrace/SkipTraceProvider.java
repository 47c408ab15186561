package dev.dunning.skiptrace;

import java.util.List;

/**
 * A skip-trace vendor. It receives a batch with the minimum data (reference, name, last known address, phone and
 * email, for the permissible purpose of collecting an existing debt) and reports each result back through
 * {@link SkipTraceResults}.
 */
public interface SkipTraceProvider {

    record Subject(long requestId, String reference, String name, String lastAddress, String lastPhone, String lastEmail) {}

    record Batch(String batchId, String purpose, List<Subject> subjects) {}

    String name();

    /** Hands the batch over; throws to have the same batch submitted again later. */
    void submit(Batch batch);
}
