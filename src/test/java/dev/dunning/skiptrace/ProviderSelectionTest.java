package dev.dunning.skiptrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** dunning.skip-trace.provider=sandbox|file|http picks the adapter; anything else stops the start. */
class ProviderSelectionTest {

    final SkipTraceConfiguration config = new SkipTraceConfiguration();
    final Path outbox = Path.of("outbox");

    @Test
    void eachSettingPicksItsAdapter() {
        assertThat(config.skipTraceProvider("sandbox", outbox, "acme", "", "", ""))
                .isInstanceOf(FileExchangeSkipTraceProvider.class).extracting(SkipTraceProvider::name).isEqualTo("sandbox");
        assertThat(config.skipTraceProvider("file", outbox, "acme", "", "", ""))
                .isInstanceOf(FileExchangeSkipTraceProvider.class).extracting(SkipTraceProvider::name).isEqualTo("file");
        assertThat(config.skipTraceProvider("http", outbox, "acme", "http://127.0.0.1:1/batches", "", ""))
                .isInstanceOf(HttpSkipTraceProvider.class).extracting(SkipTraceProvider::name).isEqualTo("acme");
    }

    @Test
    void aWrongSettingOrAnHttpProviderWithoutUrlIsRefused() {
        assertThatThrownBy(() -> config.skipTraceProvider("smoke-signals", outbox, "acme", "", "", ""))
                .hasMessageContaining("sandbox, file or http");
        assertThatThrownBy(() -> config.skipTraceProvider("http", outbox, "acme", "", "", ""))
                .hasMessageContaining("dunning.skip-trace.http.url");
    }
}
