package dev.dunning.offers;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.DunningCase;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The debtor's personal offer link {@code <base-url>/offers/<token>}. The token is
 * {@code base64url(caseId "." expiryEpochSeconds) "." base64url(HMAC-SHA256(secret, that payload))}: it names the
 * case and expires with the offer, needs no login, and any change to it breaks the signature. Email, letter and SMS
 * templates take the link from {@link #linkFor(DunningCase)}.
 */
@Component
public class OfferLinks {

    /** What a valid token says. */
    public record OfferToken(CaseId caseId, Instant expiresAt) {}

    /** Why a token is not accepted. */
    public enum Rejection { TAMPERED, EXPIRED }

    public static class InvalidToken extends RuntimeException {
        private final Rejection reason;

        InvalidToken(Rejection reason) {
            super("offer link " + reason.name().toLowerCase());
            this.reason = reason;
        }

        public Rejection reason() {
            return reason;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OfferLinks.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final String baseUrl;
    private final Clock clock;

    OfferLinks(@Value("${dunning.offers.link-secret}") String secret, @Value("${dunning.offers.base-url}") String baseUrl,
               Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("dunning.offers.link-secret (DUNNING_OFFER_LINK_SECRET) must be at least 16 characters");
        }
        if (secret.startsWith("dev-only")) log.warn("OFFER LINKS are signed with the development secret. Set DUNNING_OFFER_LINK_SECRET.");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    /** The link for the case's offer, valid as long as the offer; empty when the case has no offer. */
    public Optional<String> linkFor(DunningCase c) {
        if (c.offer() == null) return Optional.empty();
        return Optional.of(baseUrl + "/offers/" + token(c.id(), c.offer().validUntil()));
    }

    public String token(CaseId caseId, Instant expiresAt) {
        String payload = B64.encodeToString((caseId.value() + "." + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(sign(payload));
    }

    /** Checks signature first, then expiry (against the app clock). */
    public OfferToken verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.indexOf('.', dot + 1) >= 0) throw new InvalidToken(Rejection.TAMPERED);
        String payload = token.substring(0, dot);
        byte[] given;
        String text;
        try {
            given = B64D.decode(token.substring(dot + 1));
            text = new String(B64D.decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken(Rejection.TAMPERED);
        }
        if (!MessageDigest.isEqual(given, sign(payload))) throw new InvalidToken(Rejection.TAMPERED);
        int sep = text.lastIndexOf('.');
        if (sep <= 0) throw new InvalidToken(Rejection.TAMPERED);
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(text.substring(sep + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidToken(Rejection.TAMPERED);
        }
        if (!clock.instant().isBefore(expiresAt)) throw new InvalidToken(Rejection.EXPIRED);
        return new OfferToken(new CaseId(text.substring(0, sep)), expiresAt);
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
