package dev.dunning.support;

import dev.dunning.web.CallbackSignatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Sends a callback as a partner would: raw JSON body, X-Timestamp and X-Signature. */
public final class SignedCallbacks {

    public record Response(int status, String contentType, String body) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public SignedCallbacks(int port) {
        this.port = port;
    }

    public Response send(String path, String secret, Instant at, String body) throws Exception {
        String ts = Long.toString(at.getEpochSecond());
        return send(path, ts, CallbackSignatures.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)), body);
    }

    public Response send(String path, String timestamp, String signature, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) request.header(CallbackSignatures.TIMESTAMP, timestamp);
        if (signature != null) request.header(CallbackSignatures.SIGNATURE, signature);
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }
}
