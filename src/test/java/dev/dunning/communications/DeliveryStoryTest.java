package dev.dunning.communications;

import static dev.dunning.communications.Deliveries.awaitStatus;
import static dev.dunning.communications.Deliveries.communication;
import static dev.dunning.communications.Deliveries.mailsTo;
import static dev.dunning.communications.Deliveries.smsTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;

/** A case driven with the dev clock produces a real email, SMS and PDF letter, each once, in the debtor's language. */
@IntegrationTest
class DeliveryStoryTest {

    @LocalServerPort int port;
    @Autowired Clock clock;
    @Value("${dunning.letters.drop-folder}") Path letterFolder;
    DunningApi api;

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    static String mobile() {
        return "+49151" + (10_000_000 + ThreadLocalRandom.current().nextInt(80_000_000));
    }

    @Test
    void aGermanDebtorGetsEmailsAndAnSmsEachOnceInGerman() {
        // given a German-speaking debtor with email, mobile and address, at midday in her time zone
        String email = "erika-" + System.nanoTime() + "@debtor.example";
        String phone = mobile();
        JsonNode opened = api.openCase(Deliveries.request("D-DE-" + System.nanoTime(), email, phone, true, "de",
                Deliveries.zoneWhereItIs(clock, 12)));
        String caseId = opened.get("caseId").asText();
        String invoice = opened.get("invoiceNumber").asText();

        // when the first reminder goes out
        awaitStatus(api, caseId, "REMINDER_1", "EMAIL", "SENT");

        // then one German email reached the SMTP server, with the invoice, the amounts in German format and the opt-out link
        List<JsonNode> mails = mailsTo(api, email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("subject").asText()).isEqualTo("Freundliche Zahlungserinnerung: Rechnung " + invoice);
        String text = mails.get(0).get("text").asText();
        assertThat(text).contains("Guten Tag Erika Mustermann", invoice, "1.234,50\u00a0€", "IBAN DE89 3704 0044 0532 0130 00",
                "Example Creditor GmbH", "/opt-out/");

        // and a week later the firm reminder goes out by email and SMS, each once
        api.advanceClock("P7D");
        awaitStatus(api, caseId, "REMINDER_2", "EMAIL", "SENT");
        JsonNode c = awaitStatus(api, caseId, "REMINDER_2", "SMS", "SENT");
        Deliveries.letDispatcherRun();
        mails = mailsTo(api, email);
        assertThat(mails).extracting(m -> m.get("subject").asText())
                .containsExactly("Freundliche Zahlungserinnerung: Rechnung " + invoice, "Zweite Mahnung: Rechnung " + invoice + " ist überfällig");
        List<JsonNode> sms = smsTo(api, phone);
        assertThat(sms).hasSize(1);
        String smsText = sms.get(0).get("text").asText();
        assertThat(smsText).startsWith("Zweite Mahnung: Rechnung " + invoice).endsWith("Antworten Sie STOP zum Abbestellen");
        assertThat(smsText.length()).isLessThanOrEqualTo(160);
        assertThat(Deliveries.timelineDetails(c, "COMMUNICATION_SENT")).hasSize(3);

        // the rendered email is stored with the communication
        long emailId = communication(c, "REMINDER_2", "EMAIL").get("id").asLong();
        ResponseEntity<byte[]> html = document(caseId, emailId);
        assertThat(html.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(new String(html.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("Zweite Mahnung", invoice);
    }

    @Test
    void aDebtorWithoutEmailGetsOnePdfLetterInGerman() throws Exception {
        // given a debtor with a postal address only
        JsonNode opened = api.openCase(Deliveries.request("D-LETTER-" + System.nanoTime(), null, null, true, "de", null));
        String caseId = opened.get("caseId").asText();
        String invoice = opened.get("invoiceNumber").asText();

        // when the first reminder goes out (letters are not bound to the contact window)
        JsonNode c = awaitStatus(api, caseId, "REMINDER_1", "LETTER", "SENT");
        long id = communication(c, "REMINDER_1", "LETTER").get("id").asLong();

        // then the document is a real A4 PDF in German, and the same bytes were dropped for the print service once
        ResponseEntity<byte[]> pdf = document(caseId, id);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle size = doc.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(size.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Freundliche Zahlungserinnerung: Rechnung " + invoice, "Erika Mustermann", "Hauptstr. 1",
                    "10115 Berlin", "1.234,50", "So zahlen Sie");
        }
        Path dropped = letterFolder.resolve("letter-" + id + ".pdf");
        assertThat(dropped).exists();
        assertThat(Files.readAllBytes(dropped)).isEqualTo(pdf.getBody());
        Deliveries.letDispatcherRun();
        assertThat(Deliveries.communications(api.getCase(caseId), "REMINDER_1", "LETTER")).hasSize(1);
        assertThat(Deliveries.timelineDetails(api.getCase(caseId), "COMMUNICATION_SENT")).hasSize(1);
    }

    @Test
    void anUnknownDocumentIsNotFound() {
        JsonNode opened = api.openCase(Deliveries.request("D-NODOC-" + System.nanoTime(), null, null, true, null, null));
        assertThat(api.get("admin", "/api/dunning-cases/" + opened.get("caseId").asText() + "/communications/999999999/document")
                .getStatusCode().value()).isEqualTo(404);
    }

    private ResponseEntity<byte[]> document(String caseId, long id) {
        RestTemplate http = new RestTemplate();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("ops", "demo");
        return http.exchange("http://localhost:" + port + "/api/dunning-cases/" + caseId + "/communications/" + id + "/document",
                HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }
}
