package dev.dunning.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port, with the embedded engine and the embedded MariaDB (or the external database
 * named by DUNNING_DATABASE_MODE=external and DUNNING_DB_URL). All integration tests share one context; each class
 * starts at 10:00 Berlin time and cancels the process instances it leaves running ({@link SharedEngineHygiene}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedEngineHygiene.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dunning.skip-trace.flush-interval=PT0.5S",
        "dunning.skip-trace.max-age=PT0S",
        "dunning.skip-trace.file.outbox=target/it-files/skip-trace/outbox",
        "dunning.skip-trace.file.inbox=target/it-files/skip-trace/inbox",
        "dunning.skip-trace.file.quarantine=target/it-files/skip-trace/quarantine",
        "dunning.skip-trace.file.poll-interval=PT0.3S",
        "dunning.skip-trace.callback-secrets.acme=" + IntegrationTest.SKIP_TRACE_SECRET,
        "dunning.legal.drop-folder=target/it-files/legal-drop",
        "dunning.legal.ack-inbox=target/it-files/legal-ack",
        "dunning.legal.ack-poll-interval=PT0.3S",
        "dunning.legal.callback-secrets.file-drop=" + IntegrationTest.LEGAL_SECRET,
        "dunning.delivery.pause-recheck=PT1S",
        "dunning.delivery.retry-backoff=PT0.2S",
        "dunning.delivery.max-attempts=3"
})
public @interface IntegrationTest {
    String SKIP_TRACE_SECRET = "test-skip-trace-secret";
    String LEGAL_SECRET = "test-legal-secret";
}
