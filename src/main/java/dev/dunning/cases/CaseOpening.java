package dev.dunning.cases;

import dev.dunning.engine.EngineMessages;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a case for an overdue invoice. Opening is idempotent on the invoice number: the same request again returns
 * the same case; different content for the same invoice is a conflict. The start message goes through the outbox in
 * the same transaction, so the process starts only after the case is committed, and exactly once.
 */
@Service
public class CaseOpening {

    public record OpenRequest(String invoiceNumber, Debtor debtor, Money amountDue, LocalDate dueDate, LocalDate issuedDate,
                              String fingerprint) {}

    public record Opened(DunningCase dunningCase, boolean created) {}

    public static class InvoiceConflictException extends RuntimeException {
        public InvoiceConflictException(String invoiceNumber) {
            super("invoice " + invoiceNumber + " already has a dunning case with different content");
        }
    }

    private final DunningCases cases;
    private final Timeline timeline;
    private final EngineMessages engine;
    private final Clock clock;
    private final TransactionTemplate tx;

    CaseOpening(DunningCases cases, Timeline timeline, EngineMessages engine, Clock clock, TransactionTemplate tx) {
        this.cases = cases;
        this.timeline = timeline;
        this.engine = engine;
        this.clock = clock;
        this.tx = tx;
    }

    public Opened open(OpenRequest request) {
        try {
            return tx.execute(status -> openOrReturnExisting(request));
        } catch (DuplicateKeyException | org.springframework.data.relational.core.conversion.DbActionExecutionException e) {
            if (!(e instanceof DuplicateKeyException) && !(e.getCause() instanceof DuplicateKeyException)) throw e;
            // a concurrent request for the same invoice won the insert: answer as if we had come second
            return tx.execute(status -> existing(request));
        }
    }

    private Opened openOrReturnExisting(OpenRequest request) {
        var existing = cases.findByInvoiceNumber(request.invoiceNumber());
        if (existing.isPresent()) return existing(request);
        DunningCase opened = DunningCase.open(CaseId.newId(), request.invoiceNumber(), request.fingerprint(), request.debtor(),
                request.amountDue(), request.dueDate(), request.issuedDate(), clock.instant());
        cases.save(opened);
        timeline.record(opened.id(), "CASE_OPENED", "invoice " + request.invoiceNumber() + ", " + request.amountDue()
                + " due " + request.dueDate());
        engine.caseOpened(opened.id());
        return new Opened(opened, true);
    }

    private Opened existing(OpenRequest request) {
        DunningCase found = cases.findByInvoiceNumber(request.invoiceNumber()).orElseThrow();
        if (!found.requestFingerprint().equals(request.fingerprint())) {
            throw new InvoiceConflictException(request.invoiceNumber());
        }
        return new Opened(found, false);
    }
}
