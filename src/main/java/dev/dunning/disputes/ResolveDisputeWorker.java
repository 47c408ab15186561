package dev.dunning.disputes;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Stage;
import dev.dunning.cases.Timeline;
import dev.dunning.outreach.TaskCompletion;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies the review's outcome: UPHELD cancels the case; REJECTED resumes it, and the model re-enters the escalation
 * at the stage the case had reached ({@code resumeAt}).
 */
@Component
public class ResolveDisputeWorker {

    public static final String JOB_TYPE = "dunning.dispute.resolve";

    private final CaseTransactions cases;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final Clock clock;
    private final TaskCompletion tasks;

    ResolveDisputeWorker(CaseTransactions cases, JdbcClient jdbc, Timeline timeline, Clock clock, TaskCompletion tasks) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.clock = clock;
        this.tasks = tasks;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"caseId", "disputeId", "outcome"})
    public Map<String, Object> resolve(@Variable("caseId") String caseId, @Variable("disputeId") String disputeId,
                                       @Variable("outcome") String outcome) {
        Stage resumeAt = cases.change(new CaseId(caseId), dunningCase -> {
            if (!dunningCase.isActive()) return dunningCase.stage(); // settled meanwhile; the model is ending anyway
            int resolved = jdbc.sql("UPDATE dispute SET resolution = :outcome, resolved_at = :now WHERE id = :id AND resolution IS NULL")
                    .param("outcome", outcome).param("now", Timestamp.from(clock.instant())).param("id", disputeId).update();
            if ("UPHELD".equals(outcome)) {
                dunningCase.cancel(clock.instant());
                tasks.cancelOpenTasks(dunningCase.id());
                if (resolved > 0) timeline.record(dunningCase.id(), "CASE_CANCELLED", "the dispute was upheld");
                return Stage.CLOSED;
            }
            if (dunningCase.status() != dev.dunning.cases.CaseStatus.PAUSED) return dunningCase.stage();
            Stage stage = dunningCase.resumeAfterDispute();
            timeline.record(dunningCase.id(), "CASE_RESUMED", "the dispute was rejected; resuming at " + stage);
            return stage;
        });
        return Map.of("resumeAt", resumeAt.name());
    }
}
