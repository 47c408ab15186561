package dev.dunning.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dunning.cases.CaseId;
import dev.dunning.cases.DunningCases;
import dev.dunning.legal.LegalAcknowledgements;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal handoff of a case ({@code GET /api/dunning-cases/{caseId}/legal-handoff} and {@code .../evidence.pdf}) and
 * the partner's signed acknowledgement callback ({@code POST /api/legal/callbacks/{partner}}, secret
 * {@code dunning.legal.callback-secrets.<partner>}).
 */
@RestController
class LegalController {

    private final JdbcClient jdbc;
    private final DunningCases cases;
    private final CallbackSignatures signatures;
    private final LegalAcknowledgements acknowledgements;
    private final ObjectMapper json;

    LegalController(JdbcClient jdbc, DunningCases cases, CallbackSignatures signatures, LegalAcknowledgements acknowledgements,
                    ObjectMapper json) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.signatures = signatures;
        this.acknowledgements = acknowledgements;
        this.json = json;
    }

    record Handoff(String partner, Timestamp handedOverAt, String partnerReference, String evidence) {}

    @GetMapping("/api/dunning-cases/{caseId}/legal-handoff")
    Map<String, Object> handoff(@PathVariable String caseId) throws IOException {
        cases.get(new CaseId(caseId));
        Handoff h = jdbc.sql("SELECT partner, handed_over_at, partner_reference, evidence FROM legal_handoff WHERE case_id = :id")
                .param("id", caseId).query(Handoff.class).optional().orElseThrow(() -> new LegalAcknowledgements.NoHandoff(caseId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId);
        body.put("partner", h.partner());
        body.put("handedOverAt", h.handedOverAt().toInstant().toString());
        body.put("partnerReference", h.partnerReference());
        body.put("evidence", json.readTree(h.evidence()));
        return body;
    }

    @GetMapping("/api/dunning-cases/{caseId}/legal-handoff/evidence.pdf")
    ResponseEntity<byte[]> evidencePdf(@PathVariable String caseId) {
        cases.get(new CaseId(caseId));
        var rows = jdbc.sql("SELECT evidence_pdf FROM legal_handoff WHERE case_id = :id").param("id", caseId).query().listOfRows();
        if (rows.isEmpty() || rows.getFirst().get("evidence_pdf") == null) throw new LegalAcknowledgements.NoHandoff(caseId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + caseId + ".pdf\"")
                .body((byte[]) rows.getFirst().get("evidence_pdf"));
    }

    // One transaction with the remembered signature: a callback refused or failed half-way leaves nothing behind,
    // and the partner's retry is not mistaken for a replay.
    @Transactional
    @PostMapping("/api/legal/callbacks/{partner}")
    Map<String, Object> acknowledge(@PathVariable String partner, @RequestBody(required = false) byte[] body,
                                    @RequestHeader(name = CallbackSignatures.TIMESTAMP, required = false) String timestamp,
                                    @RequestHeader(name = CallbackSignatures.SIGNATURE, required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        signatures.verify("legal", partner, timestamp, signature, raw);
        JsonNode ack;
        try {
            ack = json.readTree(raw);
        } catch (IOException e) {
            throw new InvalidInput("body", "malformed JSON");
        }
        if (ack == null || !ack.isObject()) throw new InvalidInput("body", "must be a JSON object");
        java.util.List<InvalidInput.FieldProblem> problems = new java.util.ArrayList<>();
        String caseId = ack.path("caseId").isTextual() ? ack.get("caseId").asText() : "";
        String reference = ack.path("partnerReference").isTextual() ? ack.get("partnerReference").asText().trim() : "";
        if (caseId.isBlank()) problems.add(new InvalidInput.FieldProblem("caseId", "is required"));
        if (reference.isBlank() || reference.length() > 100) problems.add(new InvalidInput.FieldProblem("partnerReference", "is required, at most 100 characters"));
        if (!problems.isEmpty()) throw new InvalidInput(problems);
        var outcome = acknowledgements.acknowledge(partner, caseId, reference, "callback");
        return Map.of("caseId", caseId, "partnerReference", reference, "outcome", outcome.name());
    }
}
