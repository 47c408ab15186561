package dev.dunning.communications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not part of the suite. {@code mvn -B test -Dtest=SmtpThroughputBenchmark -Dbenchmark=true}: queues N emails and
 * measures how fast the dispatcher (claim, render, SMTP into GreenMail, record) delivers them. The figure is printed
 * and written to {@code target/benchmark-smtp.txt}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SmtpThroughputBenchmark {

    static final int MESSAGES = Integer.getInteger("benchmark.messages", 500);

    @LocalServerPort int port;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void emailsPerSecondIntoGreenMail() throws Exception {
        DunningApi api = new DunningApi(port);
        String email = "bench-" + System.nanoTime() + "@debtor.example";
        String caseId = api.openCase(Deliveries.request("D-BENCH-" + System.nanoTime(), email, null, true, "de",
                Deliveries.zoneWhereItIs(clock, 12))).get("caseId").asText();
        Deliveries.awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");

        long start = System.nanoTime();
        for (int i = 1; i <= MESSAGES; i++) {
            jdbc.sql("""
                    INSERT INTO communication (case_id, purpose, sequence, channel, recipient, status, created_at, language)
                    VALUES (:caseId, 'INSTALMENT_REMINDER', :seq, 'EMAIL', :email, 'QUEUED', :now, 'de')""")
                    .param("caseId", caseId).param("seq", i).param("email", email).param("now", Timestamp.from(clock.instant())).update();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM communication WHERE case_id = :caseId AND purpose = 'INSTALMENT_REMINDER' AND status = 'SENT'")
                        .param("caseId", caseId).query(Integer.class).single() == MESSAGES);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(Deliveries.mailsTo(api, email)).hasSize(MESSAGES + 1);
        String figure = String.format(java.util.Locale.ROOT, "SMTP throughput: %d emails (claim, render, send to GreenMail, record) in %.1f s = %.1f messages/s%n",
                MESSAGES, seconds, MESSAGES / seconds);
        System.out.print(figure);
        Files.writeString(Path.of("target", "benchmark-smtp.txt"), figure);
    }
}
