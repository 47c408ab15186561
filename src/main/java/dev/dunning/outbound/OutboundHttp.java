package dev.dunning.outbound;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients for the outside parties (print-and-mail, skip-trace vendor, legal partner), always with timeouts. A
 * partner that accepts the connection and never answers would otherwise hold a job worker thread for good, and with it
 * every other job the service has to work on.
 */
public final class OutboundHttp {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private OutboundHttp() {
    }

    public static RestClient.Builder restClient() {
        return restClient(TIMEOUT);
    }

    public static RestClient.Builder restClient(Duration timeout) {
        // HTTP/1.1: the JDK client's default cleartext upgrade to HTTP/2 is refused by some servers (RST_STREAM)
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        return RestClient.builder().requestFactory(factory);
    }
}
