package dev.dunning.legal;

import dev.dunning.engine.TransientFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The legal partner collects from a drop folder (an SFTP mount in production): {@code <caseId>.pdf} (the summary) and
 * {@code <caseId>.json} (the evidence pack), each written to a temporary name and moved, the JSON last, so the
 * partner never reads half a handoff.
 */
class FileDropLegalPartner implements LegalPartner {

    private final Path folder;

    FileDropLegalPartner(Path folder) {
        this.folder = folder;
    }

    @Override
    public String name() {
        return "file-drop";
    }

    @Override
    public void deliver(String caseId, String evidenceJson, byte[] summaryPdf) {
        try {
            Files.createDirectories(folder);
            write(caseId + ".pdf", summaryPdf);
            write(caseId + ".json", evidenceJson.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientFailure("legal partner drop folder " + folder + " is not writable: " + e.getClass().getSimpleName(), e);
        }
    }

    private void write(String name, byte[] content) throws IOException {
        Path tmp = folder.resolve(name + ".part");
        Files.write(tmp, content);
        Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
