package dev.dunning.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.client.DefaultResponseErrorHandler;

/** Drives the service over HTTP as an integrator, an ops person or an admin would. */
public class DunningApi {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String baseUrl;
    private final RestTemplate http = new RestTemplate();
    private final ObjectMapper json = new ObjectMapper();

    public DunningApi(int port) {
        this.baseUrl = "http://localhost:" + port;
        http.setRequestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory());
        http.setErrorHandler(new DefaultResponseErrorHandler() {
            @Override
            public boolean hasError(org.springframework.http.client.ClientHttpResponse response) {
                return false;
            }
        });
    }

    public ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        Object payload = body instanceof String s ? s : body == null ? null : write(body);
        ResponseEntity<String> response = http.exchange(baseUrl + path, method, new HttpEntity<>(payload, headers), String.class);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(read(response.getBody()));
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body);
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    /** A valid case request for a consumer with email, phone and address; the invoice number is unique. */
    public static Map<String, Object> caseRequest(String debtorReference, String amount) {
        return Map.of(
                "invoiceNumber", "INV-" + UUID.randomUUID().toString().substring(0, 8),
                "debtor", Map.of("reference", debtorReference, "type", "CONSUMER", "name", "Ada Debtor",
                        "email", "ada@example.com", "phone", "+4915112345678",
                        "address", Map.of("line1", "Hauptstr. 1", "postalCode", "10115", "city", "Berlin", "country", "DE")),
                "amountDue", Map.of("amount", amount, "currency", "EUR"),
                "dueDate", SharedEngineHygiene.appToday().minusDays(30).toString());
    }

    public JsonNode openCase(Map<String, Object> request) {
        ResponseEntity<JsonNode> response = post("integrator", "/api/dunning-cases", request);
        if (response.getStatusCode().value() != 201) throw new AssertionError("open failed: " + response);
        return response.getBody();
    }

    public JsonNode getCase(String caseId) {
        return get("admin", "/api/dunning-cases/" + caseId).getBody();
    }

    public JsonNode awaitCase(String caseId, Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> getCase(caseId), condition::test);
    }

    public void advanceClock(String duration) {
        ResponseEntity<JsonNode> r = post("admin", "/api/dev/clock", Map.of("advance", duration));
        if (!r.getStatusCode().is2xxSuccessful()) throw new AssertionError("clock: " + r);
    }

    /** Posts a payment and insists it was taken (202, or 200 for a repeated reference). */
    public JsonNode pay(String invoiceNumber, String amount, String reference) {
        ResponseEntity<JsonNode> response = post("integrator", "/api/payments", Map.of("invoiceNumber", invoiceNumber,
                "amount", Map.of("amount", amount, "currency", "EUR"), "reference", reference));
        int status = response.getStatusCode().value();
        if (status != 202 && status != 200) throw new AssertionError("payment refused: " + response);
        return response.getBody();
    }

    /** Waits for the case's one open task of this type and returns its id. */
    public String awaitOpenTask(String caseId, String type) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode tasks = get("ops", "/api/tasks?caseId=" + caseId + "&type=" + type + "&status=OPEN").getBody();
            return tasks.size() == 1 ? tasks.get(0).get("taskId").asText() : null;
        }, id -> id != null);
    }

    public ResponseEntity<JsonNode> completeTask(String taskId, Map<String, Object> body) {
        return post("ops", "/api/tasks/" + taskId + "/complete", body);
    }

    /** Waits until the case's process waits in the element: move the clock only then, or the timer starts late. */
    public static void awaitWaitingAt(String caseId, String elementId) {
        await().atMost(PATIENCE).until(() -> EngineRecords.isWaitingAt(caseId, elementId));
    }

    /** Takes a new case through both reminders to the open incentive offer. */
    public void walkToOffer(String caseId) {
        awaitCase(caseId, c -> purposes(c).contains("REMINDER_1"));
        awaitWaitingAt(caseId, "Timer_Reminder2Due");
        advanceClock("P7D");
        awaitCase(caseId, c -> purposes(c).contains("REMINDER_2"));
        awaitWaitingAt(caseId, "Timer_OfferDue");
        advanceClock("P7D");
        awaitCase(caseId, c -> "INCENTIVE_OFFER".equals(c.get("stage").asText()) && purposes(c).contains("OFFER"));
        awaitWaitingAt(caseId, "Gateway_AwaitOfferResponse");
    }

    /** Takes a new case past its lapsed offer to the outreach call; returns the call task's id. */
    public String walkToOutreach(String caseId) {
        walkToOffer(caseId);
        advanceClock("P11D");
        String call = awaitOpenTask(caseId, "OUTREACH_CALL");
        awaitWaitingAt(caseId, "Receive_OutreachOutcome");
        return call;
    }

    public static List<String> purposes(JsonNode dunningCase) {
        return dunningCase.get("communications").findValuesAsText("purpose");
    }

    public static List<String> timelineTypes(JsonNode dunningCase) {
        return dunningCase.get("timeline").findValuesAsText("type");
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(body);
        }
    }
}
