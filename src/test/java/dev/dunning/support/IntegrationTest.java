package dev.dunning.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port, with the embedded engine and the embedded MariaDB (or the external database
 * named by DUNNING_DATABASE_MODE=external and DUNNING_DB_URL). All integration tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dunning.skip-trace.flush-interval=PT0.5S",
        "dunning.skip-trace.max-age=PT0S",
        "dunning.delivery.pause-recheck=PT1S",
        "dunning.delivery.retry-backoff=PT0.2S",
        "dunning.delivery.max-attempts=3"
})
public @interface IntegrationTest {
}
