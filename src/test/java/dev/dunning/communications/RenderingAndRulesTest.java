package dev.dunning.communications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.cases.Address;
import dev.dunning.cases.CaseId;
import dev.dunning.cases.Debtor;
import dev.dunning.cases.DebtorType;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.Money;
import dev.dunning.time.ShiftableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates, languages, SMS length, opt-out signatures, phone numbers and the contact window, without the app. */
class RenderingAndRulesTest {

    static final Clock CLOCK = new ShiftableClock(Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC));
    static final OptOutTokens TOKENS = new OptOutTokens("a-test-secret-of-some-length", "https://dunning.example");

    static MessageRenderer renderer(String directory) {
        return new MessageRenderer(directory, "Creditor AG", "billing@creditor.example", "+49 30 1", "Weg 1, 10117 Berlin",
                "DE00 1234", "TESTBIC", "", TOKENS, org.mockito.Mockito.mock(dev.dunning.offers.OfferLinks.class),
                org.mockito.Mockito.mock(dev.dunning.cases.CaseCharges.class), new dev.dunning.legal.LimitationPeriods(3, null), CLOCK);
    }

    static DunningCase aCase(String language, String timeZone, String country, String amount) {
        Debtor debtor = new Debtor("D-1", DebtorType.CONSUMER, "Max Muster", "max@example.com", "+4915112345678",
                new Address("Hauptstr. 1", null, "10115", "Berlin", country), timeZone, language);
        return DunningCase.open(new CaseId("6f1c1d5e-0000-4000-8000-000000000001"), "INV-42", "f", debtor,
                new Money(new BigDecimal(amount), Currency.getInstance("EUR")), LocalDate.parse("2026-10-01"), null,
                Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void germanEmailHasGermanWordingAndFormats() {
        var r = renderer(null).render(aCase("de", null, "DE", "1234.5"), Purpose.REMINDER_2, 0, Channel.EMAIL, "de");
        assertThat(r.subject()).isEqualTo("Zweite Mahnung: Rechnung INV-42 ist überfällig");
        assertThat(r.text()).contains("1.234,50\u00a0€", "1. Oktober 2026", "Verwendungszweck INV-42", "https://dunning.example/opt-out/");
        assertThat(r.html()).contains("<h2>Zweite Mahnung</h2>", "1.234,50");
    }

    @Test
    void anUnknownLanguageFallsBackToEnglishAndToneEscalates() {
        MessageRenderer renderer = renderer(null);
        var friendly = renderer.render(aCase("fr", null, "FR", "80"), Purpose.REMINDER_1, 0, Channel.EMAIL, "fr");
        var last = renderer.render(aCase("fr", null, "FR", "80"), Purpose.FINAL_NOTICE, 0, Channel.EMAIL, "fr");
        assertThat(friendly.subject()).isEqualTo("Friendly reminder: invoice INV-42");
        assertThat(friendly.text()).contains("Perhaps it simply slipped through");
        assertThat(last.subject()).isEqualTo("FINAL NOTICE: invoice INV-42");
        assertThat(last.text()).contains("legal partner");
        assertThat(last.html()).contains("#b00020"); // the final notice is marked red
    }

    @Test
    void aTimeBarredDebtGetsNoThreateningFinalNotice() {
        Debtor debtor = new Debtor("D-OLD", DebtorType.CONSUMER, "Max Muster", "max@example.com", null,
                new Address("Hauptstr. 1", null, "10115", "Berlin", "DE"), null, "en");
        DunningCase old = DunningCase.open(new CaseId("6f1c1d5e-0000-4000-8000-000000000009"), "INV-OLD", "f", debtor,
                new Money(new BigDecimal("80"), Currency.getInstance("EUR")), LocalDate.parse("2022-01-31"), null,
                Instant.parse("2026-11-01T00:00:00Z"));
        var timeBarred = renderer(null).render(old, Purpose.FINAL_NOTICE, 0, Channel.EMAIL, "en");
        var current = renderer(null).render(aCase("en", null, "DE", "80"), Purpose.FINAL_NOTICE, 0, Channel.EMAIL, "en");

        assertThat(current.text()).contains("legal partner");
        assertThat(timeBarred.text()).doesNotContain("legal partner").contains("Please pay the outstanding amount within 10 days.");
    }

    @Test
    void anSmsFitsOneMessageAndAlwaysEndsWithTheOptOutInstruction() {
        MessageRenderer renderer = renderer(null);
        for (Purpose purpose : Purpose.values()) {
            for (String language : new String[] {"en", "de"}) {
                String text = renderer.render(aCase(language, null, "DE", "98765432.10"), purpose, 0, Channel.SMS, language).text();
                assertThat(text.length()).as(purpose + " " + language).isLessThanOrEqualTo(160);
                assertThat(text).endsWith(language.equals("de") ? "Antworten Sie STOP zum Abbestellen" : "Reply STOP to opt out");
            }
        }
        assertThat(renderer.sms("x".repeat(400), java.util.Locale.ENGLISH)).hasSize(160).endsWith("... Reply STOP to opt out");
    }

    @Test
    void aLetterIsAPdfFromTheSameTemplates() throws IOException {
        var r = renderer(null).render(aCase("en", null, "DE", "120"), Purpose.FINAL_NOTICE, 0, Channel.LETTER, "en");
        assertThat(new String(r.pdf(), 0, 5)).isEqualTo("%PDF-");
        try (var doc = Loader.loadPDF(r.pdf())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("FINAL NOTICE: invoice INV-42", "Max Muster", "Hauptstr. 1", "GERMANY");
        }
    }

    @Test
    void templatesInTheConfiguredDirectoryOverrideThePackagedOnes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("OFFER"));
        Files.writeString(dir.resolve("OFFER/sms.txt"), "Custom offer for [(${invoiceNumber})]");
        Files.writeString(dir.resolve("messages.properties"), "REMINDER_1.subject=Psst: {0}\n");
        MessageRenderer renderer = renderer(dir.toString());
        assertThat(renderer.render(aCase("en", null, "DE", "10"), Purpose.OFFER, 0, Channel.SMS, "en").text())
                .isEqualTo("Custom offer for INV-42 Reply STOP to opt out");
        assertThat(renderer.render(aCase("en", null, "DE", "10"), Purpose.REMINDER_1, 0, Channel.EMAIL, "en").subject()).isEqualTo("Psst: INV-42");
        assertThat(renderer.render(aCase("en", null, "DE", "10"), Purpose.REMINDER_2, 0, Channel.EMAIL, "en").subject())
                .isEqualTo("Second reminder: invoice INV-42 is overdue");
    }

    @Test
    void optOutTokensAreSignedAndCannotBeForged() {
        String token = TOKENS.token("D-7", Channel.EMAIL);
        assertThat(TOKENS.verify(token)).contains(new OptOutTokens.OptOut("D-7", Channel.EMAIL));
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("D-8|EMAIL".getBytes());
        assertThat(TOKENS.verify(forgedPayload + token.substring(token.indexOf('.')))).isEmpty();
        assertThat(TOKENS.verify(token + "A")).isEmpty();
        assertThat(TOKENS.verify("garbage")).isEmpty();
        assertThat(new OptOutTokens("another-secret-of-some-length", "x").verify(token)).isEmpty();
        assertThatThrownBy(() -> new OptOutTokens("short", "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void phoneNumbersAreNormalisedToE164() {
        assertThat(PhoneNumbers.e164("+49 151 1234 5678", null)).contains("+4915112345678");
        assertThat(PhoneNumbers.e164("0151 12345678", "DE")).contains("+4915112345678");
        assertThat(PhoneNumbers.e164("(202) 456-1111", "US")).contains("+12024561111");
        assertThat(PhoneNumbers.e164("12345", "DE")).isEmpty();
        assertThat(PhoneNumbers.e164("0151 12345678", null)).isEmpty();
    }

    @Test
    void theContactWindowUsesTheDebtorsZoneThenTheCountryThenTheCreditor() {
        ContactWindow window = new ContactWindow("Europe/Berlin", LocalTime.of(8, 0), LocalTime.of(21, 0));
        assertThat(window.zoneOf(aCase("en", "America/Chicago", "DE", "1").debtor())).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(window.zoneOf(aCase("en", null, "US", "1").debtor())).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(window.zoneOf(aCase("en", null, "ZW", "1").debtor())).isEqualTo(ZoneId.of("Europe/Berlin"));

        Debtor berlin = aCase("de", null, "DE", "1").debtor();
        // 06:30 UTC = 07:30 in Berlin (winter): closed until 08:00 Berlin = 07:00 UTC
        assertThat(window.closedUntil(berlin, Instant.parse("2026-11-02T06:30:00Z"))).contains(Instant.parse("2026-11-02T07:00:00Z"));
        assertThat(window.closedUntil(berlin, Instant.parse("2026-11-02T07:00:00Z"))).isEmpty();
        assertThat(window.closedUntil(berlin, Instant.parse("2026-11-02T19:59:59Z"))).isEmpty();
        // 21:00 Berlin: closed until 08:00 the next day
        assertThat(window.closedUntil(berlin, Instant.parse("2026-11-02T20:00:00Z"))).contains(Instant.parse("2026-11-03T07:00:00Z"));
    }
}
