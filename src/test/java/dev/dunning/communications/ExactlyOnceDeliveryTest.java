package dev.dunning.communications;

import static dev.dunning.communications.Deliveries.awaitStatus;
import static dev.dunning.communications.Deliveries.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.reminders.SendReminderWorker;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The intent is recorded before the send; a crash after the send or a second claim never reaches the debtor twice. */
@IntegrationTest
class ExactlyOnceDeliveryTest {

    @LocalServerPort int port;
    @Autowired Clock clock;
    @Autowired Dispatcher dispatcher;
    @Autowired JdbcClient jdbc;
    @Autowired SendReminderWorker reminders;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @AfterEach
    void noMoreFaults() {
        dispatcher.afterSend = m -> { };
    }

    @Test
    void whenTheStatusUpdateFailsAfterTheSendTheMessageIsNotSentAgain() {
        // given the app "crashes" after the SMTP server took the message and before the status is recorded
        String email = "crash-" + System.nanoTime() + "@debtor.example";
        dispatcher.afterSend = m -> {
            if (m.to().equals(email)) throw new IllegalStateException("simulated crash between send and status update");
        };
        String caseId = api.openCase(Deliveries.request("D-CRASH-" + System.nanoTime(), email, null, true, "en",
                Deliveries.zoneWhereItIs(clock, 12))).get("caseId").asText();
        Deliveries.until(() -> mailsTo(api, email), m -> m.size() == 1);
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENDING");

        // when the app comes back (the claim of the SENDING row is stale) and keeps dispatching
        dispatcher.afterSend = m -> { };
        assertThat(dispatcher.markUnconfirmed(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        Deliveries.letDispatcherRun();

        // then the row is UNCONFIRMED, on the timeline, and the debtor still has exactly one message
        JsonNode c = awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "UNCONFIRMED");
        assertThat(mailsTo(api, email)).hasSize(1);
        assertThat(Deliveries.timelineDetails(c, "COMMUNICATION_UNCONFIRMED")).singleElement().asString().contains("REMINDER_1 by EMAIL");
        dispatcher.deliver(Deliveries.communication(c, "REMINDER_1", "EMAIL").get("id").asLong());
        assertThat(mailsTo(api, email)).hasSize(1);
    }

    @Test
    void theSameRowClaimedManyTimesAtOnceSendsOneMessage() throws Exception {
        // given a case whose first reminder went out
        String email = "race-" + System.nanoTime() + "@debtor.example";
        String caseId = api.openCase(Deliveries.request("D-RACE-" + System.nanoTime(), email, null, true, "en",
                Deliveries.zoneWhereItIs(clock, 12))).get("caseId").asText();
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");

        // when a new message is queued and eight threads (and the scheduled dispatcher) claim it at the same moment
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO communication (case_id, purpose, sequence, channel, recipient, status, created_at, language)
                VALUES (:caseId, 'INSTALMENT_REMINDER', 77, 'EMAIL', :email, 'QUEUED', :now, 'en')""")
                .param("caseId", caseId).param("email", email).param("now", Timestamp.from(clock.instant())).update(key, "id");
        long id = key.getKey().longValue();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(pool.submit(() -> {
                start.await();
                dispatcher.deliver(id);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : claims) f.get();
        pool.shutdown();
        awaitStatus(api, caseId, "INSTALMENT_REMINDER", "EMAIL", "SENT");
        dispatcher.deliver(id); // and once more after it was sent
        Deliveries.letDispatcherRun();

        // then exactly one instalment email reached the debtor
        assertThat(mailsTo(api, email)).extracting(m -> m.get("subject").asText()).filteredOn(s -> s.startsWith("Your instalment"))
                .hasSize(1);
        assertThat(mailsTo(api, email)).hasSize(2);
    }

    @Test
    void aRedeliveredReminderJobAfterTheSendSendsNothingTwice() {
        String email = "redeliver-" + System.nanoTime() + "@debtor.example";
        String caseId = api.openCase(Deliveries.request("D-REJOB-" + System.nanoTime(), email, null, true, "en",
                Deliveries.zoneWhereItIs(clock, 12))).get("caseId").asText();
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");

        reminders.sendReminder(caseId, Map.of("purpose", "REMINDER_1"));
        reminders.sendReminder(caseId, Map.of("purpose", "REMINDER_1"));
        Deliveries.letDispatcherRun();

        assertThat(mailsTo(api, email)).hasSize(1);
    }
}
