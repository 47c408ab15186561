package dev.dunning.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One GreenMail SMTP server per JVM: every email the app sends in embedded mode lands in its mailbox. */
public final class EmbeddedMail {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMail.class);
    private static GreenMail greenMail;
    private static int port;

    private EmbeddedMail() {
    }

    static synchronized int start() {
        if (greenMail == null) {
            port = EmbeddedEngine.freePort();
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "embedded-mail-stop"));
            log.warn("EMBEDDED MAIL: GreenMail SMTP on 127.0.0.1:{}; emails go nowhere else. Read them at GET /api/dev/mailbox."
                    + " Use dunning.channels.mode=real and spring.mail.* for a real SMTP server.", port);
        }
        return port;
    }

    public static synchronized GreenMail greenMail() {
        if (greenMail == null) throw new IllegalStateException("the embedded mail server is not running");
        return greenMail;
    }
}
