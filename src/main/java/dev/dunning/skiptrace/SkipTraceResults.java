package dev.dunning.skiptrace;

import dev.dunning.cases.Address;
import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Timeline;
import dev.dunning.engine.EngineMessages;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a vendor's result once, in one transaction: the request's result, the debtor's new contact with its history
 * and source, the timeline, and the {@code SkipTraceResult} message to the waiting process. The same result again
 * changes nothing.
 */
@Component
public class SkipTraceResults {

    public enum Outcome { APPLIED, ALREADY_APPLIED }

    /** The result cannot belong to the request it names (unknown id, other reference, purged). */
    public static class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final CaseTransactions cases;
    private final Timeline timeline;
    private final EngineMessages engine;
    private final TransactionTemplate tx;
    private final Clock clock;

    SkipTraceResults(JdbcClient jdbc, CaseTransactions cases, Timeline timeline, EngineMessages engine,
                     TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.timeline = timeline;
        this.engine = engine;
        this.tx = tx;
        this.clock = clock;
    }

    record Request(String caseId, String sentReference, String provider, String result) {}

    /** Whether the result can belong to the request it names: the id exists and the reference is the one we sent. */
    public java.util.List<ResultChecks.Problem> belongs(VendorResult r) {
        var sent = jdbc.sql("SELECT sent_reference FROM skip_trace_request WHERE id = :id").param("id", r.requestId())
                .query().listOfRows();
        if (sent.isEmpty()) return java.util.List.of(new ResultChecks.Problem("requestId", "no skip-trace request with this id"));
        if (!java.util.Objects.equals(sent.getFirst().get("sent_reference"), r.reference())) {
            return java.util.List.of(new ResultChecks.Problem("reference", "does not match the reference sent for this request"));
        }
        return java.util.List.of();
    }

    /** Applies one checked result; {@code provider} becomes the source {@code skip-trace:<provider>} of the contact history. */
    public Outcome apply(VendorResult r, String provider) {
        String source = "skip-trace:" + provider;
        Request request = jdbc.sql("SELECT case_id, sent_reference, provider, result FROM skip_trace_request WHERE id = :id")
                .param("id", r.requestId()).query(Request.class).optional()
                .orElseThrow(() -> new Rejected("request_id: no skip-trace request " + r.requestId()));
        if (request.sentReference() == null || !request.sentReference().equals(r.reference())) {
            throw new Rejected("reference: does not match the reference sent for request " + r.requestId());
        }
        return tx.execute(status -> {
            Outcome outcome = cases.change(new CaseId(request.caseId()), dunningCase -> {
                int updated = jdbc.sql("""
                        UPDATE skip_trace_request SET result = :result, result_at = :now, found_email = :email,
                               found_address = :address, found_phones = :phones, found_emails = :emails
                        WHERE id = :id AND result IS NULL""")
                        .param("result", r.status().name()).param("now", Timestamp.from(clock.instant()))
                        .param("email", r.emails().isEmpty() ? null : r.emails().getFirst())
                        .param("address", r.address() != null ? r.address().oneLine() : null)
                        .param("phones", r.phones().isEmpty() ? null : String.join("|", r.phones().stream()
                                .map(p -> p.number() + ";" + p.type() + ";" + p.confidence().toPlainString()).toList()))
                        .param("emails", r.emails().isEmpty() ? null : String.join("|", r.emails()))
                        .param("id", r.requestId()).update();
                if (updated == 0) return Outcome.ALREADY_APPLIED;
                if (r.status() == SkipTraceResult.FOUND && dunningCase.isActive()) {
                    var debtor = dunningCase.debtor();
                    String newEmail = r.emails().isEmpty() ? null : r.emails().getFirst();
                    if (newEmail != null && !newEmail.equalsIgnoreCase(String.valueOf(debtor.email()))) {
                        history(request.caseId(), "EMAIL", debtor.email(), newEmail, null, source);
                    }
                    Address newAddress = r.address();
                    if (newAddress != null && !newAddress.equals(debtor.address())) {
                        history(request.caseId(), "ADDRESS", debtor.address() != null ? debtor.address().oneLine() : null,
                                newAddress.oneLine(), null, source);
                    }
                    dunningCase.updateContact(newEmail, newAddress);
                    timeline.record(dunningCase.id(), "CONTACT_UPDATED", "skip trace (" + source + ") found a new contact: "
                            + (newEmail != null ? "email " : "") + (newAddress != null ? "address " : "")
                            + (r.phones().isEmpty() ? "" : "phone") + "; the old contact is kept in the contact history");
                }
                timeline.record(dunningCase.id(), "SKIP_TRACE_RESULT", r.status().name());
                engine.toCase(dunningCase.id(), EngineMessages.SKIP_TRACE_RESULT, Map.of("skipTraceResult", r.status().name()));
                return Outcome.APPLIED;
            });
            if (outcome == Outcome.APPLIED && r.status() == SkipTraceResult.FOUND && !r.phones().isEmpty()) {
                // the aggregate has no phone setter; the case row is still locked by this transaction
                VendorResult.Phone best = r.phones().stream().max(Comparator.comparing(VendorResult.Phone::confidence)
                        .thenComparing(p -> p.type() == VendorResult.PhoneType.MOBILE)).orElseThrow();
                var rows = jdbc.sql("SELECT debtor_phone FROM dunning_case WHERE id = :id AND status IN ('OPEN','PAUSED')")
                        .param("id", request.caseId()).query().listOfRows();
                String oldPhone = rows.isEmpty() ? null : (String) rows.getFirst().get("debtor_phone");
                if (!rows.isEmpty() && !best.number().equals(oldPhone)) {
                    jdbc.sql("UPDATE dunning_case SET debtor_phone = :phone WHERE id = :id")
                            .param("phone", best.number()).param("id", request.caseId()).update();
                    history(request.caseId(), "PHONE", oldPhone, best.number(),
                            best.type() + " confidence " + best.confidence().toPlainString(), source);
                }
            }
            return outcome;
        });
    }

    private void history(String caseId, String kind, String oldValue, String newValue, String detail, String source) {
        jdbc.sql("""
                INSERT INTO contact_history (case_id, kind, old_value, new_value, detail, source, recorded_at)
                VALUES (:caseId, :kind, :old, :new, :detail, :source, :now)""")
                .param("caseId", caseId).param("kind", kind).param("old", oldValue).param("new", newValue)
                .param("detail", detail).param("source", source).param("now", Timestamp.from(clock.instant())).update();
    }
}
