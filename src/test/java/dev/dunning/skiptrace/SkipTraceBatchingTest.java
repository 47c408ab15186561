package dev.dunning.skiptrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.support.IntegrationTest;
import dev.dunning.support.TestData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Batchers of our own (with recording providers) against the real database; the app's scheduled batcher is paused. */
@IntegrationTest
class SkipTraceBatchingTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired SkipTraceBatcher appBatcher;

    /** Records every batch it is given. */
    static class Recording implements SkipTraceProvider {
        final String name;
        final List<Batch> batches = Collections.synchronizedList(new ArrayList<>());

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void submit(Batch batch) {
            batches.add(batch);
        }
    }

    @BeforeEach
    void pauseTheAppsBatcher() throws InterruptedException {
        appBatcher.pause();
        Thread.sleep(1000); // a scheduled run already under way finishes
        // requests left pending by other tests are not ours to batch here
        jdbc.sql("UPDATE skip_trace_request SET batch_id = 'elsewhere' WHERE batch_id IS NULL").update();
    }

    @AfterEach
    void resume() {
        appBatcher.resume();
    }

    SkipTraceBatcher batcher(Recording provider, Clock clock, int size, Duration maxAge) {
        return new SkipTraceBatcher(jdbc, tx, provider, clock, size, maxAge);
    }

    List<Long> pending(int count, Instant requestedAt) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String caseId = TestData.insertCase(jdbc, "D-BATCH-" + i);
            ids.add(TestData.insertSkipTraceRequest(jdbc, caseId, requestedAt));
        }
        return ids;
    }

    @Test
    void aBatchGoesOutWhenItReachesTheSize() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Recording vendor = new Recording("size-test");
        SkipTraceBatcher batcher = batcher(vendor, Clock.fixed(now, ZoneOffset.UTC), 3, Duration.ofHours(1));
        List<Long> ids = pending(2, now);

        batcher.run();
        assertThat(vendor.batches).as("two fresh requests are neither many nor old").isEmpty();

        ids.addAll(pending(5, now));
        batcher.run();
        assertThat(vendor.batches).hasSize(2).allSatisfy(b -> assertThat(b.subjects()).hasSize(3));
        assertThat(vendor.batches.stream().flatMap(b -> b.subjects().stream()).map(SkipTraceProvider.Subject::requestId))
                .containsExactlyInAnyOrderElementsOf(ids.subList(0, 6));
        assertThat(jdbc.sql("SELECT batch_id FROM skip_trace_request WHERE id = :id").param("id", ids.get(6)).query(String.class).optional())
                .as("the seventh waits for more or for its age").isEmpty();

        // what was sent: the permissible purpose and the minimum data, recorded on each request
        SkipTraceProvider.Subject first = vendor.batches.stream().flatMap(b -> b.subjects().stream())
                .filter(x -> x.requestId() == ids.getFirst()).findFirst().orElseThrow();
        assertThat(vendor.batches.getFirst().purpose()).isEqualTo(SkipTraceBatcher.PURPOSE);
        assertThat(first.name()).isEqualTo("Ada Debtor");
        assertThat(first.lastAddress().oneLine()).isEqualTo("Hauptstr. 1, 10115 Berlin, DE");
        assertThat(jdbc.sql("SELECT CONCAT_WS('|', purpose, provider, sent_reference, sent_name, sent_address, sent_phone, sent_email) FROM skip_trace_request WHERE id = :id")
                .param("id", first.requestId()).query(String.class).single())
                .isEqualTo("COLLECTION_OF_EXISTING_ACCOUNT|size-test|D-BATCH-0|Ada Debtor|Hauptstr. 1, 10115 Berlin, DE|+4915112345678|ada@example.com");
    }

    @Test
    void aBatchGoesOutWhenTheOldestRequestReachesTheAge() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Recording vendor = new Recording("age-test");
        List<Long> ids = pending(2, now);

        batcher(vendor, Clock.fixed(now.plus(Duration.ofMinutes(59)), ZoneOffset.UTC), 500, Duration.ofHours(1)).run();
        assertThat(vendor.batches).isEmpty();

        batcher(vendor, Clock.fixed(now.plus(Duration.ofHours(1)), ZoneOffset.UTC), 500, Duration.ofHours(1)).run();
        assertThat(vendor.batches).hasSize(1);
        assertThat(vendor.batches.getFirst().subjects()).extracting(SkipTraceProvider.Subject::requestId).containsExactlyElementsOf(ids);

        batcher(vendor, Clock.fixed(now.plus(Duration.ofHours(2)), ZoneOffset.UTC), 500, Duration.ofHours(1)).run();
        assertThat(vendor.batches).as("a sent batch is never sent again").hasSize(1);
    }

    @Test
    void twoInstancesRacingPutEachRequestInExactlyOneBatchAndSendEachBatchOnce() throws Exception {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Long> ids = pending(60, now.minus(Duration.ofHours(2)));
        Recording vendorA = new Recording("race");
        Recording vendorB = new Recording("race");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        SkipTraceBatcher a = batcher(vendorA, clock, 7, Duration.ofHours(1));
        SkipTraceBatcher b = batcher(vendorB, clock, 7, Duration.ofHours(1));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (SkipTraceBatcher batcher : List.of(a, b)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 5; i++) batcher.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) run.get();
        } finally {
            pool.shutdownNow();
        }

        List<SkipTraceProvider.Batch> sent = new ArrayList<>(vendorA.batches);
        sent.addAll(vendorB.batches);
        List<Long> sentIds = sent.stream().flatMap(x -> x.subjects().stream()).map(SkipTraceProvider.Subject::requestId).toList();
        assertThat(sentIds).as("every request in exactly one sent batch").containsExactlyInAnyOrderElementsOf(ids);
        Set<String> batchIds = new HashSet<>();
        sent.forEach(x -> assertThat(batchIds.add(x.batchId())).as("batch " + x.batchId() + " sent once").isTrue());
        assertThat(sent).hasSize(9); // 8 full batches of 7 and the old remainder of 4
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT batch_id) FROM skip_trace_request WHERE id IN (:ids)").param("ids", ids)
                .query(Integer.class).single()).isEqualTo(9);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM skip_trace_batch WHERE provider = 'race' AND sent_at IS NULL").query(Integer.class).single()).isZero();
    }
}
