package dev.dunning.skiptrace;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code dunning.skip-trace.provider}: {@code sandbox} (default; the file exchange with the embedded sandbox vendor
 * on the other side), {@code file} (a real batch vendor's folders) or {@code http} (a vendor's JSON API with signed
 * callbacks).
 */
@Configuration(proxyBeanMethods = false)
class SkipTraceConfiguration {

    @Bean
    SkipTraceProvider skipTraceProvider(@Value("${dunning.skip-trace.provider:sandbox}") String provider,
                                        @Value("${dunning.skip-trace.file.outbox}") Path outbox,
                                        @Value("${dunning.skip-trace.http.name:http}") String httpName,
                                        @Value("${dunning.skip-trace.http.url:}") String url,
                                        @Value("${dunning.skip-trace.http.api-key:}") String apiKey,
                                        @Value("${dunning.skip-trace.http.callback-url:}") String callbackUrl) {
        return switch (provider) {
            case "sandbox" -> new FileExchangeSkipTraceProvider("sandbox", outbox);
            case "file" -> new FileExchangeSkipTraceProvider("file", outbox);
            case "http" -> {
                if (url.isBlank()) throw new IllegalStateException("dunning.skip-trace.provider=http needs dunning.skip-trace.http.url");
                yield new HttpSkipTraceProvider(httpName, url, apiKey, callbackUrl);
            }
            default -> throw new IllegalStateException("dunning.skip-trace.provider must be sandbox, file or http, not '" + provider + "'");
        };
    }

    @Bean
    SkipTraceInbox skipTraceInbox(SkipTraceProvider provider, @Value("${dunning.skip-trace.file.inbox}") Path inbox,
                                  @Value("${dunning.skip-trace.file.quarantine}") Path quarantine,
                                  SkipTraceResults results, JdbcClient jdbc, Clock clock) {
        return new SkipTraceInbox(inbox, quarantine, provider.name(), results, jdbc, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "dunning.skip-trace.provider", havingValue = "sandbox", matchIfMissing = true)
    SandboxVendor sandboxVendor(@Value("${dunning.skip-trace.file.outbox}") Path outbox,
                                @Value("${dunning.skip-trace.file.inbox}") Path inbox) {
        return new SandboxVendor(outbox, inbox);
    }

    /** The file exchange on a schedule: the sandbox vendor answers (embedded only), then the inbox is read. */
    @Component
    static class FileExchangeJobs {
        private final SkipTraceInbox inbox;
        private final Optional<SandboxVendor> sandbox;
        private final String provider;

        FileExchangeJobs(SkipTraceInbox inbox, Optional<SandboxVendor> sandbox,
                         @Value("${dunning.skip-trace.provider:sandbox}") String provider) {
            this.inbox = inbox;
            this.sandbox = sandbox;
            this.provider = provider;
        }

        @Scheduled(fixedDelayString = "${dunning.skip-trace.file.poll-interval:PT1M}", initialDelayString = "PT2S")
        void poll() {
            if ("http".equals(provider)) return;
            sandbox.ifPresent(SandboxVendor::answerAll);
            inbox.ingestAll();
        }
    }
}
