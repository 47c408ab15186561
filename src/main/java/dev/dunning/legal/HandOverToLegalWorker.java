package dev.dunning.legal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An approved legal handoff: builds the evidence pack, records it once per case, delivers it to the legal partner and
 * marks the case IN_LEGAL. A redelivered job delivers the recorded pack again, which the partner adapter tolerates.
 */
@Component
public class HandOverToLegalWorker {

    public static final String JOB_TYPE = "dunning.legal.hand-over";

    private final CaseTransactions cases;
    private final EvidencePack evidence;
    private final EvidencePdf evidencePdf;
    private final LegalPartner partner;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final ObjectMapper json;
    private final Clock clock;

    HandOverToLegalWorker(CaseTransactions cases, EvidencePack evidence, EvidencePdf evidencePdf, LegalPartner partner, JdbcClient jdbc,
                          Timeline timeline, ObjectMapper json, Clock clock) {
        this.cases = cases;
        this.evidence = evidence;
        this.evidencePdf = evidencePdf;
        this.partner = partner;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
    }

    record Recorded(String evidence, byte[] evidencePdf) {}

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public void handOver(@Variable("caseId") String caseId) {
        Recorded pack = cases.change(new CaseId(caseId), dunningCase -> {
            Optional<Recorded> recorded = jdbc.sql("SELECT evidence, evidence_pdf FROM legal_handoff WHERE case_id = :caseId")
                    .param("caseId", caseId).query(Recorded.class).optional();
            if (recorded.isPresent()) return recorded.get();
            if (!dunningCase.isOpen()) return null;
            dunningCase.handOverToLegal();
            Map<String, Object> built = evidence.build(dunningCase);
            String json = write(built);
            byte[] pdf = evidencePdf.render(built);
            jdbc.sql("""
                    INSERT INTO legal_handoff (case_id, partner, handed_over_at, evidence, evidence_pdf)
                    VALUES (:caseId, :partner, :now, :evidence, :pdf)""")
                    .param("caseId", caseId).param("partner", partner.name())
                    .param("now", Timestamp.from(clock.instant())).param("evidence", json).param("pdf", pdf).update();
            timeline.record(dunningCase.id(), "HANDED_TO_LEGAL", "evidence pack (JSON and PDF summary) delivered to " + partner.name());
            return new Recorded(json, pdf);
        });
        if (pack != null) partner.deliver(caseId, pack.evidence(), pack.evidencePdf());
    }

    private String write(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("evidence pack is not serialisable", e);
        }
    }

}
