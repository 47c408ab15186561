package dev.dunning.legal;

import dev.dunning.cases.DunningCase;
import dev.dunning.cases.Timeline;
import dev.dunning.communications.Communications;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything a lawyer needs to act on the debt, from our own tables (the case is the record): invoice, debtor,
 * amounts (principal, charges, payments, outstanding), payments, every communication with its status, the offer and
 * its outcome, instalments, the call log and promises (tasks), skip-trace results used and the contact history,
 * disputes with their resolution, and the timeline. Plain JSON types only: instants as ISO-8601, money as strings.
 */
@Component
public class EvidencePack {

    private final JdbcClient jdbc;
    private final Communications communications;
    private final Timeline timeline;
    private final dev.dunning.cases.CaseCharges caseCharges;

    EvidencePack(JdbcClient jdbc, Communications communications, Timeline timeline, dev.dunning.cases.CaseCharges caseCharges) {
        this.jdbc = jdbc;
        this.communications = communications;
        this.timeline = timeline;
        this.caseCharges = caseCharges;
    }

    public Map<String, Object> build(DunningCase c) {
        String caseId = c.id().value();
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("caseId", caseId);
        pack.put("status", c.status().name());
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("invoiceNumber", c.invoiceNumber());
        invoice.put("dueDate", c.dueDate().toString());
        invoice.put("issuedDate", c.issuedDate() != null ? c.issuedDate().toString() : null);
        invoice.put("amountDue", c.amountDue().amountText());
        invoice.put("currency", c.currency().getCurrencyCode());
        pack.put("invoice", invoice);
        pack.put("debtor", c.debtor());
        List<Map<String, Object>> payments = rows("SELECT reference, amount, currency, paid_at, received_at FROM payment WHERE case_id = :id ORDER BY received_at, id", caseId);
        BigDecimal paid = payments.stream().map(p -> new BigDecimal((String) p.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal principal = c.amountDue().amount();
        BigDecimal outstanding = c.outstanding().amount();
        // statutory late-payment charges (business debtors, EU/UK), as the case shows them; none when waived
        BigDecimal charges = caseCharges.of(c).map(ch -> ch.total().amount()).orElse(BigDecimal.ZERO);
        Map<String, Object> amounts = new LinkedHashMap<>();
        amounts.put("currency", c.currency().getCurrencyCode());
        amounts.put("principal", money(principal));
        amounts.put("charges", money(charges));
        amounts.put("payments", money(paid));
        amounts.put("outstanding", money(outstanding));
        amounts.put("outstandingWithCharges", money(outstanding.add(charges)));
        pack.put("amounts", amounts);
        pack.put("payments", payments);
        pack.put("communications", communications.of(c.id()).stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", m.at().toString());
            row.put("purpose", m.purpose().name());
            row.put("channel", m.channel().name());
            row.put("recipient", m.recipient());
            row.put("status", m.status());
            if (m.channel() == dev.dunning.communications.Channel.LETTER) {
                // a copy of the letter as it was rendered and sent
                communications.document(c.id(), m.id())
                        .ifPresent(pdf -> row.put("letterPdfBase64", java.util.Base64.getEncoder().encodeToString(pdf.content())));
            }
            return row;
        }).toList());
        pack.put("offer", c.offer());
        pack.put("instalments", c.instalments());
        pack.put("tasks", rows("SELECT type, status, created_at, due_at, completed_at, outcome, promised_date, promise_result, note FROM work_task WHERE case_id = :id ORDER BY created_at, id", caseId));
        pack.put("brokenPromises", c.brokenPromises());
        pack.put("skipTrace", rows("""
                SELECT requested_at, provider, purpose, result, result_at, found_address, found_emails, found_phones
                FROM skip_trace_request WHERE case_id = :id ORDER BY id""", caseId));
        pack.put("contactHistory", rows("SELECT recorded_at, kind, old_value, new_value, detail, source FROM contact_history WHERE case_id = :id ORDER BY id", caseId));
        pack.put("disputes", rows("SELECT reason, raised_at, resolution, resolved_at FROM dispute WHERE case_id = :id ORDER BY raised_at, id", caseId));
        pack.put("timeline", timeline.of(c.id()).stream().map(e -> Map.of("at", e.at().toString(), "type", e.type(), "detail", e.detail())).toList());
        return pack;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private List<Map<String, Object>> rows(String sql, String caseId) {
        return jdbc.sql(sql).param("id", caseId).query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = toCamel(meta.getColumnLabel(i));
                Object v = rs.getObject(i);
                if (v instanceof Timestamp t) v = t.toInstant().toString();
                else if (v instanceof java.sql.Date d) v = d.toLocalDate().toString();
                else if (v instanceof java.time.LocalDateTime t) v = t.toInstant(java.time.ZoneOffset.UTC).toString();
                else if (v instanceof java.time.LocalDate d) v = d.toString();
                else if (v instanceof BigDecimal b) v = money(b);
                if (v != null) row.put(column, v);
            }
            return row;
        }).list();
    }

    private static String toCamel(String column) {
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char ch : column.toLowerCase().toCharArray()) {
            if (ch == '_') up = true;
            else {
                s.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return s.toString();
    }
}
