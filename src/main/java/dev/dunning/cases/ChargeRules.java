package dev.dunning.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Asks the decision table {@code bpmn/late-payment-charges.dmn} which regime applies to a debtor (and the margin and
 * fixed compensation), and adds the configured reference rate of that regime ({@code dunning.charges.reference-rates}).
 * Answers are cached for a few minutes per (debtor type, country, debt), so reading a case does not evaluate the
 * decision every time and a redeployed table applies soon.
 */
@Component
public class ChargeRules {

    public static final String DECISION_ID = "Decision_LatePaymentCharges";
    private static final Duration CACHE_FOR = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(ChargeRules.class);

    @ConfigurationProperties("dunning.charges")
    public record Settings(Map<String, BigDecimal> referenceRates) {
        public Settings {
            referenceRates = referenceRates == null ? Map.of() : Map.copyOf(referenceRates);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    static class Config {
    }

    private record Cached(LatePaymentCharges.Terms terms, Instant until) {}

    private final CamundaClient client;
    private final Settings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ChargeRules(CamundaClient client, Settings settings, ObjectMapper json, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The terms for this case's debtor, or empty when the decision cannot be evaluated right now. */
    public Optional<LatePaymentCharges.Terms> termsFor(DunningCase c) {
        String country = c.debtor().address() == null ? null : c.debtor().address().country();
        String key = c.debtor().type() + "|" + country + "|" + c.amountDue();
        Cached hit = cache.get(key);
        Instant now = clock.instant();
        if (hit != null && now.isBefore(hit.until())) return Optional.of(hit.terms());
        try {
            var variables = new java.util.HashMap<String, Object>();
            variables.put("debtorType", c.debtor().type().name());
            variables.put("country", country);
            variables.put("debtAmount", c.amountDue().amount());
            String output = client.newEvaluateDecisionCommand().decisionId(DECISION_ID).variables(variables)
                    .send().join(10, TimeUnit.SECONDS).getDecisionOutput();
            LatePaymentCharges.Terms terms = toTerms(json.readTree(output));
            cache.put(key, new Cached(terms, now.plus(CACHE_FOR)));
            return Optional.of(terms);
        } catch (Exception e) {
            log.warn("late-payment charges for case {} cannot be decided now: {}", c.id().value(), e.getMessage());
            return Optional.empty();
        }
    }

    LatePaymentCharges.Terms toTerms(JsonNode out) {
        if (out == null || out.isNull() || !out.hasNonNull("regime") || "NONE".equals(out.get("regime").asText())) {
            return LatePaymentCharges.Terms.none();
        }
        String regime = out.get("regime").asText();
        BigDecimal reference = settings.referenceRates().get(regime);
        if (reference == null) {
            throw new IllegalStateException("no reference rate configured for regime " + regime
                    + " (dunning.charges.reference-rates." + regime + ")");
        }
        BigDecimal margin = out.hasNonNull("interestMarginPercent") ? out.get("interestMarginPercent").decimalValue() : BigDecimal.ZERO;
        BigDecimal fixed = out.hasNonNull("fixedCompensation") ? out.get("fixedCompensation").decimalValue() : BigDecimal.ZERO;
        String fixedCurrency = out.hasNonNull("compensationCurrency") ? out.get("compensationCurrency").asText() : null;
        return new LatePaymentCharges.Terms(regime, reference.add(margin), fixed, fixedCurrency);
    }

    Clock clock() {
        return clock;
    }
}
