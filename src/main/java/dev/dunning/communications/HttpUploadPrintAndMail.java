package dev.dunning.communications;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Uploads the letter as {@code multipart/form-data} (parts {@code file}, {@code reference}) to a print service. */
@Component
@ConditionalOnProperty(name = "dunning.letters.adapter", havingValue = "http")
class HttpUploadPrintAndMail implements PrintAndMail {

    private final String url;
    private final String token;
    private final RestClient http = dev.dunning.outbound.OutboundHttp.restClient().build();

    HttpUploadPrintAndMail(@Value("${dunning.letters.upload-url}") String url, @Value("${dunning.letters.upload-token:}") String token) {
        this.url = url;
        this.token = token;
    }

    @Override
    public String name() {
        return "print-upload " + url;
    }

    @Override
    public String submit(long communicationId, String caseId, String recipient, byte[] pdf) throws DeliveryFailure {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "letter-" + communicationId + ".pdf";
            }
        });
        parts.add("reference", "communication-" + communicationId);
        try {
            Map<?, ?> answer = http.post().uri(url).contentType(MediaType.MULTIPART_FORM_DATA)
                    .headers(h -> { if (!token.isBlank()) h.setBearerAuth(token); })
                    .body(parts).retrieve().body(Map.class);
            return answer == null || answer.get("id") == null ? null : String.valueOf(answer.get("id"));
        } catch (RestClientException e) {
            throw DeliveryFailure.ofHttp(name(), e);
        }
    }
}
