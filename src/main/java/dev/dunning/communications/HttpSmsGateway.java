package dev.dunning.communications;

import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * SMS through an HTTP gateway: {@code POST <url>} with HTTP Basic credentials and the JSON body
 * {@code {from, to, text}}; the gateway answers 2xx with {@code {id}}. A 4xx (other than 408/429) means the gateway
 * refuses the number for good; 408, 429, 5xx and connection failures before the request was sent are transient.
 */
@Component
class HttpSmsGateway implements ChannelSender {

    private final Environment env;
    private final RestClient http;

    HttpSmsGateway(Environment env, @Value("${dunning.sms.timeout:PT10S}") Duration timeout) {
        this.env = env;
        this.http = dev.dunning.outbound.OutboundHttp.restClient(timeout).build();
    }

    /** Resolved at send time: in embedded mode the URL names the app's own port, known only once it listens. */
    private String url() {
        return env.getProperty("dunning.sms.gateway-url", "");
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String provider() {
        return "sms-gateway " + url();
    }

    @Override
    public String send(OutgoingMessage message) throws DeliveryFailure {
        if (url().isBlank()) {
            throw new DeliveryFailure(DeliveryFailure.Kind.TRANSIENT, provider() + ": no gateway configured (dunning.sms.gateway-url)", null);
        }
        try {
            Map<?, ?> answer = http.post().uri(url())
                    .headers(h -> h.setBasicAuth(env.getProperty("dunning.sms.username", ""), env.getProperty("dunning.sms.password", "")))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("from", env.getProperty("dunning.sms.sender-id", "Dunning"), "to", message.to(), "text", message.text()))
                    .retrieve().body(Map.class);
            return answer == null || answer.get("id") == null ? null : String.valueOf(answer.get("id"));
        } catch (RestClientException e) {
            throw DeliveryFailure.ofHttp(provider(), e);
        }
    }
}
