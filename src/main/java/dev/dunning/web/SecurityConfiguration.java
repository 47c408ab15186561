package dev.dunning.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Roles: INTEGRATOR (billing systems), OPS (staff working tasks), ADMIN (everything). Embedded mode has HTTP Basic demo
 * users; production uses an OAuth2 JWT resource server and refuses to start with demo users.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json,
                            @Value("${dunning.security.demo-users}") boolean demoUsers,
                            @Value("${dunning.security.roles-claim}") String rolesClaim,
                            org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.jwt.JwtDecoder> jwtDecoder)
            throws Exception {
        if (!demoUsers && jwtDecoder.getIfAvailable() == null) {
            throw new IllegalStateException("Without demo users the API authenticates with JWTs: set DUNNING_JWT_ISSUER_URI"
                    + " (spring.security.oauth2.resourceserver.jwt.issuer-uri) to your identity provider.");
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/error").permitAll()
                        // partners' callbacks carry no user: each is authenticated by its HMAC signature (CallbackSignatures)
                        .requestMatchers(HttpMethod.POST, "/api/skip-trace/callbacks/*", "/api/legal/callbacks/*").permitAll()
                        // the debtor's offer page: no login, the signed expiring token in the path is the permission
                        .requestMatchers(HttpMethod.GET, "/offers/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/offers/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/dunning-cases").hasAnyRole("INTEGRATOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/dunning-cases/*/offer-acceptance").hasAnyRole("INTEGRATOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/dunning-cases/*/disputes").hasAnyRole("INTEGRATOR", "OPS", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/opt-out/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/dunning-cases/*/cease-communication").hasAnyRole("INTEGRATOR", "OPS", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/debtors/*/opt-outs").hasAnyRole("INTEGRATOR", "OPS", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/communications/*/bounce").hasAnyRole("INTEGRATOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/dunning-cases", "/api/dunning-cases/**").hasAnyRole("INTEGRATOR", "OPS", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/payments").hasAnyRole("INTEGRATOR", "ADMIN")
                        .requestMatchers("/api/tasks", "/api/tasks/**").hasAnyRole("OPS", "ADMIN")
                        .requestMatchers("/api/dev/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> write(res, json, HttpStatus.UNAUTHORIZED, "authentication required"))
                        .accessDeniedHandler((req, res, ex) -> write(res, json, HttpStatus.FORBIDDEN, "your role may not do this")));
        if (demoUsers) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(
                    (req, res, ex) -> write(res, json, HttpStatus.UNAUTHORIZED, "authentication required")));
        } else {
            http.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(rolesClaim))));
        }
        return http.build();
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "dunning.security.demo-users", havingValue = "true")
    UserDetailsService demoUsers(@Value("${dunning.security.demo-password}") String password,
                                 @Value("${dunning.engine.mode}") String engineMode) {
        if (!"embedded".equalsIgnoreCase(engineMode)) {
            throw new IllegalStateException("Demo users (dunning.security.demo-users=true) are only allowed with the embedded"
                    + " engine. Production (dunning.engine.mode=" + engineMode + ") authenticates with JWTs: set"
                    + " DUNNING_DEMO_USERS=false and DUNNING_JWT_ISSUER_URI.");
        }
        if ("demo".equals(password)) {
            log.warn("DEMO USERS: integrator, ops and admin use the default password 'demo'. Set DUNNING_DEMO_PASSWORD.");
        }
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(
                User.withUsername("integrator").password(encoder.encode(password)).roles("INTEGRATOR").build(),
                User.withUsername("ops").password(encoder.encode(password)).roles("OPS").build(),
                User.withUsername("admin").password(encoder.encode(password)).roles("ADMIN").build());
    }

    /** Roles come from a configurable claim (a list such as ["OPS"]) and become ROLE_ authorities. */
    private static JwtAuthenticationConverter rolesFrom(String claim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter((Jwt jwt) -> {
            Object roles = jwt.getClaims().get(claim);
            if (!(roles instanceof Collection<?> list)) return List.<GrantedAuthority>of();
            return list.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + String.valueOf(r).toUpperCase())).toList();
        });
        return converter;
    }

    private static void write(HttpServletResponse res, ObjectMapper json, HttpStatus status, String detail) throws java.io.IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(status.getReasonPhrase());
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) res.setHeader("WWW-Authenticate", "Basic realm=\"dunning\"");
        json.writeValue(res.getOutputStream(), p);
    }
}
