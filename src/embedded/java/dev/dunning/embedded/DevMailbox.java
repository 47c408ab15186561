package dev.dunning.embedded;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/dev/mailbox} (admin): what reached the embedded SMTP server, oldest first. */
@RestController
@ConditionalOnProperty(name = "dunning.channels.mode", havingValue = "embedded", matchIfMissing = true)
class DevMailbox {

    record Mail(String to, String subject, Instant sentAt, String text) {}

    @GetMapping("/api/dev/mailbox")
    List<Mail> mailbox() throws Exception {
        return Arrays.stream(EmbeddedMail.greenMail().getReceivedMessages()).map(DevMailbox::mail).toList();
    }

    private static Mail mail(jakarta.mail.internet.MimeMessage m) {
        try {
            String to = Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).collect(Collectors.joining(", "));
            return new Mail(to, m.getSubject(), m.getSentDate() == null ? null : m.getSentDate().toInstant(), text(m));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable message in the embedded mailbox", e);
        }
    }

    /** The text/plain part (the multipart alternative's text), else the whole content as text. */
    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) return String.valueOf(part.getContent());
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = text(body);
                if (text != null) return text;
            }
        }
        return null;
    }
}
