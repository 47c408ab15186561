package dev.dunning.skiptrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.support.IntegrationTest;
import dev.dunning.support.TestData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SkipTraceDataProtectionTest {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired SkipTraceResults results;
    @Autowired SkipTracePurge purge;
    @TempDir Path folder;

    String tracedCase(String reference) {
        String caseId = TestData.insertCase(jdbc, reference);
        long request = TestData.insertSentRequest(jdbc, caseId, reference, "acme");
        results.apply(new VendorResult(request, reference, SkipTraceResult.FOUND, null,
                List.of(new VendorResult.Phone("+4930555111", VendorResult.PhoneType.WORK, new BigDecimal("0.6"))),
                List.of("traced@moved.example")), "acme");
        return caseId;
    }

    void close(String caseId, String status, Duration ago) {
        jdbc.sql("UPDATE dunning_case SET status = :s, stage = 'CLOSED', closed_at = :at WHERE id = :id")
                .param("s", status).param("at", Timestamp.from(clock.instant().minus(ago))).param("id", caseId).update();
    }

    @Test
    void skipTraceDataIsPurgedTheConfiguredDaysAfterTheCaseCloses() {
        String closedLongAgo = tracedCase("D-PURGE-1");
        close(closedLongAgo, "PAID", Duration.ofDays(31));
        String closedRecently = tracedCase("D-PURGE-2");
        close(closedRecently, "WRITTEN_OFF", Duration.ofDays(29));
        String stillOpen = tracedCase("D-PURGE-3");
        String inLegalLongAgo = tracedCase("D-PURGE-4");
        jdbc.sql("UPDATE dunning_case SET status = 'IN_LEGAL', stage = 'LEGAL_HANDOFF' WHERE id = :id").param("id", inLegalLongAgo).update();
        jdbc.sql("INSERT INTO legal_handoff (case_id, partner, handed_over_at, evidence) VALUES (:id, 'file-drop', :at, '{}')")
                .param("id", inLegalLongAgo).param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(40)))).update();

        assertThat(purge.purge()).isGreaterThanOrEqualTo(2);

        for (String purged : List.of(closedLongAgo, inLegalLongAgo)) {
            Map<String, Object> row = request(purged);
            assertThat(row).containsEntry("result", "FOUND").containsKey("purged_at");
            assertThat(row.get("purged_at")).isNotNull();
            for (String column : List.of("sent_reference", "sent_name", "sent_address", "sent_phone", "sent_email", "found_email",
                    "found_address", "found_phones", "found_emails")) {
                assertThat(row.get(column)).as(column + " of " + purged).isNull();
            }
            assertThat(history(purged)).isZero();
        }
        for (String kept : List.of(closedRecently, stillOpen)) {
            assertThat(request(kept).get("purged_at")).isNull();
            assertThat(request(kept).get("sent_name")).isEqualTo("Ada Debtor");
            assertThat(request(kept).get("found_emails")).isEqualTo("traced@moved.example");
            assertThat(history(kept)).isEqualTo(2);
        }
    }

    @Test
    void noPersonalDataFromSkipTraceAppearsInTheLogs(CapturedOutput output) throws Exception {
        String caseId = TestData.insertCase(jdbc, "D-LOG-1");
        jdbc.sql("UPDATE dunning_case SET debtor_name = 'Zelda Secretname' WHERE id = :id").param("id", caseId).update();
        long request = TestData.insertSentRequest(jdbc, caseId, "D-LOG-1", "file");
        Path inbox = Files.createDirectories(folder.resolve("inbox"));
        Files.writeString(inbox.resolve("r.csv"), VendorCsvTest.HEADER
                + request + ",D-LOG-1,FOUND,7 Hiddenweg,,12345,Geheimstadt,DE,+4930999888;MOBILE;0.9,zelda@secret.example\r\n"
                + "77777777,D-LOG-1,FOUND,8 Hiddenweg,,12345,Geheimstadt,XX,,zelda2@secret.example\r\n");
        new SkipTraceInbox(inbox, folder.resolve("q"), "file", results, jdbc, clock).ingestAll();
        assertThat(request(caseId).get("found_emails")).isEqualTo("zelda@secret.example");
        assertThat(output.getAll()).contains("r.csv").doesNotContain("Secretname", "Hiddenweg", "Geheimstadt", "secret.example", "4930999888");
    }

    private Map<String, Object> request(String caseId) {
        return jdbc.sql("SELECT * FROM skip_trace_request WHERE case_id = :c").param("c", caseId).query().singleRow();
    }

    private int history(String caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM contact_history WHERE case_id = :c").param("c", caseId).query(Integer.class).single();
    }
}
