package dev.dunning.communications;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email over SMTP (Spring Boot mail): multipart HTML + text, with a List-Unsubscribe header for the opt-out link. */
@Component
class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final jakarta.mail.internet.InternetAddress from;
    private final String host;
    private final int port;
    private final java.time.Clock clock;

    EmailSender(JavaMailSender mail, java.time.Clock clock, @Value("${dunning.mail.from}") String from,
                @Value("${spring.mail.host:localhost}") String host, @Value("${spring.mail.port:25}") int port) {
        this.mail = mail;
        this.clock = clock;
        // a broken sender address is our configuration, not the debtor's: refuse to start rather than mark every
        // recipient's address invalid
        try {
            this.from = new jakarta.mail.internet.InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("dunning.mail.from (DUNNING_MAIL_FROM) is not an email address: '" + from + "'", e);
        }
        this.host = host;
        this.port = port;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String provider() {
        return "smtp " + host + ":" + port;
    }

    @Override
    public String send(OutgoingMessage message) throws DeliveryFailure {
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            helper.setSentDate(java.util.Date.from(clock.instant()));
            helper.setText(message.text(), message.html());
            if (message.optOutLink() != null) {
                mime.setHeader("List-Unsubscribe", "<" + message.optOutLink() + ">");
            }
            mime.setHeader("X-Dunning-Communication", String.valueOf(message.id()));
        } catch (MessagingException e) {
            throw new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, true, provider() + ": invalid message or address: " + e.getMessage(), e);
        }
        try {
            mail.send(mime);
            return mime.getMessageID();
        } catch (MailException e) {
            throw classify(e);
        } catch (MessagingException e) {
            return null; // sent; the id is only informative
        }
    }

    /** SMTP 5xx on the recipient is permanent, 4xx and connection failures transient, the rest unknown. */
    DeliveryFailure classify(MailException e) {
        if (e instanceof MailAuthenticationException) {
            return new DeliveryFailure(DeliveryFailure.Kind.TRANSIENT, provider() + ": authentication failed: " + e.getMessage(), e);
        }
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException a) {
                boolean permanent = a.getReturnCode() >= 500;
                return new DeliveryFailure(permanent ? DeliveryFailure.Kind.PERMANENT : DeliveryFailure.Kind.TRANSIENT,
                        permanent, provider() + ": recipient refused with " + a.getReturnCode() + " " + a.getMessage().strip(), e);
            }
            if (t instanceof SMTPSendFailedException s) {
                boolean permanent = s.getReturnCode() >= 500;
                return new DeliveryFailure(permanent ? DeliveryFailure.Kind.PERMANENT : DeliveryFailure.Kind.TRANSIENT,
                        permanent, provider() + ": refused with " + s.getReturnCode() + " " + s.getMessage().strip(), e);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new DeliveryFailure(DeliveryFailure.Kind.TRANSIENT, provider() + ": " + t, e);
            }
            if (t instanceof jakarta.mail.MessagingException m && m.getMessage() != null
                    && m.getMessage().startsWith("Could not connect to SMTP host")) {
                return new DeliveryFailure(DeliveryFailure.Kind.TRANSIENT, provider() + ": " + m.getMessage(), e);
            }
        }
        return new DeliveryFailure(DeliveryFailure.Kind.UNKNOWN, provider() + ": outcome unknown: " + e.getMessage(), e);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MailSendException m && !m.getFailedMessages().isEmpty()) {
            return m.getFailedMessages().values().iterator().next();
        }
        if (t instanceof SendFailedException s && s.getNextException() != null) return s.getNextException();
        if (t instanceof MessagingException m && m.getNextException() != null) return m.getNextException();
        return t.getCause() == t ? null : t.getCause();
    }
}
