package dev.dunning.skiptrace;

import dev.dunning.engine.TransientFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A vendor's HTTP JSON API: {@code POST <url>} with the batch (batchId, purpose, callbackUrl, subjects with the minimum
 * data). The vendor answers later with a signed callback to {@code POST /api/skip-trace/callbacks/<name>}. The batch id
 * is sent as {@code Idempotency-Key}, so a batch submitted again is not traced twice by a vendor that honours it.
 */
class HttpSkipTraceProvider implements SkipTraceProvider {

    private final String name;
    private final RestClient http;
    private final String callbackUrl;

    HttpSkipTraceProvider(String name, String url, String apiKey, String callbackUrl) {
        this.name = name;
        this.callbackUrl = callbackUrl;
        RestClient.Builder builder = dev.dunning.outbound.OutboundHttp.restClient().baseUrl(url);
        if (apiKey != null && !apiKey.isBlank()) builder.defaultHeader("Authorization", "Bearer " + apiKey);
        this.http = builder.build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void submit(Batch batch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", batch.batchId());
        body.put("purpose", batch.purpose());
        body.put("callbackUrl", callbackUrl);
        body.put("subjects", batch.subjects().stream().map(HttpSkipTraceProvider::subject).toList());
        try {
            http.post().contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", batch.batchId())
                    .body(body).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw new TransientFailure("skip-trace vendor " + name + " did not take batch " + batch.batchId()
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static Map<String, Object> subject(Subject s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", s.requestId());
        m.put("reference", s.reference());
        m.put("name", s.name());
        if (s.lastAddress() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("line1", s.lastAddress().line1());
            if (s.lastAddress().line2() != null) a.put("line2", s.lastAddress().line2());
            a.put("postalCode", s.lastAddress().postalCode());
            a.put("city", s.lastAddress().city());
            a.put("country", s.lastAddress().country());
            m.put("address", a);
        }
        if (s.lastPhone() != null) m.put("phone", s.lastPhone());
        if (s.lastEmail() != null) m.put("email", s.lastEmail());
        return m;
    }
}
