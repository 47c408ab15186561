package dev.dunning.legal;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dunning.skiptrace.SkipTraceResult;
import dev.dunning.skiptrace.SkipTraceResults;
import dev.dunning.skiptrace.VendorResult;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import dev.dunning.support.SignedCallbacks;
import dev.dunning.support.TestData;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class LegalHandoffTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired HandOverToLegalWorker handOver;
    @Autowired SkipTraceResults skipTraceResults;
    DunningApi api;
    SignedCallbacks callbacks;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
        callbacks = new SignedCallbacks(port);
    }

    /** A case with a part payment, two messages, a broken promise, a rejected dispute and a skip-trace result. */
    String caseWithHistory(String reference) {
        String caseId = TestData.insertCase(jdbc, reference);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO payment (id, case_id, reference, amount, currency, paid_at, received_at) VALUES (:id, :c, :ref, 20.00, 'EUR', :now, :now)")
                .param("id", UUID.randomUUID().toString()).param("c", caseId).param("ref", "PAY-" + UUID.randomUUID()).param("now", now).update();
        jdbc.sql("UPDATE dunning_case SET outstanding = 100.00 WHERE id = :c").param("c", caseId).update();
        for (String[] m : List.of(new String[]{"REMINDER_1", "EMAIL", "ada@example.com", "SENT"}, new String[]{"REMINDER_2", "SMS", "+4915112345678", "FAILED"})) {
            jdbc.sql("INSERT INTO communication (case_id, purpose, channel, recipient, status, created_at) VALUES (:c, :p, :ch, :r, :s, :now)")
                    .param("c", caseId).param("p", m[0]).param("ch", m[1]).param("r", m[2]).param("s", m[3]).param("now", now).update();
        }
        jdbc.sql("""
                INSERT INTO work_task (id, case_id, type, step_key, status, created_at, completed_at, outcome, promised_date, promise_result, note, version)
                VALUES (:id, :c, 'OUTREACH_CALL', 'call-1', 'DONE', :now, :now, 'PROMISE_TO_PAY', :promised, 'BROKEN', 'will pay on Friday', 1)""")
                .param("id", UUID.randomUUID().toString()).param("c", caseId).param("now", now).param("promised", LocalDate.of(2026, 3, 6)).update();
        jdbc.sql("INSERT INTO dispute (id, case_id, reason, raised_at, resolution, resolved_at) VALUES (:id, :c, 'never ordered', :now, 'REJECTED', :now)")
                .param("id", UUID.randomUUID().toString()).param("c", caseId).param("now", now).update();
        long request = TestData.insertSentRequest(jdbc, caseId, reference, "acme");
        skipTraceResults.apply(new VendorResult(request, reference, SkipTraceResult.FOUND, null,
                List.of(new VendorResult.Phone("+4930555000", VendorResult.PhoneType.LANDLINE, new BigDecimal("0.80"))),
                List.of("ada@moved.example")), "acme");
        return caseId;
    }

    @Test
    void theEvidencePackIsCompleteMatchesTheCaseAndGoesOutAsJsonAndPdf() throws Exception {
        String caseId = caseWithHistory("D-LEGAL-PACK");
        handOver.handOver(caseId);
        handOver.handOver(caseId); // a redelivered job hands over nothing new

        JsonNode dunningCase = api.getCase(caseId);
        assertThat(dunningCase.get("status").asText()).isEqualTo("IN_LEGAL");
        var response = api.get("ops", "/api/dunning-cases/" + caseId + "/legal-handoff");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode handoff = response.getBody();
        assertThat(handoff.get("partner").asText()).isEqualTo("file-drop");
        assertThat(handoff.get("handedOverAt").asText()).isNotBlank();
        assertThat(handoff.get("partnerReference")).isNull();
        JsonNode e = handoff.get("evidence");

        assertThat(e.at("/invoice/invoiceNumber").asText()).isEqualTo(dunningCase.get("invoiceNumber").asText());
        assertThat(e.at("/invoice/dueDate").asText()).isEqualTo(dunningCase.get("dueDate").asText());
        assertThat(e.at("/debtor/reference").asText()).isEqualTo("D-LEGAL-PACK");
        assertThat(e.at("/debtor/email").asText()).isEqualTo("ada@moved.example");
        assertThat(e.at("/amounts/principal").asText()).isEqualTo("120.00");
        assertThat(e.at("/amounts/charges").asText()).isEqualTo("0.00");
        assertThat(e.at("/amounts/payments").asText()).isEqualTo("20.00");
        assertThat(e.at("/amounts/outstanding").asText()).isEqualTo("100.00");
        assertThat(e.get("payments")).hasSize(1);
        assertThat(e.get("communications").findValuesAsText("status")).containsExactly("SENT", "FAILED");
        assertThat(e.get("communications").findValuesAsText("purpose"))
                .containsExactlyElementsOf(dunningCase.get("communications").findValuesAsText("purpose"));
        assertThat(e.at("/tasks/0/outcome").asText()).isEqualTo("PROMISE_TO_PAY");
        assertThat(e.at("/tasks/0/promisedDate").asText()).isEqualTo("2026-03-06");
        assertThat(e.at("/tasks/0/promiseResult").asText()).isEqualTo("BROKEN");
        assertThat(e.at("/skipTrace/0/result").asText()).isEqualTo("FOUND");
        assertThat(e.at("/skipTrace/0/provider").asText()).isEqualTo("acme");
        assertThat(e.at("/skipTrace/0/foundEmails").asText()).isEqualTo("ada@moved.example");
        assertThat(e.at("/skipTrace/0/foundPhones").asText()).isEqualTo("+4930555000;LANDLINE;0.80");
        assertThat(e.get("contactHistory").findValuesAsText("kind")).containsExactly("EMAIL", "PHONE");
        assertThat(e.at("/disputes/0/reason").asText()).isEqualTo("never ordered");
        assertThat(e.at("/disputes/0/resolution").asText()).isEqualTo("REJECTED");
        assertThat(e.get("timeline").findValuesAsText("type")).containsSubsequence("CONTACT_UPDATED", "SKIP_TRACE_RESULT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM timeline_entry WHERE case_id = :c AND type = 'HANDED_TO_LEGAL'").param("c", caseId)
                .query(Integer.class).single()).isEqualTo(1);

        // the PDF summary is readable and says the same
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/dunning-cases/" + caseId + "/legal-handoff/evidence.pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("integrator:demo".getBytes())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains(dunningCase.get("invoiceNumber").asText(), "Ada Debtor", "D-LEGAL-PACK", "120.00", "100.00",
                "REMINDER_2", "FAILED", "PROMISE_TO_PAY", "never ordered", "REJECTED", "FOUND");

        // the file drop holds both
        Path drop = Path.of("target/it-files/legal-drop");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(drop.resolve(caseId + ".json"))))
                .isEqualTo(e);
        assertThat(pdfText(Files.readAllBytes(drop.resolve(caseId + ".pdf")))).contains(dunningCase.get("invoiceNumber").asText());
    }

    @Test
    void theAcknowledgementArrivesBySignedCallbackOrByFile() throws Exception {
        String byCallback = TestData.insertCase(jdbc, "D-ACK-1");
        String byFile = TestData.insertCase(jdbc, "D-ACK-2");
        handOver.handOver(byCallback);
        handOver.handOver(byFile);
        String path = "/api/legal/callbacks/file-drop";
        String body = "{\"caseId\":\"" + byCallback + "\",\"partnerReference\":\"LAW-2026-001\"}";

        var forged = callbacks.send(path, "guess", clock.instant(), body);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(callbacks.send(path, IntegrationTest.LEGAL_SECRET, clock.instant().minus(Duration.ofMinutes(10)), body).status())
                .as("stale").isEqualTo(401);
        assertThat(reference(byCallback)).isNull();

        var invalid = callbacks.send(path, IntegrationTest.LEGAL_SECRET, clock.instant(), "{\"caseId\":\"" + byCallback + "\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"partnerReference\"");

        var ok = callbacks.send(path, IntegrationTest.LEGAL_SECRET, clock.instant(), body);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(reference(byCallback)).isEqualTo("LAW-2026-001");
        assertThat(api.get("admin", "/api/dunning-cases/" + byCallback + "/legal-handoff").getBody().get("partnerReference").asText())
                .isEqualTo("LAW-2026-001");
        assertThat(jdbc.sql("SELECT variables FROM engine_message WHERE case_id = :c AND name = 'LegalAcknowledged'")
                .param("c", byCallback).query(String.class).list()).containsExactly("{\"partnerReference\":\"LAW-2026-001\"}");

        // sent again (new timestamp, so not a replay): nothing changes; another reference: conflict
        Thread.sleep(1100);
        assertThat(callbacks.send(path, IntegrationTest.LEGAL_SECRET, clock.instant(), body).body()).contains("ALREADY_ACKNOWLEDGED");
        assertThat(callbacks.send(path, IntegrationTest.LEGAL_SECRET, clock.instant(), body.replace("001", "002")).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engine_message WHERE case_id = :c AND name = 'LegalAcknowledged'")
                .param("c", byCallback).query(Integer.class).single()).isEqualTo(1);

        // by file in the acknowledgement inbox
        Path inbox = Path.of("target/it-files/legal-ack");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("ack-" + byFile + ".json"), "{\"caseId\":\"" + byFile + "\",\"partnerReference\":\"LAW-2026-002\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "LAW-2026-002".equals(reference(byFile)));
        assertThat(inbox.resolve("ack-" + byFile + ".json")).doesNotExist();

        // a case never handed over
        String notHandedOver = TestData.insertCase(jdbc, "D-ACK-3");
        assertThat(api.get("ops", "/api/dunning-cases/" + notHandedOver + "/legal-handoff").getStatusCode().value()).isEqualTo(404);
        assertThat(callbacks.send(path, IntegrationTest.LEGAL_SECRET, clock.instant(),
                "{\"caseId\":\"" + notHandedOver + "\",\"partnerReference\":\"X\"}").status()).isEqualTo(404);
    }

    @Test
    void theHttpUploadPartnerPostsJsonAndPdf() {
        WireMockServer partner = new WireMockServer(options().dynamicPort());
        partner.start();
        try {
            partner.stubFor(post("/handoffs").willReturn(aResponse().withStatus(201)));
            byte[] pdf = "%PDF-1.4 test".getBytes();
            new HttpUploadLegalPartner("lawfirm", partner.baseUrl() + "/handoffs", "key-1").deliver("case-1", "{\"caseId\":\"case-1\"}", pdf);
            partner.verify(1, postRequestedFor(urlEqualTo("/handoffs"))
                    .withHeader("Authorization", equalTo("Bearer key-1"))
                    .withHeader("Idempotency-Key", equalTo("case-1"))
                    .withHeader("Content-Type", containing("multipart/form-data"))
                    .withRequestBodyPart(aMultipart().withName("caseId").withBody(equalTo("case-1")).build())
                    .withRequestBodyPart(aMultipart().withName("evidence").withHeader("Content-Type", containing("application/json"))
                            .withBody(equalTo("{\"caseId\":\"case-1\"}")).build())
                    .withRequestBodyPart(aMultipart().withName("summary").withHeader("Content-Type", containing("application/pdf")).build()));
            partner.stubFor(post("/handoffs").willReturn(aResponse().withStatus(500)));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HttpUploadLegalPartner("lawfirm", partner.baseUrl() + "/handoffs", null)
                    .deliver("case-1", "{}", pdf)).isInstanceOf(dev.dunning.engine.TransientFailure.class);
        } finally {
            partner.stop();
        }
    }

    private String reference(String caseId) {
        return (String) jdbc.sql("SELECT partner_reference FROM legal_handoff WHERE case_id = :c").param("c", caseId)
                .query().singleRow().get("partner_reference");
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
