package dev.dunning.skiptrace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dunning.cases.Address;
import dev.dunning.engine.TransientFailure;
import dev.dunning.support.IntegrationTest;
import dev.dunning.support.SignedCallbacks;
import dev.dunning.support.TestData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The HTTP JSON adapter against a fake vendor (WireMock), and the vendor's signed callbacks into the app. */
@IntegrationTest
class HttpSkipTraceTest {

    static final String SECRET = IntegrationTest.SKIP_TRACE_SECRET;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    WireMockServer vendor;
    SignedCallbacks callbacks;

    @BeforeEach
    void start() {
        vendor = new WireMockServer(options().dynamicPort());
        vendor.start();
        callbacks = new SignedCallbacks(port);
    }

    @AfterEach
    void stop() {
        vendor.stop();
    }

    @Test
    void theBatchIsPostedWithThePurposeAndTheMinimumData() {
        vendor.stubFor(post("/v1/batches").willReturn(aResponse().withStatus(202)));
        var provider = new HttpSkipTraceProvider("acme", vendor.baseUrl() + "/v1/batches", "k-123", "https://dunning.example/api/skip-trace/callbacks/acme");
        provider.submit(new SkipTraceProvider.Batch("b-1", SkipTraceBatcher.PURPOSE, List.of(new SkipTraceProvider.Subject(
                41, "D-41", "Ada Debtor", new Address("Hauptstr. 1", null, "10115", "Berlin", "DE"), "+4915112345678", null))));

        vendor.verify(1, postRequestedFor(urlEqualTo("/v1/batches"))
                .withHeader("Authorization", equalTo("Bearer k-123"))
                .withHeader("Idempotency-Key", equalTo("b-1"))
                .withRequestBody(equalToJson("""
                        {"batchId":"b-1","purpose":"COLLECTION_OF_EXISTING_ACCOUNT",
                         "callbackUrl":"https://dunning.example/api/skip-trace/callbacks/acme",
                         "subjects":[{"requestId":41,"reference":"D-41","name":"Ada Debtor",
                           "address":{"line1":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"},
                           "phone":"+4915112345678"}]}""")));

        vendor.stubFor(post("/v1/batches").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> provider.submit(new SkipTraceProvider.Batch("b-2", SkipTraceBatcher.PURPOSE, List.of())))
                .as("a vendor that is down has the batch sent again later").isInstanceOf(TransientFailure.class);
    }

    @Test
    void signedCallbacksApplyResultsAndBadStaleOrReplayedOnesAre401() throws Exception {
        String found = TestData.insertCase(jdbc, "D-HTTP-1");
        String bankrupt = TestData.insertCase(jdbc, "D-HTTP-2");
        long foundId = TestData.insertSentRequest(jdbc, found, "D-HTTP-1", "acme");
        long bankruptId = TestData.insertSentRequest(jdbc, bankrupt, "D-HTTP-2", "acme");
        String body = """
                {"batchId":"b-9","results":[
                  {"requestId":%d,"reference":"D-HTTP-1","status":"FOUND",
                   "address":{"line1":"Neue Str. 5","postalCode":"20095","city":"Hamburg","country":"DE"},
                   "phones":[{"number":"+4940123456","type":"LANDLINE","confidence":0.7}],"emails":["ada@new.example"]},
                  {"requestId":%d,"reference":"D-HTTP-2","status":"BANKRUPT"}]}""".formatted(foundId, bankruptId);
        String path = "/api/skip-trace/callbacks/acme";

        // a wrong secret, a tampered body, no signature, a stale timestamp, an unknown provider: 401, nothing applied
        assertUnauthorized(callbacks.send(path, "not-the-secret", clock.instant(), body), "does not match");
        String ts = Long.toString(clock.instant().getEpochSecond());
        String sig = dev.dunning.web.CallbackSignatures.sign(SECRET, ts, body.getBytes());
        assertUnauthorized(callbacks.send(path, ts, sig, body.replace("BANKRUPT", "DECEASED")), "does not match");
        assertUnauthorized(callbacks.send(path, (String) null, (String) null, body), "missing");
        assertUnauthorized(callbacks.send(path, SECRET, clock.instant().minus(Duration.ofMinutes(6)), body), "stale");
        assertUnauthorized(callbacks.send("/api/skip-trace/callbacks/other", SECRET, clock.instant(), body), "unknown sender");
        assertThat(results(found, bankrupt)).containsOnlyNulls();

        // signed and fresh (4 minutes old is within the tolerance): applied
        String ts4 = Long.toString(clock.instant().minus(Duration.ofMinutes(4)).getEpochSecond());
        String sig4 = dev.dunning.web.CallbackSignatures.sign(SECRET, ts4, body.getBytes());
        var ok = callbacks.send(path, ts4, sig4, body);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"applied\":2");
        assertThat(results(found, bankrupt)).containsExactly("FOUND", "BANKRUPT");
        assertThat(jdbc.sql("SELECT CONCAT_WS('|', debtor_email, debtor_phone, debtor_address_city) FROM dunning_case WHERE id = :id")
                .param("id", found).query(String.class).single()).isEqualTo("ada@new.example|+4940123456|Hamburg");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_history WHERE case_id = :c AND source = 'skip-trace:acme'").param("c", found)
                .query(Integer.class).single()).isEqualTo(3);

        // the very same request again is a replay
        assertUnauthorized(callbacks.send(path, ts4, sig4, body), "replay");
    }

    @Test
    void aMalformedResultRejectsTheWholeCallbackNamingTheField() throws Exception {
        String caseA = TestData.insertCase(jdbc, "D-HTTP-3");
        String caseB = TestData.insertCase(jdbc, "D-HTTP-4");
        long a = TestData.insertSentRequest(jdbc, caseA, "D-HTTP-3", "acme");
        long b = TestData.insertSentRequest(jdbc, caseB, "D-HTTP-4", "acme");
        String body = """
                {"results":[{"requestId":%d,"reference":"D-HTTP-3","status":"NOT_FOUND"},
                            {"requestId":%d,"reference":"D-HTTP-4","status":"FOUND","phones":[{"number":"+4940123456","type":"PAGER","confidence":0.5}]},
                            {"requestId":%d,"reference":"D-WRONG","status":"NOT_FOUND"}]}""".formatted(a, b, a);
        var r = callbacks.send("/api/skip-trace/callbacks/acme", SECRET, clock.instant(), body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("results[1].phones[0].type").contains("results[2].reference");
        assertThat(results(caseA, caseB)).as("nothing applied, not even the valid first result").containsOnlyNulls();
        // nor its signature remembered: the same request again is refused for its content, not as a replay
        Instant sentAt = clock.instant();
        assertThat(callbacks.send("/api/skip-trace/callbacks/acme", SECRET, sentAt, body).status()).isEqualTo(400);
        assertThat(callbacks.send("/api/skip-trace/callbacks/acme", SECRET, sentAt, body).status()).isEqualTo(400);

        var bad = callbacks.send("/api/skip-trace/callbacks/acme", SECRET, clock.instant(), "{\"results\":[{\"requestId\":\"x\"");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"body\"");
    }

    private void assertUnauthorized(SignedCallbacks.Response r, String reason) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains(reason);
    }

    private List<String> results(String... caseIds) {
        return java.util.Arrays.stream(caseIds).map(c -> jdbc.sql("SELECT result FROM skip_trace_request WHERE case_id = :c")
                .param("c", c).query().listOfRows().getFirst().get("result")).map(v -> (String) v).toList();
    }
}
