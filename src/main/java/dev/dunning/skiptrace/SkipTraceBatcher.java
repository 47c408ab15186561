package dev.dunning.skiptrace;

import dev.dunning.cases.Address;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gathers pending requests into a batch when there are enough of them or the oldest has waited long enough, then
 * submits each batch once. Row locks with SKIP LOCKED let several app instances run this side by side: each request
 * joins exactly one batch and each batch is submitted by exactly one instance.
 */
@Component
public class SkipTraceBatcher {

    private static final Logger log = LoggerFactory.getLogger(SkipTraceBatcher.class);
    /** The permissible purpose, recorded on every request and sent with every batch. */
    public static final String PURPOSE = "COLLECTION_OF_EXISTING_ACCOUNT";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SkipTraceProvider provider;
    private final Clock clock;
    private final int batchSize;
    private final Duration maxAge;

    SkipTraceBatcher(JdbcClient jdbc, TransactionTemplate tx, SkipTraceProvider provider, Clock clock,
                     @Value("${dunning.skip-trace.batch-size:500}") int batchSize,
                     @Value("${dunning.skip-trace.max-age:PT1H}") Duration maxAge) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.provider = provider;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxAge = maxAge;
    }

    private volatile boolean paused;

    /** Stops the scheduled runs (maintenance, and tests that drive batchers of their own). */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    @Scheduled(fixedDelayString = "${dunning.skip-trace.flush-interval:PT1H}", initialDelayString = "PT2S")
    public void scheduled() {
        if (!paused) run();
    }

    public void run() {
        try {
            while (formBatch()) { /* keep going while full batches are waiting */ }
            while (submitOneBatch()) { /* every unsent batch, one at a time */ }
        } catch (RuntimeException e) {
            log.warn("skip-trace batching failed, will retry: {}", e.getClass().getSimpleName());
        }
    }

    /** Forms one batch if the pending requests are many or old enough; returns whether it did. */
    boolean formBatch() {
        Boolean formed = tx.execute(status -> {
            List<Long> ids = jdbc.sql("""
                    SELECT id FROM skip_trace_request WHERE batch_id IS NULL ORDER BY id LIMIT :size FOR UPDATE SKIP LOCKED""")
                    .param("size", batchSize).query(Long.class).list();
            if (ids.isEmpty()) return false;
            Timestamp oldest = jdbc.sql("SELECT MIN(requested_at) FROM skip_trace_request WHERE id IN (:ids)")
                    .param("ids", ids).query(Timestamp.class).single();
            boolean full = ids.size() >= batchSize;
            boolean old = !oldest.toInstant().plus(maxAge).isAfter(clock.instant());
            if (!full && !old) return false;
            String batchId = UUID.randomUUID().toString();
            jdbc.sql("INSERT INTO skip_trace_batch (id, provider, created_at, size) VALUES (:id, :provider, :now, :size)")
                    .param("id", batchId).param("provider", provider.name()).param("now", Timestamp.from(clock.instant()))
                    .param("size", ids.size()).update();
            jdbc.sql("UPDATE skip_trace_request SET batch_id = :batchId WHERE id IN (:ids)")
                    .param("batchId", batchId).param("ids", ids).update();
            log.info("formed skip-trace batch {} with {} requests", batchId, ids.size());
            return full;
        });
        return Boolean.TRUE.equals(formed);
    }

    /** Submits one unsent batch while holding its row lock, and marks it sent in the same transaction. */
    boolean submitOneBatch() {
        Boolean submitted = tx.execute(status -> {
            var batchId = jdbc.sql("""
                    SELECT id FROM skip_trace_batch WHERE sent_at IS NULL AND provider = :provider
                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .param("provider", provider.name()).query(String.class).optional();
            if (batchId.isEmpty()) return false;
            // the minimum data, nothing else: reference, name, last known postal address, phone and email
            List<SkipTraceProvider.Subject> subjects = jdbc.sql("""
                    SELECT r.id, c.debtor_reference, c.debtor_name, c.debtor_phone, c.debtor_email, c.debtor_address_line1,
                           c.debtor_address_line2, c.debtor_address_postal_code, c.debtor_address_city, c.debtor_address_country
                    FROM skip_trace_request r JOIN dunning_case c ON c.id = r.case_id
                    WHERE r.batch_id = :batchId ORDER BY r.id""")
                    .param("batchId", batchId.get())
                    .query((rs, n) -> new SkipTraceProvider.Subject(rs.getLong("id"), rs.getString("debtor_reference"),
                            rs.getString("debtor_name"),
                            rs.getString("debtor_address_line1") == null ? null : new Address(rs.getString("debtor_address_line1"),
                                    rs.getString("debtor_address_line2"), rs.getString("debtor_address_postal_code"),
                                    rs.getString("debtor_address_city"), rs.getString("debtor_address_country")),
                            rs.getString("debtor_phone"), rs.getString("debtor_email")))
                    .list();
            for (SkipTraceProvider.Subject s : subjects) {
                jdbc.sql("""
                        UPDATE skip_trace_request SET purpose = :purpose, provider = :provider, sent_reference = :reference,
                               sent_name = :name, sent_address = :address, sent_phone = :phone, sent_email = :email
                        WHERE id = :id""")
                        .param("purpose", PURPOSE).param("provider", provider.name()).param("reference", s.reference())
                        .param("name", s.name()).param("address", s.lastAddress() != null ? s.lastAddress().oneLine() : null)
                        .param("phone", s.lastPhone()).param("email", s.lastEmail()).param("id", s.requestId()).update();
            }
            jdbc.sql("UPDATE skip_trace_batch SET sent_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("id", batchId.get()).update();
            provider.submit(new SkipTraceProvider.Batch(batchId.get(), PURPOSE, subjects));
            return true;
        });
        return Boolean.TRUE.equals(submitted);
    }
}
