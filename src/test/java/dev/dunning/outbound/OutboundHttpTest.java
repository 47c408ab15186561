package dev.dunning.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

/** A partner that takes the connection and never answers releases the caller after the timeout. */
class OutboundHttpTest {

    WireMockServer partner;

    @BeforeEach
    void start() {
        partner = new WireMockServer(options().dynamicPort());
        partner.start();
        partner.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
        partner.stubFor(post(urlEqualTo("/fast")).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        partner.stop();
    }

    @Test
    void aPartnerThatDoesNotAnswerIsGivenUpOnAfterTheTimeout() {
        var http = OutboundHttp.restClient(Duration.ofMillis(500)).baseUrl(partner.baseUrl()).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> http.post().uri("/slow").body("{}").retrieve().toBodilessEntity())
                .isInstanceOf(ResourceAccessException.class);
        // long before the partner's answer after 20 s: the read timeout, not the partner, ended the call
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anAnsweringPartnerIsReachedOverHttp11() {
        var http = OutboundHttp.restClient().baseUrl(partner.baseUrl()).build();

        assertThat(http.post().uri("/fast").body("{}").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        assertThat(partner.getAllServeEvents().get(0).getRequest().getProtocol()).isEqualTo("HTTP/1.1");
    }
}
