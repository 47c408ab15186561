package dev.dunning.process;

import static dev.dunning.support.DunningApi.purposes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.EngineRecords;
import dev.dunning.support.IntegrationTest;
import dev.dunning.support.SignedCallbacks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Embedded mode: skip trace through the file exchange, final notice to the new contact, IN_LEGAL with a readable PDF. */
@IntegrationTest
class SkipTraceToLegalStoryTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void aCaseRunsFromSkipTraceThroughFinalNoticeIntoLegalAndIsAcknowledged() throws Exception {
        DunningApi api = new DunningApi(port);
        String caseId = api.openCase(DunningApi.caseRequest("D-STORY-5", "250.00")).get("caseId").asText();
        String invoice = api.getCase(caseId).get("invoiceNumber").asText();
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Timer_Reminder2Due"));
        api.advanceClock("P7D");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Timer_OfferDue"));
        api.advanceClock("P7D");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Gateway_AwaitOfferResponse"));
        api.advanceClock("P11D");
        String call = api.awaitOpenTask(caseId, "OUTREACH_CALL");
        assertThat(api.completeTask(call, Map.of("outcome", "UNREACHABLE")).getStatusCode().value()).isEqualTo(200);

        // skip trace went out as a CSV batch, the sandbox vendor answered with a result file, the parser applied it
        JsonNode c = api.awaitCase(caseId, x -> purposes(x).contains("FINAL_NOTICE"));
        Map<String, Object> request = jdbc.sql("SELECT provider, purpose, result, batch_id FROM skip_trace_request WHERE case_id = :c")
                .param("c", caseId).query().singleRow();
        assertThat(request).containsEntry("provider", "sandbox").containsEntry("purpose", "COLLECTION_OF_EXISTING_ACCOUNT")
                .containsEntry("result", "FOUND");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM skip_trace_ingested_file WHERE file_name = :f")
                .param("f", "skiptrace-result-" + request.get("batch_id") + ".csv").query(Integer.class).single()).isEqualTo(1);

        // the final notice goes to the new contact; the old one is in the contact history
        assertThat(c.at("/debtor/email").asText()).isEqualTo("dstory5@found.example");
        assertThat(c.at("/debtor/phone").asText()).isEqualTo("+4915100000000");
        assertThat(jdbc.sql("SELECT recipient FROM communication WHERE case_id = :c AND purpose = 'FINAL_NOTICE'")
                .param("c", caseId).query(String.class).list())
                .containsExactlyInAnyOrder("Ada Debtor, 1 Sandbox Street, 10115 Berlin, DE", "dstory5@found.example");
        assertThat(jdbc.sql("SELECT kind FROM contact_history WHERE case_id = :c ORDER BY id").param("c", caseId).query(String.class).list())
                .containsExactly("EMAIL", "ADDRESS", "PHONE");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Timer_FinalNoticeDue"));

        // unpaid: legal approval, approved, handed over with the evidence pack and its PDF
        api.advanceClock("P10D");
        api.completeTask(api.awaitOpenTask(caseId, "LEGAL_APPROVAL"), Map.of("outcome", "APPROVED"));
        api.awaitCase(caseId, x -> "IN_LEGAL".equals(x.get("status").asText()));
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, "Receive_LegalAcknowledgement"));

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/dunning-cases/" + caseId + "/legal-handoff/evidence.pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ops:demo".getBytes())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Evidence pack", invoice, "250.00", "FINAL_NOTICE", "OUTREACH_CALL", "UNREACHABLE", "FOUND", "sandbox");
        }
        JsonNode handoff = api.get("integrator", "/api/dunning-cases/" + caseId + "/legal-handoff").getBody();
        assertThat(handoff.at("/evidence/amounts/outstanding").asText()).isEqualTo("250.00");
        assertThat(handoff.at("/evidence/skipTrace/0/result").asText()).isEqualTo("FOUND");

        // the partner acknowledges by signed callback: the reference is stored and the process ends in legal
        var ack = new SignedCallbacks(port).send("/api/legal/callbacks/file-drop", IntegrationTest.LEGAL_SECRET, clock.instant(),
                "{\"caseId\":\"" + caseId + "\",\"partnerReference\":\"AZ-77\"}");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.hasEnded(caseId));
        assertThat(EngineRecords.completedElements(caseId)).containsSubsequence("Task_RequestSkipTrace", "Receive_SkipTraceResult",
                "Task_SendFinalNotice", "Task_HandOverToLegal", "Receive_LegalAcknowledgement", "End_InLegal");
        assertThat(api.get("ops", "/api/dunning-cases/" + caseId + "/legal-handoff").getBody().get("partnerReference").asText()).isEqualTo("AZ-77");
        assertThat(EngineRecords.incidents(caseId)).isEmpty();
    }

    @Test
    void deceasedAndBankruptDebtorsGoToWriteOffApprovalAndTheNotFoundToLegalApproval() {
        DunningApi api = new DunningApi(port);
        Map<String, String> expectedTask = Map.of("D-OUT-1-DECEASED", "WRITE_OFF_APPROVAL", "D-OUT-2-BANKRUPT", "WRITE_OFF_APPROVAL",
                "D-OUT-3-NOTFOUND", "LEGAL_APPROVAL");
        Map<String, String> cases = new java.util.TreeMap<>();
        expectedTask.keySet().forEach(ref -> cases.put(ref, api.openCase(DunningApi.caseRequest(ref, "300.00")).get("caseId").asText()));
        cases.values().forEach(id -> await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(id, "Timer_Reminder2Due")));
        api.advanceClock("P7D");
        cases.values().forEach(id -> await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(id, "Timer_OfferDue")));
        api.advanceClock("P7D");
        cases.values().forEach(id -> await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(id, "Gateway_AwaitOfferResponse")));
        api.advanceClock("P11D");
        cases.values().forEach(id -> api.completeTask(api.awaitOpenTask(id, "OUTREACH_CALL"), Map.of("outcome", "REFUSED")));

        cases.forEach((ref, id) -> {
            api.awaitOpenTask(id, expectedTask.get(ref));
            String result = ref.substring(ref.lastIndexOf('-') + 1).replace("NOTFOUND", "NOT_FOUND");
            assertThat(jdbc.sql("SELECT result FROM skip_trace_request WHERE case_id = :c").param("c", id).query(String.class).single())
                    .isEqualTo(result);
            assertThat(purposes(api.getCase(id))).as(ref + ": no final notice").doesNotContain("FINAL_NOTICE");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_history WHERE case_id = :c").param("c", id).query(Integer.class).single()).isZero();
            assertThat(EngineRecords.incidents(id)).isEmpty();
        });
    }
}
