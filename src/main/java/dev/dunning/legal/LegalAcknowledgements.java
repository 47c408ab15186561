package dev.dunning.legal;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.Timeline;
import dev.dunning.engine.EngineMessages;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner's acknowledgement (its reference) closes our side: stored once on the handoff and told to the waiting
 * process ({@code LegalAcknowledged}). The same acknowledgement again changes nothing; a different reference for an
 * acknowledged handoff is refused.
 */
@Component
public class LegalAcknowledgements {

    public enum Outcome { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED }

    public static class NoHandoff extends RuntimeException {
        public NoHandoff(String caseId) {
            super("case " + caseId + " has not been handed over to legal");
        }
    }

    public static class Conflicting extends IllegalStateException {
        public Conflicting(String caseId) {
            super("the handoff of case " + caseId + " was already acknowledged with another reference");
        }
    }

    public static class WrongPartner extends RuntimeException {
        public WrongPartner(String caseId) {
            super("case " + caseId + " was handed over to another partner");
        }
    }

    record Handoff(String partner, String partnerReference) {}

    private final JdbcClient jdbc;
    private final EngineMessages engine;
    private final Timeline timeline;
    private final Clock clock;

    LegalAcknowledgements(JdbcClient jdbc, EngineMessages engine, Timeline timeline, Clock clock) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** {@code partner} may be null (an acknowledgement file in our own inbox is trusted for any partner). */
    @Transactional
    public Outcome acknowledge(String partner, String caseId, String partnerReference, String via) {
        Handoff h = jdbc.sql("SELECT partner, partner_reference FROM legal_handoff WHERE case_id = :id FOR UPDATE")
                .param("id", caseId).query(Handoff.class).optional().orElseThrow(() -> new NoHandoff(caseId));
        if (partner != null && !partner.equals(h.partner())) throw new WrongPartner(caseId);
        if (h.partnerReference() != null) {
            if (h.partnerReference().equals(partnerReference)) return Outcome.ALREADY_ACKNOWLEDGED;
            throw new Conflicting(caseId);
        }
        jdbc.sql("UPDATE legal_handoff SET partner_reference = :ref, acknowledged_at = :now WHERE case_id = :id")
                .param("ref", partnerReference).param("now", Timestamp.from(clock.instant())).param("id", caseId).update();
        timeline.record(new CaseId(caseId), "LEGAL_ACKNOWLEDGED", h.partner() + " acknowledged with reference " + partnerReference + " (" + via + ")");
        engine.toCase(new CaseId(caseId), EngineMessages.LEGAL_ACKNOWLEDGED, Map.of("partnerReference", partnerReference));
        return Outcome.ACKNOWLEDGED;
    }
}
