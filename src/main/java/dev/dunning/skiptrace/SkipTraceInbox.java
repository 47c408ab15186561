package dev.dunning.skiptrace;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Picks up result files ({@code *.csv}) from the inbox folder, parses them strictly, applies every valid row (each row
 * whole, in its own transaction), quarantines the others with the reason, and deletes the raw file. A file is known by
 * its SHA-256: the same file again is deleted without changing anything. A file whose header is wrong is quarantined
 * whole (moved to the quarantine folder) with one quarantine row at line 0. Logs carry counts and file names only.
 */
public class SkipTraceInbox {

    private static final Logger log = LoggerFactory.getLogger(SkipTraceInbox.class);

    public record Report(String file, boolean duplicate, int applied, int alreadyApplied, int quarantined) {}

    private final Path inbox;
    private final Path quarantineFolder;
    private final String source;
    private final SkipTraceResults results;
    private final JdbcClient jdbc;
    private final Clock clock;

    public SkipTraceInbox(Path inbox, Path quarantineFolder, String source, SkipTraceResults results, JdbcClient jdbc, Clock clock) {
        this.inbox = inbox;
        this.quarantineFolder = quarantineFolder;
        this.source = source;
        this.results = results;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every result file now in the inbox, oldest name first. */
    public synchronized List<Report> ingestAll() {
        List<Report> reports = new ArrayList<>();
        if (!Files.isDirectory(inbox)) return reports;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(inbox, "*.csv")) {
            dir.forEach(files::add);
        } catch (IOException e) {
            log.warn("skip-trace inbox {} is not readable: {}", inbox, e.getClass().getSimpleName());
            return reports;
        }
        files.sort(null);
        for (Path file : files) {
            try {
                reports.add(ingest(file));
            } catch (IOException | RuntimeException e) {
                log.warn("skip-trace result file {} not ingested, will retry: {}", file.getFileName(), e.getClass().getSimpleName());
            }
        }
        return reports;
    }

    Report ingest(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String sha = sha256(bytes);
        String name = file.getFileName().toString();
        boolean known = jdbc.sql("SELECT COUNT(*) FROM skip_trace_ingested_file WHERE sha256 = :sha").param("sha", sha)
                .query(Integer.class).single() > 0;
        if (known) {
            Files.deleteIfExists(file);
            log.info("skip-trace result file {} was ingested before; deleted", name);
            return new Report(name, true, 0, 0, 0);
        }
        VendorCsv.Parsed parsed;
        try {
            parsed = VendorCsv.parseResults(new StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        } catch (VendorCsv.BadFile bad) {
            quarantine(name, sha, 0, null, bad.getMessage());
            record(sha, name, 0, 1);
            Files.createDirectories(quarantineFolder);
            Files.move(file, quarantineFolder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            log.warn("skip-trace result file {} quarantined whole: wrong layout", name);
            return new Report(name, false, 0, 0, 1);
        }
        int applied = 0, again = 0, quarantined = 0;
        for (VendorCsv.Rejected r : parsed.rejected()) {
            quarantine(name, sha, r.line(), r.requestId(), r.reason());
            quarantined++;
        }
        for (VendorCsv.Row row : parsed.rows()) {
            try {
                if (results.apply(row.result(), source) == SkipTraceResults.Outcome.APPLIED) applied++;
                else again++;
            } catch (SkipTraceResults.Rejected rejected) {
                quarantine(name, sha, row.line(), row.result().requestId(), rejected.getMessage());
                quarantined++;
            }
        }
        record(sha, name, applied, quarantined);
        Files.deleteIfExists(file);
        log.info("skip-trace result file {}: {} applied, {} already applied, {} quarantined; raw file deleted", name, applied, again, quarantined);
        return new Report(name, false, applied, again, quarantined);
    }

    private void quarantine(String file, String sha, long line, Long requestId, String reason) {
        try {
            jdbc.sql("""
                    INSERT INTO skip_trace_quarantine (source, file_name, file_sha256, line_number, request_id, reason, quarantined_at)
                    VALUES (:source, :file, :sha, :line, :requestId, :reason, :now)""")
                    .param("source", source).param("file", file).param("sha", sha).param("line", line)
                    .param("requestId", requestId).param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                    .param("now", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException again) {
            // a file that failed half-way is being read again
        }
    }

    private void record(String sha, String name, int applied, int quarantined) {
        jdbc.sql("""
                INSERT INTO skip_trace_ingested_file (sha256, file_name, ingested_at, applied, quarantined)
                VALUES (:sha, :name, :now, :applied, :quarantined)""")
                .param("sha", sha).param("name", name).param("now", Timestamp.from(clock.instant()))
                .param("applied", applied).param("quarantined", quarantined).update();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
