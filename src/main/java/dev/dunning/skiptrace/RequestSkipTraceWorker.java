package dev.dunning.skiptrace;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Stage;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Puts the debtor in the next skip-trace batch. The model then waits for {@code SkipTraceResult}. */
@Component
public class RequestSkipTraceWorker {

    public static final String JOB_TYPE = "dunning.skip-trace.request";

    private final CaseTransactions cases;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final Clock clock;

    RequestSkipTraceWorker(CaseTransactions cases, JdbcClient jdbc, Timeline timeline, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.clock = clock;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public void request(ActivatedJob job, @Variable("caseId") String caseId) {
        cases.change(new CaseId(caseId), dunningCase -> {
            if (!dunningCase.isOpen()) return null;
            dunningCase.enterStage(Stage.SKIP_TRACE);
            try {
                jdbc.sql("""
                        INSERT INTO skip_trace_request (case_id, step_key, requested_at, purpose)
                        VALUES (:caseId, :stepKey, :now, :purpose)""")
                        .param("purpose", SkipTraceBatcher.PURPOSE)
                        .param("caseId", caseId).param("stepKey", "SKIP_TRACE:" + job.getElementInstanceKey())
                        .param("now", Timestamp.from(clock.instant())).update();
                timeline.record(dunningCase.id(), "SKIP_TRACE_REQUESTED", "the debtor joins the next skip-trace batch");
            } catch (DuplicateKeyException alreadyRequested) {
                // redelivered job: the request is already queued
            }
            return null;
        });
    }
}
