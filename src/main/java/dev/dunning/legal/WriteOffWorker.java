package dev.dunning.legal;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Timeline;
import dev.dunning.outreach.TaskCompletion;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** An approved write-off closes the case as WRITTEN_OFF. */
@Component
public class WriteOffWorker {

    public static final String JOB_TYPE = "dunning.case.write-off";

    private final CaseTransactions cases;
    private final Timeline timeline;
    private final Clock clock;
    private final TaskCompletion tasks;

    WriteOffWorker(CaseTransactions cases, Timeline timeline, Clock clock, TaskCompletion tasks) {
        this.cases = cases;
        this.timeline = timeline;
        this.clock = clock;
        this.tasks = tasks;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public void writeOff(@Variable("caseId") String caseId) {
        cases.change(new CaseId(caseId), dunningCase -> {
            if (!dunningCase.isOpen()) return null;
            dunningCase.writeOff(clock.instant());
            tasks.cancelOpenTasks(dunningCase.id());
            timeline.record(dunningCase.id(), "CASE_WRITTEN_OFF", "written off with " + dunningCase.outstanding() + " outstanding");
            return null;
        });
    }
}
