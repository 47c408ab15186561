package dev.dunning.communications;

import dev.dunning.cases.Debtor;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The contact window: no email, SMS or call outside 08:00–21:00 in the debtor's local time. The zone is the
 * debtor's {@code timeZone}, else the main zone of the debtor's country, else the creditor's zone.
 */
@Component
public class ContactWindow {

    public static final String RULE = "CONTACT_WINDOW";

    /** The main zone of each country we serve; extend the table for new countries. */
    private static final Map<String, String> MAIN_ZONES = Map.ofEntries(
            Map.entry("US", "America/New_York"), Map.entry("CA", "America/Toronto"), Map.entry("AU", "Australia/Sydney"),
            Map.entry("BR", "America/Sao_Paulo"), Map.entry("RU", "Europe/Moscow"), Map.entry("MX", "America/Mexico_City"),
            Map.entry("ES", "Europe/Madrid"), Map.entry("PT", "Europe/Lisbon"), Map.entry("DE", "Europe/Berlin"),
            Map.entry("GB", "Europe/London"), Map.entry("NZ", "Pacific/Auckland"), Map.entry("ID", "Asia/Jakarta"),
            Map.entry("AR", "America/Argentina/Buenos_Aires"), Map.entry("CL", "America/Santiago"),
            Map.entry("KZ", "Asia/Almaty"), Map.entry("CN", "Asia/Shanghai"), Map.entry("FR", "Europe/Paris"),
            Map.entry("NL", "Europe/Amsterdam"), Map.entry("AT", "Europe/Vienna"), Map.entry("CH", "Europe/Zurich"),
            Map.entry("IT", "Europe/Rome"), Map.entry("DK", "Europe/Copenhagen"));

    private final ZoneId creditorZone;
    private final LocalTime opens;
    private final LocalTime closes;

    ContactWindow(@Value("${dunning.creditor.time-zone:Europe/Berlin}") String creditorZone,
                  @Value("${dunning.contact-window.opens:08:00}") LocalTime opens,
                  @Value("${dunning.contact-window.closes:21:00}") LocalTime closes) {
        this.creditorZone = ZoneId.of(creditorZone);
        this.opens = opens;
        this.closes = closes;
    }

    public ZoneId zoneOf(Debtor debtor) {
        if (debtor.timeZone() != null && !debtor.timeZone().isBlank()) {
            try {
                return ZoneId.of(debtor.timeZone());
            } catch (DateTimeException ignored) {
                // fall through to the country
            }
        }
        String country = debtor.address() != null ? debtor.address().country() : null;
        if (country != null) {
            String main = MAIN_ZONES.get(country.toUpperCase(java.util.Locale.ROOT));
            if (main != null) return ZoneId.of(main);
        }
        return creditorZone; // java.time has no country-to-zone table: unknown countries use the creditor's zone
    }

    /** Empty when the debtor may be contacted now; otherwise the instant the window opens next. */
    public Optional<Instant> closedUntil(Debtor debtor, Instant now) {
        ZonedDateTime local = now.atZone(zoneOf(debtor));
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(opens) && time.isBefore(closes)) return Optional.empty();
        ZonedDateTime next = time.isBefore(opens) ? local.with(opens) : local.plusDays(1).with(opens);
        return Optional.of(next.toInstant());
    }

    public String describe(Debtor debtor) {
        return opens + "–" + closes + " " + zoneOf(debtor);
    }
}
