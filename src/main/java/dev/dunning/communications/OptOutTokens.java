package dev.dunning.communications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Signed opt-out links: {@code base64url(reference|channel).base64url(HMAC-SHA256)} with a configured secret. */
@Component
public class OptOutTokens {

    public record OptOut(String debtorReference, Channel channel) {}

    private final byte[] secret;
    private final String baseUrl;

    OptOutTokens(@Value("${dunning.opt-out.secret}") String secret, @Value("${dunning.public-base-url}") String baseUrl) {
        if (secret == null || secret.length() < 16) throw new IllegalStateException("dunning.opt-out.secret must have at least 16 characters");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String token(String debtorReference, Channel channel) {
        String payload = b64((debtorReference + "|" + channel.name()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + b64(mac(payload));
    }

    public String link(String debtorReference, Channel channel) {
        return baseUrl + "/opt-out/" + token(debtorReference, channel);
    }

    public Optional<OptOut> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) return Optional.empty();
        String payload = token.substring(0, dot);
        try {
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(payload))) return Optional.empty();
            String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|", 2);
            return Optional.of(new OptOut(parts[0], Channel.valueOf(parts[1])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
