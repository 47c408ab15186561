package dev.dunning.skiptrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.support.IntegrationTest;
import dev.dunning.support.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The file exchange end to end with folders of its own: batch → request CSV in the outbox → the sandbox vendor's
 * result CSV in the inbox → strict parse, quarantine, application of each outcome, raw file deleted, re-ingest harmless.
 */
@IntegrationTest
class FileExchangeTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired SkipTraceBatcher appBatcher;
    @Autowired SkipTraceResults results;
    @TempDir Path folder;

    @BeforeEach
    void pause() throws InterruptedException {
        appBatcher.pause();
        Thread.sleep(1000);
    }

    @AfterEach
    void resume() {
        appBatcher.resume();
    }

    @Test
    void batchGoesOutAsCsvAndEveryOutcomeComesBackThroughTheParser() throws Exception {
        Path outbox = folder.resolve("outbox"), inbox = folder.resolve("inbox"), quarantine = folder.resolve("quarantine");
        jdbc.sql("UPDATE skip_trace_request SET batch_id = 'elsewhere' WHERE batch_id IS NULL").update();
        String found = TestData.insertCase(jdbc, "D-FX-1");
        String notFound = TestData.insertCase(jdbc, "D-FX-2-NOTFOUND");
        String deceased = TestData.insertCase(jdbc, "D-FX-3-DECEASED");
        String bankrupt = TestData.insertCase(jdbc, "D-FX-4-BANKRUPT");
        for (String c : List.of(found, notFound, deceased, bankrupt)) TestData.insertSkipTraceRequest(jdbc, c, Instant.now().minusSeconds(60));

        // the batch goes out as a CSV in the vendor layout
        new SkipTraceBatcher(jdbc, tx, new FileExchangeSkipTraceProvider("file", outbox), clock, 500, Duration.ZERO).run();
        List<Path> requestFiles = list(outbox);
        assertThat(requestFiles).hasSize(1);
        List<String> lines = Files.readAllLines(requestFiles.getFirst());
        assertThat(lines).hasSize(5);
        assertThat(lines.getFirst()).isEqualTo("request_id,purpose,reference,name,address_line1,address_line2,postal_code,city,country,phone,email");
        assertThat(lines.get(1)).endsWith(",COLLECTION_OF_EXISTING_ACCOUNT,D-FX-1,Ada Debtor,Hauptstr. 1,,10115,Berlin,DE,+4915112345678,ada@example.com");

        // the sandbox vendor answers with a result file; a second, partly malformed file arrives too
        new SandboxVendor(outbox, inbox).answerAll();
        assertThat(list(outbox)).as("the vendor took the request file").isEmpty();
        long foundRequest = requestId(found);
        Files.writeString(inbox.resolve("zz-extra.csv"), VendorCsvTest.HEADER
                + foundRequest + ",D-FX-1,NOT_FOUND,,,,,,,\r\n"            // valid, but the request already has its result
                + "999999999,D-NOPE,NOT_FOUND,,,,,,,\r\n"                 // no such request
                + requestId(notFound) + ",D-OTHER,BANKRUPT,,,,,,,\r\n"           // another reference: refused
                + "12,D-FX-9,GONE,,,,,,,\r\n", StandardCharsets.UTF_8);     // bad status
        Files.writeString(inbox.resolve("zzz-wrong-layout.csv"), "id;status\r\n1;FOUND\r\n", StandardCharsets.UTF_8);
        String extraSha = SkipTraceInbox.sha256(Files.readAllBytes(inbox.resolve("zz-extra.csv")));

        SkipTraceInbox ingestion = new SkipTraceInbox(inbox, quarantine, "file", results, jdbc, clock);
        List<SkipTraceInbox.Report> reports = ingestion.ingestAll();

        assertThat(reports).extracting(SkipTraceInbox.Report::applied).containsExactly(4, 0, 0);
        assertThat(reports).extracting(SkipTraceInbox.Report::quarantined).containsExactly(0, 3, 1);
        assertThat(list(inbox)).as("raw result files are deleted").isEmpty();
        assertThat(list(quarantine)).extracting(p -> p.getFileName().toString()).containsExactly("zzz-wrong-layout.csv");
        assertThat(jdbc.sql("SELECT CONCAT(line_number, ' ', reason) FROM skip_trace_quarantine WHERE file_sha256 = :sha ORDER BY line_number")
                .param("sha", extraSha).query(String.class).list()).satisfiesExactly(
                r -> assertThat(r).startsWith("3 request_id: no skip-trace request"),
                r -> assertThat(r).startsWith("4 reference: does not match"),
                r -> assertThat(r).startsWith("5 status:").contains("GONE"));

        // each outcome applied once and told to the process
        assertThat(message(found)).containsEntry("skipTraceResult", "FOUND");
        assertThat(message(notFound)).containsEntry("skipTraceResult", "NOT_FOUND");
        assertThat(message(deceased)).containsEntry("skipTraceResult", "DECEASED");
        assertThat(message(bankrupt)).containsEntry("skipTraceResult", "BANKRUPT");
        assertThat(jdbc.sql("SELECT result FROM skip_trace_request WHERE case_id = :c").param("c", found).query(String.class).single()).isEqualTo("FOUND");

        // FOUND: the debtor's contact is the new one, and the old one is kept in the history with its source
        Map<String, Object> debtor = jdbc.sql("SELECT debtor_email, debtor_phone, debtor_address_line1, debtor_address_city FROM dunning_case WHERE id = :id")
                .param("id", found).query().singleRow();
        assertThat(debtor).containsEntry("debtor_email", "dfx1@found.example").containsEntry("debtor_phone", "+4915100000000")
                .containsEntry("debtor_address_line1", "1 Sandbox Street").containsEntry("debtor_address_city", "Berlin");
        assertThat(jdbc.sql("SELECT CONCAT_WS('|', kind, old_value, new_value, source) FROM contact_history WHERE case_id = :c ORDER BY id")
                .param("c", found).query(String.class).list()).containsExactly(
                "EMAIL|ada@example.com|dfx1@found.example|skip-trace:file",
                "ADDRESS|Hauptstr. 1, 10115 Berlin, DE|1 Sandbox Street, 10115 Berlin, DE|skip-trace:file",
                "PHONE|+4915112345678|+4915100000000|skip-trace:file");
        assertThat(jdbc.sql("SELECT detail FROM contact_history WHERE case_id = :c AND kind = 'PHONE'").param("c", found)
                .query(String.class).single()).isEqualTo("MOBILE confidence 0.90");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_history WHERE case_id IN (:c)").param("c", List.of(notFound, deceased, bankrupt))
                .query(Integer.class).single()).isZero();

        // the same file again: deleted, nothing changes
        int messagesBefore = messages();
        int quarantinedBefore = jdbc.sql("SELECT COUNT(*) FROM skip_trace_quarantine").query(Integer.class).single();
        Files.writeString(inbox.resolve("again.csv"), Files.readString(quarantine.resolve("zzz-wrong-layout.csv")));
        Files.copy(quarantine.resolve("zzz-wrong-layout.csv"), inbox.resolve("again-2.csv"));
        Files.writeString(inbox.resolve("again-3.csv"), VendorCsvTest.HEADER + foundRequest + ",D-FX-1,NOT_FOUND,,,,,,,\r\n"
                + "999999999,D-NOPE,NOT_FOUND,,,,,,,\r\n" + requestId(notFound) + ",D-OTHER,BANKRUPT,,,,,,,\r\n" + "12,D-FX-9,GONE,,,,,,,\r\n");
        assertThat(ingestion.ingestAll()).allMatch(SkipTraceInbox.Report::duplicate);
        assertThat(list(inbox)).isEmpty();
        assertThat(messages()).isEqualTo(messagesBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM skip_trace_quarantine").query(Integer.class).single()).isEqualTo(quarantinedBefore);
    }

    @Test
    void theEmbeddedSandboxGoesThroughTheAppsOwnFolders() throws Exception {
        appBatcher.resume();
        String caseId = TestData.insertCase(jdbc, "D-FX-APP");
        TestData.insertSkipTraceRequest(jdbc, caseId, Instant.now().minusSeconds(5));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FOUND".equals(
                jdbc.sql("SELECT result FROM skip_trace_request WHERE case_id = :c").param("c", caseId).query(String.class).optional().orElse(null)));
        assertThat(jdbc.sql("SELECT provider FROM skip_trace_request WHERE case_id = :c").param("c", caseId).query(String.class).single()).isEqualTo("sandbox");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM skip_trace_ingested_file i JOIN skip_trace_batch b ON i.file_name = CONCAT('skiptrace-result-', b.id, '.csv') "
                + "JOIN skip_trace_request r ON r.batch_id = b.id WHERE r.case_id = :c").param("c", caseId).query(Integer.class).single()).isEqualTo(1);
        assertThat(list(Path.of("target/it-files/skip-trace/inbox"))).noneMatch(p -> p.toString().endsWith(".csv"));
    }

    private long requestId(String caseId) {
        return jdbc.sql("SELECT id FROM skip_trace_request WHERE case_id = :c").param("c", caseId).query(Long.class).single();
    }

    private Map<String, Object> message(String caseId) throws Exception {
        String variables = jdbc.sql("SELECT variables FROM engine_message WHERE case_id = :c AND name = 'SkipTraceResult'")
                .param("c", caseId).query(String.class).single();
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(variables, Map.class);
    }

    private int messages() {
        return jdbc.sql("SELECT COUNT(*) FROM engine_message WHERE name = 'SkipTraceResult'").query(Integer.class).single();
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
