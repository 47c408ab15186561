package dev.dunning.skiptrace;

import dev.dunning.cases.Address;
import java.util.List;

/**
 * A skip-trace vendor. It receives a batch with the minimum data (reference, name, last known postal address, phone
 * and email, for the permissible purpose of collecting an existing debt) and reports each result back later, through
 * a result file ({@link SkipTraceInbox}) or a signed HTTP callback; both end in {@link SkipTraceResults}.
 */
public interface SkipTraceProvider {

    record Subject(long requestId, String reference, String name, Address lastAddress, String lastPhone, String lastEmail) {}

    record Batch(String batchId, String purpose, List<Subject> subjects) {}

    String name();

    /** Hands the batch over; throws to have the same batch submitted again later. Must tolerate the same batch twice. */
    void submit(Batch batch);
}
