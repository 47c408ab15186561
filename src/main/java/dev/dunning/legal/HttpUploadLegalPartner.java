package dev.dunning.legal;

import dev.dunning.engine.TransientFailure;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A partner's upload API: {@code POST <url>} as multipart/form-data with the parts {@code caseId}, {@code evidence}
 * ({@code <caseId>.json}, application/json) and {@code summary} ({@code <caseId>.pdf}, application/pdf), and the case
 * id as {@code Idempotency-Key}. Any 2xx is taken; the reference comes later by acknowledgement.
 */
class HttpUploadLegalPartner implements LegalPartner {

    private final String name;
    private final RestClient http;

    HttpUploadLegalPartner(String name, String url, String apiKey) {
        this.name = name;
        RestClient.Builder builder = dev.dunning.outbound.OutboundHttp.restClient().baseUrl(url);
        if (apiKey != null && !apiKey.isBlank()) builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
        this.http = builder.build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(String caseId, String evidenceJson, byte[] summaryPdf) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("caseId", caseId);
        parts.add("evidence", part("evidence", evidenceJson.getBytes(java.nio.charset.StandardCharsets.UTF_8), caseId + ".json", MediaType.APPLICATION_JSON));
        parts.add("summary", part("summary", summaryPdf, caseId + ".pdf", MediaType.APPLICATION_PDF));
        try {
            http.post().contentType(MediaType.MULTIPART_FORM_DATA).header("Idempotency-Key", caseId)
                    .body(parts).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw new TransientFailure("legal partner " + name + " did not take the handoff of case " + caseId + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static HttpEntity<ByteArrayResource> part(String name, byte[] content, String filename, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDispositionFormData(name, filename);
        return new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }, headers);
    }
}
