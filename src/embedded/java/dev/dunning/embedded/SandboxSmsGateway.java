package dev.dunning.embedded;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Embedded mode's SMS gateway: the same HTTP contract as a real gateway ({@code POST /sandbox/sms/messages} with
 * HTTP Basic and {@code {from, to, text}}), keeping what it receives in memory for {@code GET /api/dev/sms}. Numbers
 * must be E.164; a number ending in {@code 000000} is refused with 422 like an unknown subscriber, one ending in
 * {@code 503503} gets 503 (a transient gateway failure), so both paths can be tried in embedded mode.
 */
@RestController
@ConditionalOnProperty(name = "dunning.channels.mode", havingValue = "embedded", matchIfMissing = true)
class SandboxSmsGateway {

    static final String USERNAME = "sandbox";
    static final String PASSWORD = "sandbox-sms";

    record Sms(String id, String from, String to, String text, Instant receivedAt) {}

    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final Clock clock;

    SandboxSmsGateway(Clock clock) {
        this.clock = clock;
    }

    /** The gateway has its own credentials, not the app's users: no Spring Security on /sandbox/**. */
    @Bean
    @Order(1)
    SecurityFilterChain sandboxGateway(HttpSecurity http) throws Exception {
        return http.securityMatcher("/sandbox/**").csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }

    @PostMapping("/sandbox/sms/messages")
    ResponseEntity<Map<String, Object>> receive(@RequestHeader(value = "Authorization", required = false) String authorization,
                                                @RequestBody Map<String, String> body) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes());
        if (!expected.equals(authorization)) return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "bad credentials"));
        String to = body.getOrDefault("to", "");
        String text = body.getOrDefault("text", "");
        if (!to.matches("\\+[1-9]\\d{6,14}")) return ResponseEntity.badRequest().body(Map.of("error", "to must be E.164"));
        if (to.endsWith("000000")) return ResponseEntity.unprocessableEntity().body(Map.of("error", "unknown subscriber " + to));
        if (to.endsWith("503503")) return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "gateway overloaded"));
        if (text.isBlank() || text.length() > 160) return ResponseEntity.badRequest().body(Map.of("error", "text must have 1 to 160 characters"));
        Sms sms = new Sms(UUID.randomUUID().toString(), body.get("from"), to, text, clock.instant());
        received.add(sms);
        return ResponseEntity.ok(Map.of("id", sms.id()));
    }

    @GetMapping("/api/dev/sms")
    List<Sms> log() {
        return new ArrayList<>(received);
    }
}
