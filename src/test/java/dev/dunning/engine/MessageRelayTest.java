package dev.dunning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dunning.cases.CaseId;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.PublishMessageCommandStep1.PublishMessageCommandStep3;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay against a real database and a scripted engine client: nothing accepted is lost while the engine
 * is down, duplicates count as published, and one stuck case does not hold back the others.
 */
// Its own database on the embedded server: the app's relay in the shared test context polls engine_message too.
@DataJdbcTest(properties = "dunning.database.embedded-name=relay_test")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MessageRelayTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    private final Clock clock = Clock.systemUTC();
    private final List<String> published = new ArrayList<>();
    private final List<String> unavailableKeys = new ArrayList<>();
    private final List<String> duplicateKeys = new ArrayList<>();
    private CamundaClient client;
    private EngineMessages messages;
    private MessageRelay relay;

    @BeforeEach
    void setUp() {
        jdbc.sql("DELETE FROM engine_message").update();
        client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
        // the fluent chain ends in a step whose send().join() we script per correlation key
        when(client.newPublishMessageCommand().messageName(anyString()).correlationKey(anyString())).thenAnswer(inv -> {
            String key = inv.getArgument(0);
            PublishMessageCommandStep3 step = mock(PublishMessageCommandStep3.class, RETURNS_DEEP_STUBS);
            when(step.messageId(anyString()).timeToLive(any(Duration.class)).variables(any(Map.class)).send().join()).thenAnswer(j -> {
                if (unavailableKeys.contains(key)) throw new ClientStatusException(Status.UNAVAILABLE, null);
                if (duplicateKeys.contains(key)) throw new ClientStatusException(Status.ALREADY_EXISTS, null);
                published.add(key);
                return null;
            });
            return step;
        });
        ModelDeployer deployed = mock(ModelDeployer.class);
        when(deployed.isDeployed()).thenReturn(true);
        messages = new EngineMessages(jdbc, new ObjectMapper(), clock);
        relay = new MessageRelay(jdbc, client, deployed, new ObjectMapper(), clock, Duration.ofHours(1));
    }

    private String openCase() {
        String id = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> messages.caseOpened(new CaseId(id)));
        return id;
    }

    private long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM engine_message WHERE published_at IS NULL").query(Long.class).single();
    }

    @Test
    void aCaseAcceptedWhileTheEngineIsDownStartsWhenItIsBack() {
        String caseId = openCase();
        unavailableKeys.add(caseId);

        relay.publishPending();
        relay.publishPending();
        assertThat(published).isEmpty();
        assertThat(pending()).isEqualTo(1);

        unavailableKeys.clear();
        relay.publishPending();
        assertThat(published).containsExactly(caseId);
        assertThat(pending()).isZero();
    }

    @Test
    void aMessageTheEngineAlreadyHasCountsAsPublished() {
        String caseId = openCase();
        duplicateKeys.add(caseId);
        relay.publishPending();
        assertThat(pending()).isZero();
        duplicateKeys.clear(); // the engine would take it now: it must not be offered again
        relay.publishPending();
        assertThat(published).isEmpty(); // never sent again
    }

    @Test
    void aStuckCaseHoldsBackOnlyItsOwnLaterMessages() {
        String stuck = openCase();
        String healthy = openCase();
        tx.executeWithoutResult(s -> messages.toCase(new CaseId(stuck), EngineMessages.CASE_PAID, Map.of()));
        unavailableKeys.add(stuck);

        relay.publishPending();

        assertThat(published).containsExactly(healthy);
        assertThat(pending()).isEqualTo(2); // the stuck start and its later CasePaid, kept in order
        unavailableKeys.clear();
        relay.publishPending();
        assertThat(published).containsExactly(healthy, stuck, stuck);
    }
}
