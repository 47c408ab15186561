package dev.dunning.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dunning.engine.ModelDeployer;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The charges decision on the embedded engine, and the charges on the case as the API shows them. */
@IntegrationTest
class LatePaymentChargesDecisionTest {

    @Autowired
    CamundaClient client;
    @Autowired
    ModelDeployer deployer;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;
    DunningApi api;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
        await().atMost(DunningApi.PATIENCE).until(deployer::isDeployed);
    }

    @ParameterizedTest(name = "{0} in {1}, debt {2} -> {3} +{4} points, fixed {5} {6}")
    @CsvSource({
            "BUSINESS, DE, 500,      EU,   8, 40,  EUR",
            "BUSINESS, FR, 50000,    EU,   8, 40,  EUR",
            "BUSINESS, IE, 10,       EU,   8, 40,  EUR",
            "BUSINESS, GB, 999.99,   UK,   8, 40,  GBP",
            "BUSINESS, GB, 1000,     UK,   8, 70,  GBP",
            "BUSINESS, GB, 9999.99,  UK,   8, 70,  GBP",
            "BUSINESS, GB, 10000,    UK,   8, 100, GBP",
            "CONSUMER, DE, 5000,     NONE, 0, 0,   EUR",
            "CONSUMER, GB, 5000,     NONE, 0, 0,   EUR",
            "BUSINESS, US, 5000,     NONE, 0, 0,   EUR",
            "BUSINESS, CH, 5000,     NONE, 0, 0,   EUR",
            "BUSINESS, ,   5000,     NONE, 0, 0,   EUR",
    })
    void decisionTable(String type, String country, String debt, String regime, int margin, int fixed, String currency) throws Exception {
        Map<String, Object> vars = new HashMap<>();
        vars.put("debtorType", type);
        vars.put("country", country);
        vars.put("debtAmount", new BigDecimal(debt));
        JsonNode out = json.readTree(client.newEvaluateDecisionCommand().decisionId(ChargeRules.DECISION_ID).variables(vars)
                .send().join(30, TimeUnit.SECONDS).getDecisionOutput());
        assertThat(out.get("regime").asText()).isEqualTo(regime);
        assertThat(out.get("interestMarginPercent").asInt()).isEqualTo(margin);
        assertThat(out.get("fixedCompensation").asInt()).isEqualTo(fixed);
        assertThat(out.get("compensationCurrency").asText()).isEqualTo(currency);
    }

    @Test
    void anEuBusinessCaseShowsInterestAndCompensation() {
        LocalDate due = LocalDate.now(clock).minusDays(30);
        JsonNode c = api.getCase(api.openCase(request("BUSINESS", "DE", "10000.00", "EUR", due)).get("caseId").asText());

        // reference rate 2.15 (application.yml) + 8 points = 10.15 % a year
        long days = ChronoUnit.DAYS.between(due, LocalDate.now(clock));
        assertThat(c.at("/charges/regime").asText()).isEqualTo("EU");
        assertThat(c.at("/charges/annualRatePercent").asText()).isEqualTo("10.15");
        assertThat(c.at("/charges/daysLate").asLong()).isEqualTo(days);
        BigDecimal interest = new BigDecimal("10000.00").multiply(new BigDecimal("0.1015")).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(365), 2, RoundingMode.HALF_UP);
        assertThat(c.at("/charges/interest/amount").asText()).isEqualTo(interest.toPlainString());
        assertThat(c.at("/charges/compensation/amount").asText()).isEqualTo("40.00");
        assertThat(c.at("/charges/total/amount").asText()).isEqualTo(interest.add(new BigDecimal("40.00")).toPlainString());
        assertThat(c.at("/amountDue/amount").asText()).isEqualTo("10000.00");
        assertThat(c.at("/outstanding/amount").asText()).isEqualTo("10000.00");
        assertThat(c.at("/outstandingWithCharges/amount").asText())
                .isEqualTo(new BigDecimal("10040.00").add(interest).toPlainString());
        assertThat(c.at("/charges/waived").asBoolean()).isFalse();
    }

    @Test
    void aUkBusinessCaseGetsTheFixedSumOfItsBand() {
        LocalDate due = LocalDate.now(clock).minusDays(45);
        JsonNode c = api.getCase(api.openCase(request("BUSINESS", "GB", "5000.00", "GBP", due)).get("caseId").asText());
        // base rate 4.00 + 8 = 12 %; 5,000 is in the 1,000 to 10,000 band: GBP 70
        assertThat(c.at("/charges/regime").asText()).isEqualTo("UK");
        assertThat(c.at("/charges/annualRatePercent").asText()).isEqualTo("12");
        assertThat(c.at("/charges/compensation/amount").asText()).isEqualTo("70.00");
        assertThat(c.at("/charges/compensation/currency").asText()).isEqualTo("GBP");
    }

    @Test
    void aConsumerPaysNoStatutoryCharges() {
        JsonNode c = api.getCase(api.openCase(request("CONSUMER", "DE", "10000.00", "EUR",
                LocalDate.now(clock).minusDays(30))).get("caseId").asText());
        assertThat(c.at("/charges/regime").asText()).isEqualTo("NONE");
        assertThat(c.at("/charges/total/amount").asText()).isEqualTo("0.00");
        assertThat(c.at("/outstandingWithCharges/amount").asText()).isEqualTo("10000.00");
    }

    static Map<String, Object> request(String type, String country, String amount, String currency, LocalDate due) {
        return Map.of(
                "invoiceNumber", "INV-" + UUID.randomUUID().toString().substring(0, 8),
                "debtor", Map.of("reference", "D-CH-" + UUID.randomUUID().toString().substring(0, 6), "type", type,
                        "name", "Acme Ltd", "email", "ap@acme.example",
                        "address", Map.of("line1", "1 High St", "postalCode", "10115", "city", "Town", "country", country)),
                "amountDue", Map.of("amount", amount, "currency", currency),
                "dueDate", due.toString());
    }
}
