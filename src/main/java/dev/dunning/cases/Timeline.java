package dev.dunning.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The case timeline: append-only, one row for every step the workers and the API take. */
@Component
public class Timeline {

    public record Entry(Instant at, String type, String detail) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Timeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(CaseId caseId, String type, String detail) {
        jdbc.sql("INSERT INTO timeline_entry (case_id, at, type, detail) VALUES (:caseId, :at, :type, :detail)")
                .param("caseId", caseId.value())
                .param("at", Timestamp.from(clock.instant()))
                .param("type", type)
                .param("detail", detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .update();
    }

    public List<Entry> of(CaseId caseId) {
        return jdbc.sql("SELECT at, type, detail FROM timeline_entry WHERE case_id = :caseId ORDER BY id")
                .param("caseId", caseId.value())
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("type"), rs.getString("detail")))
                .list();
    }
}
