package dev.dunning.outreach;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.sql.Timestamp;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The promised date plus its grace period has passed and the case is still open. The promise counts as kept when the
 * payments received since it was made reach the promised amount, or, without an amount, when any payment arrived
 * (the case then goes back to outreach for the rest); otherwise it is broken, which the offer decision sees next time.
 */
@Component
public class CheckPromiseWorker {

    public static final String JOB_TYPE = "dunning.promise.check";

    private record PaymentsSince(long count, java.math.BigDecimal total) {}

    private final CaseTransactions cases;
    private final WorkTasks tasks;
    private final JdbcClient jdbc;
    private final Timeline timeline;

    CheckPromiseWorker(CaseTransactions cases, WorkTasks tasks, JdbcClient jdbc, Timeline timeline) {
        this.cases = cases;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = {"caseId", "taskId"})
    public Map<String, Object> check(@Variable("caseId") String caseId, @Variable("taskId") String taskId) {
        WorkTask promise = tasks.findById(taskId).orElseThrow(() -> new IllegalStateException("no task " + taskId));
        boolean kept = cases.change(new CaseId(caseId), dunningCase -> {
            if (promise.promiseResult() != null) return "KEPT".equals(promise.promiseResult());
            PaymentsSince since = jdbc.sql("""
                            SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS total FROM payment
                            WHERE case_id = :caseId AND received_at >= :since""")
                    .param("caseId", caseId)
                    .param("since", Timestamp.from(promise.completedAt()))
                    .query((rs, i) -> new PaymentsSince(rs.getLong("n"), rs.getBigDecimal("total"))).single();
            boolean reached = promise.promisedAmount() == null ? since.count() > 0
                    : since.total().compareTo(promise.promisedAmount()) >= 0;
            promise.settlePromise(reached);
            tasks.save(promise);
            if (reached) {
                timeline.record(dunningCase.id(), "PROMISE_KEPT", promise.promisedAmount() == null
                        ? "a payment arrived after the promise of " + promise.promisedDate()
                        : "payments of " + amount(since.total(), dunningCase) + " reached the promised "
                                + amount(promise.promisedAmount(), dunningCase));
                return true;
            }
            dunningCase.recordBrokenPromise();
            timeline.record(dunningCase.id(), "PROMISE_BROKEN", (promise.promisedAmount() != null
                    ? "only " + amount(since.total(), dunningCase) + " of the promised "
                            + amount(promise.promisedAmount(), dunningCase) + " paid by " : "not paid by ") + promise.promisedDate());
            return false;
        });
        return Map.of("promiseKept", kept);
    }

    private static String amount(java.math.BigDecimal value, dev.dunning.cases.DunningCase c) {
        return value.setScale(c.currency().getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
