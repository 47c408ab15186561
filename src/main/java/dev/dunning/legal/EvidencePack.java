package dev.dunning.legal;

import dev.dunning.cases.DunningCase;
import dev.dunning.cases.Timeline;
import dev.dunning.communications.Communications;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Everything a lawyer needs to act on the debt, from our own tables: the case is the record. */
@Component
public class EvidencePack {

    private final JdbcClient jdbc;
    private final Communications communications;
    private final Timeline timeline;

    EvidencePack(JdbcClient jdbc, Communications communications, Timeline timeline) {
        this.jdbc = jdbc;
        this.communications = communications;
        this.timeline = timeline;
    }

    public Map<String, Object> build(DunningCase c) {
        String caseId = c.id().value();
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("caseId", caseId);
        pack.put("invoice", Map.of("invoiceNumber", c.invoiceNumber(), "dueDate", c.dueDate().toString(),
                "issuedDate", String.valueOf(c.issuedDate())));
        pack.put("debtor", c.debtor());
        pack.put("amounts", Map.of("currency", c.currency().getCurrencyCode(), "principal", c.amountDue().amountText(),
                "paid", c.paid().amountText(), "outstanding", c.outstanding().amountText()));
        pack.put("payments", rows("SELECT reference, amount, currency, paid_at FROM payment WHERE case_id = :id ORDER BY received_at", caseId));
        pack.put("communications", communications.of(c.id()));
        pack.put("offer", c.offer());
        pack.put("tasks", rows("SELECT type, status, outcome, promised_date, note, created_at, completed_at FROM work_task WHERE case_id = :id ORDER BY created_at", caseId));
        pack.put("skipTrace", rows("SELECT requested_at, result, result_at FROM skip_trace_request WHERE case_id = :id ORDER BY id", caseId));
        pack.put("disputes", rows("SELECT reason, raised_at, resolution, resolved_at FROM dispute WHERE case_id = :id ORDER BY raised_at", caseId));
        pack.put("timeline", timeline.of(c.id()));
        return pack;
    }

    private List<Map<String, Object>> rows(String sql, String caseId) {
        return jdbc.sql(sql).param("id", caseId).query().listOfRows();
    }
}
