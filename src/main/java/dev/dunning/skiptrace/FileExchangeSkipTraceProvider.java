package dev.dunning.skiptrace;

import dev.dunning.engine.TransientFailure;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The batch vendor's way: each batch becomes {@code skiptrace-request-<batchId>.csv} in the outbox folder (an SFTP
 * mount in production), written under a temporary name and moved, so the vendor never reads half a file. Results come
 * back as files in the inbox ({@link SkipTraceInbox}). Writing the same batch again replaces the file.
 */
class FileExchangeSkipTraceProvider implements SkipTraceProvider {

    private final String name;
    private final Path outbox;

    FileExchangeSkipTraceProvider(String name, Path outbox) {
        this.name = name;
        this.outbox = outbox;
    }

    static String requestFileName(String batchId) {
        return "skiptrace-request-" + batchId + ".csv";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void submit(Batch batch) {
        try {
            Files.createDirectories(outbox);
            Path tmp = outbox.resolve(requestFileName(batch.batchId()) + ".part");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                VendorCsv.writeRequests(batch, out);
            }
            Files.move(tmp, outbox.resolve(requestFileName(batch.batchId())), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TransientFailure("skip-trace outbox " + outbox + " is not writable: " + e.getClass().getSimpleName(), e);
        }
    }
}
