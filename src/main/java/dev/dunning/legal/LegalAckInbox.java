package dev.dunning.legal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Acknowledgement files from the legal partner in {@code dunning.legal.ack-inbox}: {@code *.json} with
 * {@code {"caseId": "...", "partnerReference": "..."}}. Applied and deleted; a file that cannot be applied (malformed,
 * unknown case, conflicting reference) is moved to {@code rejected/} beside it.
 */
@Component
public class LegalAckInbox {

    private static final Logger log = LoggerFactory.getLogger(LegalAckInbox.class);

    private final Path inbox;
    private final LegalAcknowledgements acknowledgements;
    private final ObjectMapper json;

    LegalAckInbox(@Value("${dunning.legal.ack-inbox}") Path inbox, LegalAcknowledgements acknowledgements, ObjectMapper json) {
        this.inbox = inbox;
        this.acknowledgements = acknowledgements;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${dunning.legal.ack-poll-interval:PT1M}", initialDelayString = "PT2S")
    public synchronized int poll() {
        if (!Files.isDirectory(inbox)) return 0;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(inbox, "*.json")) {
            dir.forEach(files::add);
        } catch (IOException e) {
            return 0;
        }
        int applied = 0;
        for (Path file : files) {
            try {
                JsonNode ack = json.readTree(file.toFile());
                String caseId = ack.path("caseId").asText("");
                String reference = ack.path("partnerReference").asText("");
                if (caseId.isBlank() || reference.isBlank() || reference.length() > 100) throw new IllegalArgumentException("caseId and partnerReference are required");
                acknowledgements.acknowledge(null, caseId, reference, "acknowledgement file");
                Files.delete(file);
                applied++;
            } catch (org.springframework.dao.TransientDataAccessException | org.springframework.transaction.CannotCreateTransactionException e) {
                log.warn("legal acknowledgement file {} not applied yet, will retry: {}", file.getFileName(), e.getClass().getSimpleName());
            } catch (IOException | RuntimeException e) {
                log.warn("legal acknowledgement file {} rejected: {}", file.getFileName(), e.getMessage());
                try {
                    Files.createDirectories(inbox.resolve("rejected"));
                    Files.move(file, inbox.resolve("rejected").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // stays in the inbox and is tried again
                }
            }
        }
        return applied;
    }
}
