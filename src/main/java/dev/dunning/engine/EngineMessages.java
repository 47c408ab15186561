package dev.dunning.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dunning.cases.CaseId;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox towards the engine. A message is written in the same transaction as the business change that causes
 * it, so nothing accepted is lost while the engine is down; {@link MessageRelay} publishes it after commit.
 */
@Component
public class EngineMessages {

    public static final String CASE_OPENED = "CaseOpened";
    public static final String CASE_PAID = "CasePaid";
    public static final String DISPUTE_RAISED = "DisputeRaised";
    public static final String OFFER_ACCEPTED = "OfferAccepted";
    public static final String TASK_COMPLETED = "TaskCompleted";
    public static final String SKIP_TRACE_RESULT = "SkipTraceResult";
    /** Every contact of the debtor proved invalid: the model sends the case to skip trace at once. */
    public static final String CONTACT_FAILED = "ContactFailed";
    /** The legal partner acknowledged the handoff with its reference. */
    public static final String LEGAL_ACKNOWLEDGED = "LegalAcknowledged";
    /** A message waits for the debtor's contact window: the model shows the wait as a timer in Operate. */
    public static final String DELIVERY_DEFERRED = "DeliveryDeferred";
    /** A provider kept failing: the model raises an incident in Operate that ops resolve by retrying. */
    public static final String DELIVERY_FAILED = "DeliveryFailed";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    EngineMessages(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The start message: correlation key and message id are the case id, so a retried start creates no second instance. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void caseOpened(CaseId caseId) {
        write(caseId, CASE_OPENED, caseId.value(), caseId.value(), Map.of("caseId", caseId.value()));
    }

    /** A message correlated to the case's process instance by case id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toCase(CaseId caseId, String name, Map<String, Object> variables) {
        write(caseId, name, caseId.value(), name + ":" + UUID.randomUUID(), variables);
    }

    /** A message correlated by an explicit key, such as a task id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void correlated(CaseId caseId, String name, String correlationKey, Map<String, Object> variables) {
        write(caseId, name, correlationKey, name + ":" + correlationKey, variables);
    }

    private void write(CaseId caseId, String name, String correlationKey, String messageId, Map<String, Object> variables) {
        try {
            jdbc.sql("""
                    INSERT INTO engine_message (case_id, name, correlation_key, message_id, variables, created_at)
                    VALUES (:caseId, :name, :key, :messageId, :variables, :now)""")
                    .param("caseId", caseId.value())
                    .param("name", name)
                    .param("key", correlationKey)
                    .param("messageId", messageId)
                    .param("variables", json.writeValueAsString(variables))
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message variables are not serialisable: " + variables, e);
        }
    }
}
