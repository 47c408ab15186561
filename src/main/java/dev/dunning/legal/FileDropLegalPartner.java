package dev.dunning.legal;

import dev.dunning.engine.TransientFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * First version of the legal-partner adapter: writes the evidence pack as JSON into a drop folder that the partner
 * collects (an SFTP mount in production). Written to a temporary name and moved, so the partner never reads half a file.
 */
@Component
class FileDropLegalPartner implements LegalPartner {

    private final Path folder;

    FileDropLegalPartner(@Value("${dunning.legal.drop-folder}") Path folder) {
        this.folder = folder;
    }

    @Override
    public String name() {
        return "file-drop";
    }

    @Override
    public void deliver(String caseId, String evidenceJson) {
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve(caseId + ".json.part");
            Files.writeString(tmp, evidenceJson, StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(caseId + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TransientFailure("legal partner drop folder " + folder + " is not writable: " + e.getMessage(), e);
        }
    }
}
