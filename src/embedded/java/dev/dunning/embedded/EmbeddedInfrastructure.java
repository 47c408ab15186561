package dev.dunning.embedded;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded engine, database and mail server before the application context needs them, and points the Camunda client
 * and the data source at them. Compiled only into the default (embedded) build; the production artifact has neither.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        if ("embedded".equalsIgnoreCase(env.getProperty("dunning.engine.mode", "embedded"))) {
            int port = EmbeddedEngine.start();
            properties.put("camunda.client.grpc-address", "http://127.0.0.1:" + port);
            properties.put("camunda.client.prefer-rest-over-grpc", false);
        }
        if ("embedded".equalsIgnoreCase(env.getProperty("dunning.database.mode", "embedded"))) {
            // One server per JVM; a test context that must not share tables with the running app names its own database.
            properties.put("spring.datasource.url", EmbeddedDatabase.start(
                    env.getProperty("dunning.database.embedded-port", Integer.class, 0),
                    env.getProperty("dunning.database.embedded-name", "dunning")));
            properties.put("spring.datasource.username", "root");
            properties.put("spring.datasource.password", "");
        }
        if ("embedded".equalsIgnoreCase(env.getProperty("dunning.channels.mode", "embedded"))) {
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", EmbeddedMail.start());
            // the real HTTP SMS adapter posts to the sandbox gateway inside this app (SandboxSmsGateway)
            properties.put("dunning.sms.gateway-url", "http://127.0.0.1:${local.server.port}/sandbox/sms/messages");
            properties.put("dunning.sms.username", SandboxSmsGateway.USERNAME);
            properties.put("dunning.sms.password", SandboxSmsGateway.PASSWORD);
            properties.put("dunning.letters.adapter", "file-drop");
            properties.put("dunning.letters.drop-folder", letterFolder());
        }
        env.getPropertySources().addFirst(new MapPropertySource("dunning-embedded-infrastructure", properties));
    }

    private static String letterFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("dunning-letters").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no temporary folder for the embedded letter drop", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
