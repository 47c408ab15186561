package dev.dunning.communications;

import dev.dunning.signing.SignedTokens;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Signed opt-out links: a {@link SignedTokens} token over {@code reference|channel} with a configured secret. */
@Component
public class OptOutTokens {

    public record OptOut(String debtorReference, Channel channel) {}

    private final SignedTokens tokens;
    private final String baseUrl;

    OptOutTokens(@Value("${dunning.opt-out.secret}") String secret, @Value("${dunning.public-base-url}") String baseUrl) {
        this.tokens = new SignedTokens(secret, "dunning.opt-out.secret");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String token(String debtorReference, Channel channel) {
        return tokens.sign(debtorReference + "|" + channel.name());
    }

    public String link(String debtorReference, Channel channel) {
        return baseUrl + "/opt-out/" + token(debtorReference, channel);
    }

    public Optional<OptOut> verify(String token) {
        return tokens.verify(token).flatMap(payload -> {
            String[] parts = payload.split("\\|", 2);
            if (parts.length != 2) return Optional.empty();
            try {
                return Optional.of(new OptOut(parts[0], Channel.valueOf(parts[1])));
            } catch (IllegalArgumentException unknownChannel) {
                return Optional.empty();
            }
        });
    }
}
