package dev.dunning.legal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.sql.Timestamp;
import java.time.Clock;
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
    private final LegalPartner partner;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final ObjectMapper json;
    private final Clock clock;

    HandOverToLegalWorker(CaseTransactions cases, EvidencePack evidence, LegalPartner partner, JdbcClient jdbc,
                          Timeline timeline, ObjectMapper json, Clock clock) {
        this.cases = cases;
        this.evidence = evidence;
        this.partner = partner;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public void handOver(@Variable("caseId") String caseId) {
        String pack = cases.change(new CaseId(caseId), dunningCase -> {
            Optional<String> recorded = jdbc.sql("SELECT evidence FROM legal_handoff WHERE case_id = :caseId")
                    .param("caseId", caseId).query(String.class).optional();
            if (recorded.isPresent()) return recorded.get();
            if (!dunningCase.isOpen()) return null;
            String built = write(evidence.build(dunningCase));
            dunningCase.handOverToLegal();
            jdbc.sql("INSERT INTO legal_handoff (case_id, partner, handed_over_at, evidence) VALUES (:caseId, :partner, :now, :evidence)")
                    .param("caseId", caseId).param("partner", partner.name())
                    .param("now", Timestamp.from(clock.instant())).param("evidence", built).update();
            timeline.record(dunningCase.id(), "HANDED_TO_LEGAL", "evidence pack delivered to " + partner.name());
            return built;
        });
        if (pack != null) partner.deliver(caseId, pack);
    }

    private String write(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("evidence pack is not serialisable", e);
        }
    }

}
