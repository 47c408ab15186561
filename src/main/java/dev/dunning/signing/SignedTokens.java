package dev.dunning.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tamper-evident tokens for the links we put in messages to debtors (offer page, opt-out):
 * {@code base64url(payload) "." base64url(HMAC-SHA256(secret, base64url(payload)))}. Whoever holds the link can use it;
 * nobody can change what it says without the secret.
 */
public final class SignedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] secret;

    /** {@code setting} names the configuration the secret came from, for the error when it is too short. */
    public SignedTokens(String secret, String setting) {
        if (secret == null || secret.length() < 16) throw new IllegalStateException(setting + " must have at least 16 characters");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String payload) {
        String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + B64.encodeToString(hmacSha256(secret, encoded.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The signed payload, or empty when the token is malformed or its signature does not match. */
    public Optional<String> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.indexOf('.', dot + 1) >= 0) return Optional.empty();
        String encoded = token.substring(0, dot);
        try {
            byte[] given = B64D.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, hmacSha256(secret, encoded.getBytes(StandardCharsets.US_ASCII)))) return Optional.empty();
            return Optional.of(new String(B64D.decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** HMAC-SHA256 over the parts in order. */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) mac.update(part);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
