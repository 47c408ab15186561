package dev.dunning.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dunning.cases.Address;
import dev.dunning.skiptrace.SkipTraceResult;
import dev.dunning.skiptrace.SkipTraceResults;
import dev.dunning.skiptrace.VendorResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Results from an HTTP skip-trace vendor: {@code POST /api/skip-trace/callbacks/{provider}}, signed (see
 * {@link CallbackSignatures}) with {@code dunning.skip-trace.callback-secrets.<provider>}. The whole callback is checked
 * first: one bad result rejects it with 400 naming the field, and nothing is applied.
 */
@RestController
class SkipTraceCallbackController {

    private final CallbackSignatures signatures;
    private final SkipTraceResults results;
    private final ObjectMapper json;

    SkipTraceCallbackController(CallbackSignatures signatures, SkipTraceResults results, ObjectMapper json) {
        this.signatures = signatures;
        this.results = results;
        this.json = json;
    }

    // One transaction with the remembered signature: a callback refused or failed half-way leaves nothing behind,
    // and the partner's retry is not mistaken for a replay.
    @Transactional
    @PostMapping("/api/skip-trace/callbacks/{provider}")
    Map<String, Object> results(@PathVariable String provider, @RequestBody(required = false) byte[] body,
                                @RequestHeader(name = CallbackSignatures.TIMESTAMP, required = false) String timestamp,
                                @RequestHeader(name = CallbackSignatures.SIGNATURE, required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        signatures.verify("skip-trace", provider, timestamp, signature, raw);
        List<VendorResult> parsed = parse(raw);
        int applied = 0, again = 0;
        for (VendorResult r : parsed) {
            if (results.apply(r, provider) == SkipTraceResults.Outcome.APPLIED) applied++;
            else again++;
        }
        return Map.of("applied", applied, "alreadyApplied", again);
    }

    private List<VendorResult> parse(byte[] raw) {
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (IOException e) {
            throw new InvalidInput("body", "malformed JSON");
        }
        if (root == null || !root.isObject()) throw new InvalidInput("body", "must be a JSON object");
        JsonNode list = root.get("results");
        if (list == null || !list.isArray() || list.isEmpty()) throw new InvalidInput("results", "must be a non-empty array");
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        List<VendorResult> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "results[" + i + "]";
            JsonNode n = list.get(i);
            if (!n.isObject()) {
                problems.add(new InvalidInput.FieldProblem(at, "must be an object"));
                continue;
            }
            int before = problems.size();
            long requestId = n.path("requestId").canConvertToLong() && n.path("requestId").isIntegralNumber() ? n.path("requestId").asLong() : -1;
            if (requestId <= 0) problems.add(new InvalidInput.FieldProblem(at + ".requestId", "must be a positive integer"));
            String reference = n.path("reference").isTextual() ? n.get("reference").asText() : null;
            SkipTraceResult status = null;
            try {
                status = SkipTraceResult.valueOf(n.path("status").asText(""));
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInput.FieldProblem(at + ".status", "must be one of " + Arrays.toString(SkipTraceResult.values())));
            }
            Address address = null;
            JsonNode a = n.get("address");
            if (a != null && !a.isNull()) {
                address = new Address(text(a, "line1"), text(a, "line2"), text(a, "postalCode"), text(a, "city"), text(a, "country"));
            }
            List<VendorResult.Phone> phones = new ArrayList<>();
            JsonNode ps = n.path("phones");
            for (int j = 0; j < ps.size(); j++) {
                JsonNode p = ps.get(j);
                VendorResult.PhoneType type = null;
                try {
                    type = VendorResult.PhoneType.valueOf(p.path("type").asText(""));
                } catch (IllegalArgumentException e) {
                    problems.add(new InvalidInput.FieldProblem(at + ".phones[" + j + "].type", "must be one of " + Arrays.toString(VendorResult.PhoneType.values())));
                }
                BigDecimal confidence = p.path("confidence").isNumber() ? p.get("confidence").decimalValue() : null;
                phones.add(new VendorResult.Phone(text(p, "number"), type, confidence));
            }
            List<String> emails = new ArrayList<>();
            n.path("emails").forEach(e -> emails.add(e.isTextual() ? e.asText() : null));
            if (problems.size() > before) continue;
            VendorResult r = new VendorResult(requestId, reference, status, address, phones, emails);
            for (var p : dev.dunning.skiptrace.ResultChecks.checkJson(r)) {
                problems.add(new InvalidInput.FieldProblem(at + "." + p.field(), p.message()));
            }
            for (var p : results.belongs(r)) problems.add(new InvalidInput.FieldProblem(at + "." + p.field(), p.message()));
            out.add(r);
        }
        if (!problems.isEmpty()) throw new InvalidInput(problems);
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
