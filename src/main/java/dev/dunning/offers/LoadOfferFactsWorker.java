package dev.dunning.offers;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.DunningCases;
import dev.dunning.cases.Instalment;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Hands the offer decision (DMN) the facts it decides on; the terms themselves live in the model. */
@Component
public class LoadOfferFactsWorker {

    public static final String JOB_TYPE = "dunning.offer.facts";

    private final DunningCases cases;
    private final Clock clock;

    LoadOfferFactsWorker(DunningCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @JobWorker(type = JOB_TYPE, fetchVariables = "caseId")
    public Map<String, Object> loadFacts(@Variable("caseId") String caseId) {
        DunningCase c = cases.get(new CaseId(caseId));
        return Map.of(
                "outstandingAmount", c.outstanding().amount().doubleValue(),
                "debtorType", c.debtor().type().name(),
                "brokenPromises", c.brokenPromises(),
                "missedInstalments", c.instalments().stream().filter(i -> i.status() == Instalment.InstalmentStatus.MISSED).count(),
                "daysOverdue", ChronoUnit.DAYS.between(c.dueDate(), LocalDate.now(clock)));
    }
}
