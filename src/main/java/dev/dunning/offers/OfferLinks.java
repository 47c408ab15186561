package dev.dunning.offers;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.DunningCase;
import dev.dunning.signing.SignedTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The debtor's personal offer link {@code <base-url>/offers/<token>}. The token is
 * a {@link SignedTokens} token over {@code caseId "." expiryEpochSeconds}: it names the
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

    private final SignedTokens tokens;
    private final String baseUrl;
    private final Clock clock;

    OfferLinks(@Value("${dunning.offers.link-secret}") String secret, @Value("${dunning.public-base-url}") String baseUrl,
               Clock clock) {
        this.tokens = new SignedTokens(secret, "dunning.offers.link-secret (DUNNING_OFFER_LINK_SECRET)");
        if (secret.startsWith("dev-only")) log.warn("OFFER LINKS are signed with the development secret. Set DUNNING_OFFER_LINK_SECRET.");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    /** The link for the case's offer, valid as long as the offer; empty when the case has no offer. */
    public Optional<String> linkFor(DunningCase c) {
        if (c.offer() == null) return Optional.empty();
        return Optional.of(baseUrl + "/offers/" + token(c.id(), c.offer().validUntil()));
    }

    public String token(CaseId caseId, Instant expiresAt) {
        return tokens.sign(caseId.value() + "." + expiresAt.getEpochSecond());
    }

    /** Checks signature first, then expiry (against the app clock). */
    public OfferToken verify(String token) {
        String text = tokens.verify(token).orElseThrow(() -> new InvalidToken(Rejection.TAMPERED));
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
}
