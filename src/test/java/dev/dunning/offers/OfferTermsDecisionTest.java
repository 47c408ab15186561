package dev.dunning.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dunning.engine.ModelDeployer;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import io.camunda.client.CamundaClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The offer decision as deployed by the app, evaluated on the embedded engine: amount bands x debtor types x history. */
@IntegrationTest
class OfferTermsDecisionTest {

    @Autowired
    CamundaClient client;
    @Autowired
    ModelDeployer deployer;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void modelsDeployed() {
        await().atMost(DunningApi.PATIENCE).until(deployer::isDeployed);
    }

    @ParameterizedTest(name = "{0} {1}, broken {2}, missed {3}, {4} days -> {5} % in {6}, {7} x {8}, min {9}, valid {10}")
    @CsvSource({
            // amount, type,  broken, missed, days, discount%, within, count, interval, minInstalment, validFor
            // the default policy: 5 % within 10 days or 3 monthly instalments, valid 10 days
            "120,     CONSUMER, 0, 0, 44,  5, P10D, 3,  P1M,  20,   P10D",
            "120,     BUSINESS, 0, 0, 44,  5, P10D, 3,  P1M,  20,   P10D",
            "4999.99, CONSUMER, 0, 0, 44,  5, P10D, 3,  P1M,  20,   P10D",
            // below 100: discount only, no instalments
            "99.99,   CONSUMER, 0, 0, 44,  5, P10D, 0,  P1M,  0,    P10D",
            "50,      BUSINESS, 0, 0, 44,  5, P10D, 0,  P1M,  0,    P10D",
            // larger amounts: more instalments; business gets 14 days for a smaller discount
            "5000,    CONSUMER, 0, 0, 44,  5, P10D, 6,  P1M,  100,  P10D",
            "5000,    BUSINESS, 0, 0, 44,  3, P14D, 6,  P1M,  500,  P14D",
            "20000,   CONSUMER, 0, 0, 44,  5, P10D, 12, P1M,  500,  P10D",
            "25000,   BUSINESS, 0, 0, 44,  2, P14D, 12, P1M,  1000, P14D",
            // half a year or more overdue: a bigger discount to settle an old debt; smaller and larger debts keep their band
            "120,     CONSUMER, 0, 0, 179, 5,  P10D, 3,  P1M,  20,   P10D",
            "120,     CONSUMER, 0, 0, 180, 10, P10D, 3,  P1M,  20,   P10D",
            "4999.99, BUSINESS, 0, 0, 400, 10, P10D, 3,  P1M,  20,   P10D",
            "99.99,   CONSUMER, 0, 0, 400, 5,  P10D, 0,  P1M,  0,    P10D",
            "5000,    BUSINESS, 0, 0, 400, 3,  P14D, 6,  P1M,  500,  P14D",
            // a broken promise still rules out any discount, however old the debt
            "120,     CONSUMER, 1, 0, 400, 0,  P10D, 3,  P1M,  50,   P10D",
            // no discount after a broken promise, whatever the amount or type
            "50,      CONSUMER, 1, 0, 44,  0, P10D, 2,  P14D, 25,   P10D",
            "120,     CONSUMER, 1, 0, 44,  0, P10D, 3,  P1M,  50,   P10D",
            "120,     BUSINESS, 2, 0, 44,  0, P10D, 3,  P1M,  50,   P10D",
            "5000,    BUSINESS, 1, 0, 44,  0, P10D, 6,  P1M,  100,  P10D",
            // a plan was broken before: no discount, a short biweekly plan
            "120,     CONSUMER, 0, 1, 44,  0, P10D, 2,  P14D, 25,   P7D",
            "30000,   BUSINESS, 0, 2, 44,  0, P10D, 2,  P14D, 25,   P7D",
    })
    void defaultTable(String amount, String type, int broken, int missed, int days, int discount, String within,
                      int count, String interval, int minInstalment, String validFor) throws Exception {
        JsonNode out = evaluate("Decision_OfferTerms", facts(amount, type, broken, missed, days));

        assertThat(out.get("discountPercent").asInt()).isEqualTo(discount);
        assertThat(out.get("discountPayWithin").asText()).isEqualTo(within);
        assertThat(out.get("instalmentCount").asInt()).isEqualTo(count);
        assertThat(out.get("instalmentInterval").asText()).isEqualTo(interval);
        assertThat(out.get("minInstalmentAmount").asInt()).isEqualTo(minInstalment);
        assertThat(out.get("validFor").asText()).isEqualTo(validFor);
    }

    @Test
    void factsFromOlderInstancesWithoutHistoryColumnsStillGetTheDefault() throws Exception {
        // an instance started before missedInstalments/daysOverdue existed passes neither
        JsonNode out = evaluate("Decision_OfferTerms", Map.of("brokenPromises", 0, "outstandingAmount", 120, "debtorType", "CONSUMER"));
        assertThat(out.get("discountPercent").asInt()).isEqualTo(5);
        assertThat(out.get("instalmentCount").asInt()).isEqualTo(3);
    }

    @Test
    void anEditedTableChangesTheTerms() throws Exception {
        // ops edit the default rule: 10 % within 7 days, 4 weekly instalments (deployed as a copy under another id)
        String dmn = Files.readString(Path.of("bpmn/offer-terms.dmn"))
                .replace("Definitions_OfferTerms", "Definitions_OfferTermsEdited")
                .replace("Decision_OfferTerms", "Decision_OfferTermsEdited");
        String defaultRule = dmn.substring(dmn.indexOf("<rule id=\"Rule_Default\">"));
        String editedRule = defaultRule
                .replace("<outputEntry id=\"Rule_Default_Out1\"><text>5</text>", "<outputEntry id=\"Rule_Default_Out1\"><text>10</text>")
                .replace("<outputEntry id=\"Rule_Default_Out2\"><text>\"P10D\"</text>", "<outputEntry id=\"Rule_Default_Out2\"><text>\"P7D\"</text>")
                .replace("<outputEntry id=\"Rule_Default_Out3\"><text>3</text>", "<outputEntry id=\"Rule_Default_Out3\"><text>4</text>")
                .replace("<outputEntry id=\"Rule_Default_Out4\"><text>\"P1M\"</text>", "<outputEntry id=\"Rule_Default_Out4\"><text>\"P7D\"</text>");
        assertThat(editedRule).isNotEqualTo(defaultRule);
        client.newDeployResourceCommand().addResourceStringUtf8(dmn.replace(defaultRule, editedRule), "offer-terms-edited.dmn")
                .send().join(30, TimeUnit.SECONDS);

        Map<String, Object> facts = facts("120", "CONSUMER", 0, 0, 44);
        JsonNode original = evaluate("Decision_OfferTerms", facts);
        JsonNode edited = evaluate("Decision_OfferTermsEdited", facts);

        assertThat(original.get("discountPercent").asInt()).isEqualTo(5);
        assertThat(edited.get("discountPercent").asInt()).isEqualTo(10);
        assertThat(edited.get("discountPayWithin").asText()).isEqualTo("P7D");
        assertThat(edited.get("instalmentCount").asInt()).isEqualTo(4);
        assertThat(edited.get("instalmentInterval").asText()).isEqualTo("P7D");
        // the other rules are untouched
        assertThat(evaluate("Decision_OfferTermsEdited", facts("120", "CONSUMER", 1, 0, 44)).get("discountPercent").asInt()).isZero();
    }

    @Test
    void theMinimumInstalmentAmountCapsTheNumberOfInstalments() {
        var terms = new SendOfferWorker.OfferTerms(new java.math.BigDecimal("5"), "P10D", 6, "P1M", "P10D", new java.math.BigDecimal("100"));
        assertThat(terms.instalmentsFor(new java.math.BigDecimal("5000.00"))).isEqualTo(6);
        assertThat(terms.instalmentsFor(new java.math.BigDecimal("450.00"))).isEqualTo(4);
        assertThat(terms.instalmentsFor(new java.math.BigDecimal("199.99"))).isZero(); // one instalment is no plan
        assertThat(new SendOfferWorker.OfferTerms(java.math.BigDecimal.ONE, "P10D", 3, "P1M", "P10D")
                .instalmentsFor(new java.math.BigDecimal("10.00"))).isEqualTo(3);
    }

    private static Map<String, Object> facts(String amount, String type, int broken, int missed, int days) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("outstandingAmount", Double.parseDouble(amount));
        facts.put("debtorType", type);
        facts.put("brokenPromises", broken);
        facts.put("missedInstalments", missed);
        facts.put("daysOverdue", days);
        return facts;
    }

    private JsonNode evaluate(String decisionId, Map<String, Object> facts) throws Exception {
        String output = client.newEvaluateDecisionCommand().decisionId(decisionId).variables(facts)
                .send().join(30, TimeUnit.SECONDS).getDecisionOutput();
        return json.readTree(output);
    }
}
