package dev.dunning.communications;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.time.Clock;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Which SMTP failures are permanent (address invalid), transient (retry) or unknown (never re-sent). */
class EmailFailureClassificationTest {

    final EmailSender sender = new EmailSender(null, Clock.systemUTC(), "from@example.com", "smtp.example", 587);

    @Test
    void aBrokenSenderAddressStopsTheStartInsteadOfBouncingEveryDebtor() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new EmailSender(null, Clock.systemUTC(), "Example Creditor <billing@>", "smtp.example", 587))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DUNNING_MAIL_FROM");
        assertThat(new EmailSender(null, Clock.systemUTC(), "Example Creditor <billing@creditor.example>", "smtp.example", 587)
                .provider()).isEqualTo("smtp smtp.example:587");
    }

    @Test
    void aRecipientRefusedWith5xxIsAPermanentBounce() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("x@example.com"), "RCPT TO", 550, "5.1.1 user unknown");
        DeliveryFailure f = sender.classify(new MailSendException("Failed messages", new jakarta.mail.SendFailedException("Invalid Addresses", refused)));
        assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.PERMANENT);
        assertThat(f.bounce()).isTrue();
        assertThat(f.getMessage()).contains("smtp smtp.example:587", "550");
    }

    @Test
    void aRecipientDeferredWith4xxIsTransient() throws Exception {
        var greylisted = new SMTPAddressFailedException(new InternetAddress("x@example.com"), "RCPT TO", 451, "4.7.1 greylisted");
        DeliveryFailure f = sender.classify(new MailSendException("Failed messages", new jakarta.mail.SendFailedException("Invalid Addresses", greylisted)));
        assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.TRANSIENT);
    }

    @Test
    void aRefusedConnectionIsTransientAndATimeoutAfterTheDataIsUnknown() {
        DeliveryFailure down = sender.classify(new MailSendException("Mail server connection failed",
                new MessagingException("Could not connect to SMTP host: smtp.example, port: 587", new ConnectException("Connection refused"))));
        assertThat(down.kind()).isEqualTo(DeliveryFailure.Kind.TRANSIENT);
        assertThat(down.getMessage()).startsWith("smtp smtp.example:587");

        DeliveryFailure unknown = sender.classify(new MailSendException("Failed messages",
                new MessagingException("Exception reading response", new java.net.SocketTimeoutException("Read timed out"))));
        assertThat(unknown.kind()).isEqualTo(DeliveryFailure.Kind.UNKNOWN);
    }
}
