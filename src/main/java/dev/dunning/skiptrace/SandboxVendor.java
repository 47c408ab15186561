package dev.dunning.skiptrace;

import dev.dunning.cases.Address;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded stand-in for a batch vendor, on the other side of the file exchange: it reads our request files from
 * the outbox and writes a result file into the inbox, so the real CSV writer, parser and ingestion run in every demo.
 * Deterministic by debtor reference: {@code -NOTFOUND}, {@code -DECEASED}, {@code -BANKRUPT}; anyone else is FOUND at
 * {@code 1 Sandbox Street, 10115 Berlin} with {@code <reference>@found.example} and a mobile number.
 */
class SandboxVendor {

    private static final Logger log = LoggerFactory.getLogger(SandboxVendor.class);

    private final Path outbox;
    private final Path inbox;

    SandboxVendor(Path outbox, Path inbox) {
        this.outbox = outbox;
        this.inbox = inbox;
    }

    static VendorResult answer(SkipTraceProvider.Subject s) {
        String ref = s.reference().toUpperCase();
        if (ref.endsWith("-NOTFOUND")) return VendorResult.notFound(s.requestId(), s.reference(), SkipTraceResult.NOT_FOUND);
        if (ref.endsWith("-DECEASED")) return VendorResult.notFound(s.requestId(), s.reference(), SkipTraceResult.DECEASED);
        if (ref.endsWith("-BANKRUPT")) return VendorResult.notFound(s.requestId(), s.reference(), SkipTraceResult.BANKRUPT);
        String slug = ref.toLowerCase().replaceAll("[^a-z0-9]", "");
        return new VendorResult(s.requestId(), s.reference(), SkipTraceResult.FOUND,
                new Address("1 Sandbox Street", null, "10115", "Berlin", "DE"),
                List.of(new VendorResult.Phone("+4915100000000", VendorResult.PhoneType.MOBILE, new BigDecimal("0.90"))),
                List.of(slug + "@found.example"));
    }

    /** Answers every request file in the outbox; returns how many. */
    synchronized int answerAll() {
        if (!Files.isDirectory(outbox)) return 0;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(outbox, "skiptrace-request-*.csv")) {
            dir.forEach(files::add);
        } catch (IOException e) {
            return 0;
        }
        int answered = 0;
        for (Path file : files) {
            try {
                List<SkipTraceProvider.Subject> subjects;
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    subjects = VendorCsv.readRequests(in);
                }
                String name = file.getFileName().toString().replace("skiptrace-request-", "skiptrace-result-");
                Files.createDirectories(inbox);
                Path tmp = inbox.resolve(name + ".part");
                try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    VendorCsv.writeResults(subjects.stream().map(SandboxVendor::answer).toList(), out);
                }
                Files.move(tmp, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.delete(file);
                answered++;
            } catch (IOException | RuntimeException e) {
                log.warn("sandbox vendor could not answer {}: {}", file.getFileName(), e.getClass().getSimpleName());
            }
        }
        return answered;
    }
}
