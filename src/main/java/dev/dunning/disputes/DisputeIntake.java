package dev.dunning.disputes;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.DunningCases;
import dev.dunning.cases.Timeline;
import dev.dunning.engine.EngineMessages;
import dev.dunning.outreach.TaskCompletion;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A dispute pauses the case at once (nothing more is sent) and asks the process for a review. */
@Service
public class DisputeIntake {

    private final DunningCases cases;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final EngineMessages engine;
    private final Clock clock;
    private final TaskCompletion tasks;

    DisputeIntake(DunningCases cases, JdbcClient jdbc, Timeline timeline, EngineMessages engine, Clock clock,
                  TaskCompletion tasks) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.engine = engine;
        this.clock = clock;
        this.tasks = tasks;
    }

    @Transactional
    public String raise(CaseId caseId, String reason) {
        var dunningCase = cases.lockAndGet(caseId);
        dunningCase.pauseForDispute();
        cases.save(dunningCase);
        // the dispute interrupts the escalation in the model; its open work (a call, an approval) goes with it
        tasks.cancelOpenTasks(caseId);
        String disputeId = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO dispute (id, case_id, reason, raised_at) VALUES (:id, :caseId, :reason, :now)")
                .param("id", disputeId).param("caseId", caseId.value()).param("reason", reason)
                .param("now", Timestamp.from(clock.instant())).update();
        timeline.record(caseId, "DISPUTE_RAISED", reason);
        engine.toCase(caseId, EngineMessages.DISPUTE_RAISED, Map.of("disputeId", disputeId));
        return disputeId;
    }
}
