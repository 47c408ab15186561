package dev.dunning.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows written straight into the database, for tests of one component that need no process instance. */
public final class TestData {

    private TestData() {
    }

    /** An open case of 120.00 EUR in the skip-trace stage, for a debtor with email, phone and address. */
    public static String insertCase(JdbcClient jdbc, String debtorReference) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO dunning_case (id, invoice_number, request_fingerprint, debtor_reference, debtor_type, debtor_name,
                    debtor_email, debtor_phone, debtor_address_line1, debtor_address_postal_code, debtor_address_city,
                    debtor_address_country, currency, amount_due, outstanding, due_date, issued_date, status, stage, opened_at, version)
                VALUES (:id, :invoice, :fp, :ref, 'CONSUMER', 'Ada Debtor', 'ada@example.com', '+4915112345678', 'Hauptstr. 1',
                    '10115', 'Berlin', 'DE', 'EUR', 120.00, 120.00, :due, :issued, 'OPEN', 'SKIP_TRACE', :now, 1)""")
                .param("id", id).param("invoice", "INV-T-" + id.substring(0, 8)).param("fp", "0".repeat(64))
                .param("ref", debtorReference).param("due", SharedEngineHygiene.appToday().minusDays(60)).param("issued", SharedEngineHygiene.appToday().minusDays(90))
                .param("now", Timestamp.from(Instant.now())).update();
        return id;
    }

    public static long insertSkipTraceRequest(JdbcClient jdbc, String caseId, Instant requestedAt) {
        String step = "SKIP_TRACE:test-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO skip_trace_request (case_id, step_key, requested_at) VALUES (:caseId, :step, :at)")
                .param("caseId", caseId).param("step", step).param("at", Timestamp.from(requestedAt)).update();
        return jdbc.sql("SELECT id FROM skip_trace_request WHERE case_id = :caseId AND step_key = :step")
                .param("caseId", caseId).param("step", step).query(Long.class).single();
    }

    /** A request that went out in a batch: what the batcher records at submission. */
    public static long insertSentRequest(JdbcClient jdbc, String caseId, String reference, String provider) {
        long id = insertSkipTraceRequest(jdbc, caseId, Instant.now());
        jdbc.sql("""
                UPDATE skip_trace_request SET batch_id = 'sent-by-test', purpose = 'COLLECTION_OF_EXISTING_ACCOUNT', provider = :provider,
                    sent_reference = :ref, sent_name = 'Ada Debtor', sent_address = 'Hauptstr. 1, 10115 Berlin, DE',
                    sent_phone = '+4915112345678', sent_email = 'ada@example.com' WHERE id = :id""")
                .param("provider", provider).param("ref", reference).param("id", id).update();
        return id;
    }
}
