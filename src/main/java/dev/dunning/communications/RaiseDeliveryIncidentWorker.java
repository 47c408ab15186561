package dev.dunning.communications;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.DunningCases;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider kept failing after the dispatcher's retries: this raises an incident in Operate whose message names the
 * provider and the error. When ops have fixed the provider and retry the incident, the message is queued again (it was
 * never sent, so this sends nothing twice) and the step completes.
 */
@Component
public class RaiseDeliveryIncidentWorker {

    public static final String JOB_TYPE = "dunning.delivery.failed";

    private final JdbcClient jdbc;
    private final DunningCases cases;
    private final Timeline timeline;
    private final TransactionTemplate tx;
    private final Clock clock;

    RaiseDeliveryIncidentWorker(JdbcClient jdbc, DunningCases cases, Timeline timeline, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.timeline = timeline;
        this.tx = tx;
        this.clock = clock;
    }

    record Failed(String caseId, String purpose, String channel, String status, String reason, Timestamp incidentRaisedAt) {}

    @JobWorker(type = JOB_TYPE, fetchVariables = {"caseId", "failedCommunicationId"})
    public void handle(@Variable("caseId") String caseId, @Variable("failedCommunicationId") long communicationId) {
        String incident = tx.execute(status -> {
            cases.lockAndGet(new CaseId(caseId));
            Failed c = jdbc.sql("""
                    SELECT case_id, purpose, channel, status, status_reason AS reason, incident_raised_at
                    FROM communication WHERE id = :id""").param("id", communicationId).query(Failed.class).optional()
                    .orElseThrow(() -> new IllegalStateException("no communication " + communicationId));
            if (!"FAILED".equals(c.status())) return null; // sent or handled meanwhile
            if (c.incidentRaisedAt() == null) {
                jdbc.sql("UPDATE communication SET incident_raised_at = :now WHERE id = :id")
                        .param("now", Timestamp.from(clock.instant())).param("id", communicationId).update();
                return "Delivery of " + c.purpose() + " by " + c.channel() + " (communication " + communicationId
                        + ") failed: " + c.reason() + ". Fix the provider, then retry this incident: the message is queued again.";
            }
            // ops retried the incident: queue the message again for the dispatcher
            jdbc.sql("""
                    UPDATE communication SET status = 'QUEUED', attempts = 0, next_attempt_at = NULL, incident_raised_at = NULL,
                        status_reason = 'queued again after the incident was retried'
                    WHERE id = :id AND status = 'FAILED'""").param("id", communicationId).update();
            timeline.record(new CaseId(caseId), "COMMUNICATION_REQUEUED", c.purpose() + " by " + c.channel()
                    + ": queued again after ops retried the delivery incident");
            return null;
        });
        // recorded before failing: the retry after ops fixed the provider queues the message again
        if (incident != null) throw CamundaError.jobError(incident, null, 0, Duration.ZERO);
    }
}
