package dev.dunning.web;

import dev.dunning.signing.SignedTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed partner callbacks: {@code X-Timestamp} (epoch seconds) and {@code X-Signature} = hex HMAC-SHA256 with the
 * shared secret over {@code <timestamp> + "." + <raw body>}. Refused (401): unknown sender, bad signature, a timestamp
 * more than 5 minutes away from the app clock, or a signature seen before (replay). A sender's secret is the setting
 * {@code dunning.<kind>.callback-secrets.<sender>}.
 */
@Component
public class CallbackSignatures {

    public static final String SIGNATURE = "X-Signature";
    public static final String TIMESTAMP = "X-Timestamp";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    public static class BadSignature extends RuntimeException {
        public BadSignature(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Environment env;

    CallbackSignatures(JdbcClient jdbc, Clock clock, Environment env) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.env = env;
    }

    public static String sign(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(SignedTokens.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                timestamp.getBytes(StandardCharsets.UTF_8), new byte[] {'.'}, body));
    }

    /**
     * Checks the signature of a callback from {@code sender} (a skip-trace vendor, a legal partner: {@code kind}) and
     * remembers it; must run in the transaction that applies the callback.
     */
    public void verify(String kind, String sender, String timestamp, String signature, byte[] body) {
        String secret = sender.matches("[a-z0-9-]{1,32}") ? env.getProperty("dunning." + kind + ".callback-secrets." + sender) : null;
        if (secret == null || secret.isBlank()) throw new BadSignature("unknown sender");
        String endpoint = kind + "/" + sender;
        if (timestamp == null || signature == null) throw new BadSignature("missing " + SIGNATURE + " or " + TIMESTAMP);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new BadSignature(TIMESTAMP + " must be epoch seconds");
        }
        String expected = sign(secret, timestamp.trim(), body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new BadSignature("signature does not match");
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        Instant now = clock.instant();
        if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) throw new BadSignature("timestamp is stale");
        try {
            jdbc.sql("INSERT INTO callback_signature (signature, endpoint, received_at) VALUES (:sig, :endpoint, :now)")
                    .param("sig", expected).param("endpoint", endpoint).param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException replay) {
            throw new BadSignature("signature was used before (replay)");
        }
    }
}
