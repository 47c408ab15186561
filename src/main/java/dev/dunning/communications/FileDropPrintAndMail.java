package dev.dunning.communications;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The default: writes {@code letter-<id>.pdf} atomically into a folder the print service collects from. */
@Component
@ConditionalOnProperty(name = "dunning.letters.adapter", havingValue = "file-drop", matchIfMissing = true)
class FileDropPrintAndMail implements PrintAndMail {

    private final Path folder;

    FileDropPrintAndMail(@Value("${dunning.letters.drop-folder}") Path folder) {
        this.folder = folder;
    }

    @Override
    public String name() {
        return "print-file-drop " + folder;
    }

    @Override
    public String submit(long communicationId, String caseId, String recipient, byte[] pdf) throws DeliveryFailure {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve("letter-" + communicationId + ".pdf");
            Path tmp = Files.createTempFile(folder, ".letter-" + communicationId, ".part");
            Files.write(tmp, pdf);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target.getFileName().toString();
        } catch (IOException e) {
            throw new DeliveryFailure(DeliveryFailure.Kind.TRANSIENT, name() + ": " + e, e);
        }
    }
}
