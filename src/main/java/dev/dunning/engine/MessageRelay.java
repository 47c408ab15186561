package dev.dunning.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the engine outbox in order. A message the engine refuses as a duplicate (same message id) counts as
 * published, which makes a publish retried after a crash harmless. A message that cannot be published holds back
 * only the later messages of its own correlation key, so one stuck case never blocks the others.
 */
@Component
public class MessageRelay {

    private static final Logger log = LoggerFactory.getLogger(MessageRelay.class);

    private final JdbcClient jdbc;
    private final CamundaClient client;
    private final ModelDeployer models;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeToLive;

    MessageRelay(JdbcClient jdbc, CamundaClient client, ModelDeployer models, ObjectMapper json, Clock clock,
                 @Value("${dunning.engine.message-time-to-live:PT1H}") Duration timeToLive) {
        this.jdbc = jdbc;
        this.client = client;
        this.models = models;
        this.json = json;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    record Pending(long id, String name, String correlationKey, String messageId, String variables) {}

    @Scheduled(fixedDelayString = "${dunning.engine.relay-interval:PT0.2S}")
    public void publishPending() {
        if (!models.isDeployed()) return;
        List<Pending> pending = jdbc.sql("""
                SELECT id, name, correlation_key, message_id, variables FROM engine_message
                WHERE published_at IS NULL ORDER BY id LIMIT 200""").query(Pending.class).list();
        Set<String> heldBack = new HashSet<>();
        for (Pending message : pending) {
            if (heldBack.contains(message.correlationKey())) continue;
            try {
                publish(message);
                markPublished(message.id(), null);
            } catch (ClientStatusException e) {
                if (e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
                    markPublished(message.id(), "already published");
                } else {
                    heldBack.add(message.correlationKey());
                    recordFailure(message, e);
                }
            } catch (RuntimeException e) {
                heldBack.add(message.correlationKey());
                recordFailure(message, e);
            }
        }
    }

    private void publish(Pending message) {
        Map<String, Object> variables = readVariables(message.variables());
        client.newPublishMessageCommand()
                .messageName(message.name())
                .correlationKey(message.correlationKey())
                .messageId(message.messageId())
                .timeToLive(timeToLive)
                .variables(variables)
                .send()
                .join();
        log.debug("published {} for {}", message.name(), message.correlationKey());
    }

    private Map<String, Object> readVariables(String text) {
        try {
            return json.readValue(text, new TypeReference<>() {});
        } catch (Exception e) {
            throw new IllegalStateException("unreadable variables in engine message", e);
        }
    }

    private void markPublished(long id, String note) {
        jdbc.sql("UPDATE engine_message SET published_at = :now, attempts = attempts + 1, last_error = :note WHERE id = :id")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("note", note)
                .param("id", id)
                .update();
    }

    private void recordFailure(Pending message, Exception e) {
        log.warn("could not publish {} ({}), will retry: {}", message.name(), message.messageId(), e.getMessage());
        String error = String.valueOf(e.getMessage());
        jdbc.sql("UPDATE engine_message SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("id", message.id())
                .update();
    }
}
