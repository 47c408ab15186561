package dev.dunning.communications;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** Test helpers for delivery: case requests with chosen contacts, the embedded mailbox and SMS log. */
final class Deliveries {

    private Deliveries() {
    }

    /** A fixed-offset zone in which it is now {@code hour} o'clock (give or take the minutes). */
    static String zoneWhereItIs(Clock clock, int hour) {
        int utcHour = clock.instant().atZone(ZoneOffset.UTC).getHour();
        int offset = hour - utcHour;
        if (offset > 14) offset -= 24;
        if (offset < -12) offset += 24;
        return ZoneOffset.ofHours(offset).getId();
    }

    static Map<String, Object> request(String reference, String email, String phone, boolean address, String language, String timeZone) {
        Map<String, Object> debtor = new HashMap<>();
        debtor.put("reference", reference);
        debtor.put("type", "CONSUMER");
        debtor.put("name", "Erika Mustermann");
        if (email != null) debtor.put("email", email);
        if (phone != null) debtor.put("phone", phone);
        if (address) debtor.put("address", Map.of("line1", "Hauptstr. 1", "postalCode", "10115", "city", "Berlin", "country", "DE"));
        if (language != null) debtor.put("language", language);
        if (timeZone != null) debtor.put("timeZone", timeZone);
        return Map.of("invoiceNumber", "INV-" + UUID.randomUUID().toString().substring(0, 8), "debtor", debtor,
                "amountDue", Map.of("amount", "1234.50", "currency", "EUR"), "dueDate", dev.dunning.support.SharedEngineHygiene.appToday().minusDays(30).toString());
    }

    static List<JsonNode> mailsTo(DunningApi api, String address) {
        JsonNode all = api.get("admin", "/api/dev/mailbox").getBody();
        return StreamSupport.stream(all.spliterator(), false).filter(m -> m.get("to").asText().equalsIgnoreCase(address)).toList();
    }

    static List<JsonNode> smsTo(DunningApi api, String number) {
        JsonNode all = api.get("admin", "/api/dev/sms").getBody();
        return StreamSupport.stream(all.spliterator(), false).filter(m -> m.get("to").asText().equals(number)).toList();
    }

    static List<JsonNode> communications(JsonNode dunningCase, String purpose, String channel) {
        List<JsonNode> found = new ArrayList<>();
        dunningCase.get("communications").forEach(c -> {
            if (c.get("purpose").asText().equals(purpose) && c.get("channel").asText().equals(channel)) found.add(c);
        });
        return found;
    }

    static JsonNode communication(JsonNode dunningCase, String purpose, String channel) {
        List<JsonNode> found = communications(dunningCase, purpose, channel);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Waits until the case's communication (purpose, channel) exists and has the status. */
    static JsonNode awaitStatus(DunningApi api, String caseId, String purpose, String channel, String status) {
        return api.awaitCase(caseId, c -> {
            JsonNode m = communication(c, purpose, channel);
            return m != null && status.equals(m.get("status").asText());
        });
    }

    static List<String> timelineDetails(JsonNode dunningCase, String type) {
        List<String> details = new ArrayList<>();
        dunningCase.get("timeline").forEach(e -> {
            if (e.get("type").asText().equals(type)) details.add(e.get("detail").asText());
        });
        return details;
    }

    /** Lets several dispatcher rounds pass (500 ms each) so that a duplicate, if any, would have been sent. */
    static void letDispatcherRun() {
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
    }

    static <T> T until(java.util.concurrent.Callable<T> supplier, Predicate<T> condition) {
        return await().atMost(DunningApi.PATIENCE).pollInterval(Duration.ofMillis(250)).until(supplier, condition);
    }
}
