package dev.dunning.legal;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code dunning.legal.partner}: {@code file-drop} (default) or {@code http} (upload to {@code dunning.legal.http.url}). */
@Configuration(proxyBeanMethods = false)
class LegalConfiguration {

    @Bean
    LegalPartner legalPartner(@Value("${dunning.legal.partner:file-drop}") String partner,
                              @Value("${dunning.legal.drop-folder}") Path dropFolder,
                              @Value("${dunning.legal.http.name:http}") String httpName,
                              @Value("${dunning.legal.http.url:}") String url,
                              @Value("${dunning.legal.http.api-key:}") String apiKey) {
        return switch (partner) {
            case "file-drop" -> new FileDropLegalPartner(dropFolder);
            case "http" -> {
                if (url.isBlank()) throw new IllegalStateException("dunning.legal.partner=http needs dunning.legal.http.url");
                yield new HttpUploadLegalPartner(httpName, url, apiKey);
            }
            default -> throw new IllegalStateException("dunning.legal.partner must be file-drop or http, not '" + partner + "'");
        };
    }
}
