package dev.dunning.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.cases.CaseId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OfferLinksTest {

    static final Instant NOW = Instant.parse("2026-10-15T10:00:00Z");
    final OfferLinks links = new OfferLinks("a-secret-of-sufficient-length", "https://pay.example/", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedTokenNamesTheCaseAndItsExpiry() {
        String token = links.token(new CaseId("case-1"), NOW.plusSeconds(3600));
        OfferLinks.OfferToken verified = links.verify(token);
        assertThat(verified.caseId()).isEqualTo(new CaseId("case-1"));
        assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"); // URL-safe, no padding
    }

    @Test
    void expiredAtTheInstantOfExpiry() {
        assertThat(reason(links.token(new CaseId("case-1"), NOW))).isEqualTo(OfferLinks.Rejection.EXPIRED);
    }

    @Test
    void anotherSecretOrAnyChangeIsTampering() {
        String token = links.token(new CaseId("case-1"), NOW.plusSeconds(3600));
        OfferLinks other = new OfferLinks("another-secret-of-enough-length", "https://pay.example", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(reasonOf(other, token)).isEqualTo(OfferLinks.Rejection.TAMPERED);
        char last = token.charAt(token.length() - 1);
        assertThat(reason(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEqualTo(OfferLinks.Rejection.TAMPERED);
        assertThat(reason("x" + token)).isEqualTo(OfferLinks.Rejection.TAMPERED);
        assertThat(reason("")).isEqualTo(OfferLinks.Rejection.TAMPERED);
        assertThat(reason(".")).isEqualTo(OfferLinks.Rejection.TAMPERED);
        assertThat(reason("%%%.%%%")).isEqualTo(OfferLinks.Rejection.TAMPERED);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new OfferLinks("short", "https://pay.example", Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DUNNING_OFFER_LINK_SECRET");
    }

    private OfferLinks.Rejection reason(String token) {
        return reasonOf(links, token);
    }

    private static OfferLinks.Rejection reasonOf(OfferLinks l, String token) {
        try {
            l.verify(token);
            return null;
        } catch (OfferLinks.InvalidToken e) {
            return e.reason();
        }
    }
}
