package dev.dunning.outreach;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseStatus;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Timeline;
import dev.dunning.communications.ContactRegistry;
import dev.dunning.communications.ContactWindow;
import dev.dunning.communications.GuardRefusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outreach call log. Each attempt lands on the case timeline. Guards (US Regulation F presumption and the
 * general contact rules): at most 7 attempts per case within 7 days, none within 7 days after a conversation, none
 * outside the contact window, none after a cease-communication request, none while the case is paused or closed. A
 * refused attempt is not recorded as an attempt, but the refusal is on the timeline with its rule.
 */
@Component
public class CallLog {

    public static final String RULE_FREQUENCY = "CALL_FREQUENCY_7_IN_7_DAYS";
    public static final String RULE_AFTER_CONVERSATION = "NO_CALL_WITHIN_7_DAYS_AFTER_CONVERSATION";
    static final int MAX_ATTEMPTS = 7;
    static final Duration PERIOD = Duration.ofDays(7);

    public enum Outcome { NO_ANSWER, LEFT_MESSAGE, CONVERSATION }

    public record Attempt(long id, String taskId, String caseId, Outcome outcome, String note, Instant at) {}

    private record Decision(Attempt attempt, GuardRefusal refusal) {}

    private final JdbcClient jdbc;
    private final CaseTransactions cases;
    private final WorkTasks tasks;
    private final Timeline timeline;
    private final ContactRegistry contacts;
    private final ContactWindow window;
    private final Clock clock;

    CallLog(JdbcClient jdbc, CaseTransactions cases, WorkTasks tasks, Timeline timeline, ContactRegistry contacts,
            ContactWindow window, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.tasks = tasks;
        this.timeline = timeline;
        this.contacts = contacts;
        this.window = window;
        this.clock = clock;
    }

    public Attempt record(String taskId, Outcome outcome, String note) {
        WorkTask task = tasks.findById(taskId).orElseThrow(() -> new TaskCompletion.TaskNotFound(taskId));
        if (task.type() != TaskType.OUTREACH_CALL) {
            throw new IllegalStateException("call attempts are recorded on OUTREACH_CALL tasks; task " + taskId + " is " + task.type());
        }
        Decision decision = cases.change(new CaseId(task.caseId()), c -> {
            Instant now = clock.instant();
            GuardRefusal refusal = null;
            if (c.status() != CaseStatus.OPEN) {
                refusal = new GuardRefusal(c.status() == CaseStatus.PAUSED ? "CASE_PAUSED" : "CASE_CLOSED",
                        "case " + c.id().value() + " is " + c.status() + ": no calls");
            } else if (contacts.ceased(c.id())) {
                refusal = new GuardRefusal(ContactRegistry.RULE_CEASE, "the debtor asked in writing to cease communication: no calls");
            } else if (window.closedUntil(c.debtor(), now).isPresent()) {
                refusal = new GuardRefusal(ContactWindow.RULE, "calls only " + window.describe(c.debtor()) + "; the window opens at "
                        + window.closedUntil(c.debtor(), now).get());
            } else {
                Timestamp since = Timestamp.from(now.minus(PERIOD));
                int recent = jdbc.sql("SELECT COUNT(*) FROM call_attempt WHERE case_id = :caseId AND at > :since")
                        .param("caseId", c.id().value()).param("since", since).query(Integer.class).single();
                var lastConversation = jdbc.sql("""
                                SELECT MAX(at) FROM call_attempt WHERE case_id = :caseId AND outcome = 'CONVERSATION' AND at > :since""")
                        .param("caseId", c.id().value()).param("since", since).query(Timestamp.class).optional();
                if (lastConversation.isPresent()) {
                    refusal = new GuardRefusal(RULE_AFTER_CONVERSATION, "a conversation took place at "
                            + lastConversation.get().toInstant() + "; no call until " + lastConversation.get().toInstant().plus(PERIOD));
                } else if (recent >= MAX_ATTEMPTS) {
                    refusal = new GuardRefusal(RULE_FREQUENCY, recent + " call attempts on this case within 7 days already; at most "
                            + MAX_ATTEMPTS + " are allowed");
                }
            }
            if (refusal != null) {
                timeline.record(c.id(), "CALL_ATTEMPT_REFUSED", "rule " + refusal.rule() + ": " + refusal.getMessage());
                return new Decision(null, refusal);
            }
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("INSERT INTO call_attempt (case_id, task_id, outcome, note, at) VALUES (:caseId, :taskId, :outcome, :note, :at)")
                    .param("caseId", c.id().value()).param("taskId", taskId).param("outcome", outcome.name())
                    .param("note", note).param("at", Timestamp.from(now)).update(key, "id");
            long id = key.getKey().longValue();
            timeline.record(c.id(), "CALL_ATTEMPT", outcome + (note != null && !note.isBlank() ? ": " + note : ""));
            return new Decision(new Attempt(id, taskId, c.id().value(), outcome, note, now), null);
        });
        if (decision.refusal() != null) throw decision.refusal();
        return decision.attempt();
    }
}
