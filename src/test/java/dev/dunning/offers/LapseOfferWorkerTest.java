package dev.dunning.offers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.OfferOption;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The validity timer and a last-minute acceptance race; the acceptance, checked under the case lock, wins. */
@IntegrationTest
class LapseOfferWorkerTest {

    @LocalServerPort int port;
    @Autowired LapseOfferWorker worker;
    @Autowired OfferAcceptance acceptance;
    @Autowired CaseTransactions cases;
    @Autowired Clock clock;

    @Test
    void aLapseAfterALastMinuteAcceptanceHandsTheModelTheAcceptedPlan() {
        DunningApi api = new DunningApi(port);
        String caseId = api.openCase(DunningApi.caseRequest("D-LAPSE-1", "90.00")).get("caseId").asText();
        cases.change(new CaseId(caseId), c -> {
            c.makeOffer(new BigDecimal("5"), Period.ofDays(10), 3, "P1M", clock.instant().plusSeconds(3600), LocalDate.now(clock));
            return null;
        });
        acceptance.accept(new CaseId(caseId), OfferOption.INSTALMENTS);

        Map<String, Object> result = worker.lapse(caseId, Map.of("reason", "LAPSED"));

        assertThat(result).containsEntry("acceptedMeanwhile", true).containsEntry("acceptedOption", "INSTALMENTS");
        assertThat((List<?>) result.get("instalments")).hasSize(3);
        assertThat(api.getCase(caseId).at("/offer/status").asText()).isEqualTo("ACCEPTED");
        assertThat(DunningApi.timelineTypes(api.getCase(caseId))).doesNotContain("OFFER_LAPSED");
    }

    @Test
    void anUnansweredOfferLapses() {
        DunningApi api = new DunningApi(port);
        String caseId = api.openCase(DunningApi.caseRequest("D-LAPSE-2", "90.00")).get("caseId").asText();
        cases.change(new CaseId(caseId), c -> {
            c.makeOffer(new BigDecimal("5"), Period.ofDays(10), 3, "P1M", clock.instant().plusSeconds(3600), LocalDate.now(clock));
            return null;
        });

        assertThat(worker.lapse(caseId, Map.of("reason", "LAPSED"))).containsEntry("acceptedMeanwhile", false);
        assertThat(worker.lapse(caseId, Map.of("reason", "LAPSED"))).containsEntry("acceptedMeanwhile", false); // redelivered
        assertThat(api.getCase(caseId).at("/offer/status").asText()).isEqualTo("LAPSED");
        assertThat(DunningApi.timelineTypes(api.getCase(caseId))).containsOnlyOnce("OFFER_LAPSED");
    }
}
