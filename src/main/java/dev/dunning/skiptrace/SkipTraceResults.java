package dev.dunning.skiptrace;

import dev.dunning.cases.Address;
import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Timeline;
import dev.dunning.engine.EngineMessages;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Applies a vendor's result once, updates the debtor's contact when found, and tells the waiting process. */
@Component
public class SkipTraceResults {

    private final JdbcClient jdbc;
    private final CaseTransactions cases;
    private final Timeline timeline;
    private final EngineMessages engine;
    private final Clock clock;

    SkipTraceResults(JdbcClient jdbc, CaseTransactions cases, Timeline timeline, EngineMessages engine, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.timeline = timeline;
        this.engine = engine;
        this.clock = clock;
    }

    public void apply(long requestId, SkipTraceResult result, String newEmail, Address newAddress) {
        String caseId = jdbc.sql("SELECT case_id FROM skip_trace_request WHERE id = :id").param("id", requestId)
                .query(String.class).optional().orElseThrow(() -> new IllegalArgumentException("no skip-trace request " + requestId));
        cases.change(new CaseId(caseId), dunningCase -> {
            int updated = jdbc.sql("""
                    UPDATE skip_trace_request SET result = :result, result_at = :now, found_email = :email, found_address = :address
                    WHERE id = :id AND result IS NULL""")
                    .param("result", result.name()).param("now", Timestamp.from(clock.instant()))
                    .param("email", newEmail).param("address", newAddress != null ? newAddress.oneLine() : null)
                    .param("id", requestId).update();
            if (updated == 0) return null; // the same result again changes nothing
            if (result == SkipTraceResult.FOUND) {
                String before = describeContact(dunningCase.debtor());
                dunningCase.updateContact(newEmail, newAddress);
                timeline.record(dunningCase.id(), "CONTACT_UPDATED", "skip trace found a new contact (was " + before + ")");
            }
            timeline.record(dunningCase.id(), "SKIP_TRACE_RESULT", result.name());
            engine.toCase(dunningCase.id(), EngineMessages.SKIP_TRACE_RESULT, Map.of("skipTraceResult", result.name()));
            return null;
        });
    }

    private static String describeContact(dev.dunning.cases.Debtor debtor) {
        return (debtor.hasEmail() ? "email on file" : "no email") + ", " + (debtor.address() != null ? "address on file" : "no address");
    }
}
