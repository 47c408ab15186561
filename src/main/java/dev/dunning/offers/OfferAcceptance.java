package dev.dunning.offers;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.DunningCases;
import dev.dunning.cases.Instalment;
import dev.dunning.cases.OfferOption;
import dev.dunning.cases.Timeline;
import dev.dunning.engine.EngineMessages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The debtor accepts the open offer: the discount, or the instalment plan that acceptance creates. */
@Service
public class OfferAcceptance {

    public static class NoOpenOffer extends RuntimeException {
        NoOpenOffer(String message) {
            super(message);
        }
    }

    private final DunningCases cases;
    private final Timeline timeline;
    private final EngineMessages engine;
    private final Clock clock;

    OfferAcceptance(DunningCases cases, Timeline timeline, EngineMessages engine, Clock clock) {
        this.cases = cases;
        this.timeline = timeline;
        this.engine = engine;
        this.clock = clock;
    }

    @Transactional
    public DunningCase accept(CaseId caseId, OfferOption option) {
        DunningCase dunningCase = cases.lockAndGet(caseId);
        try {
            dunningCase.acceptOffer(option, clock.instant(), LocalDate.now(clock));
        } catch (IllegalStateException e) {
            throw new NoOpenOffer(e.getMessage());
        }
        cases.save(dunningCase);
        Map<String, Object> variables = processVariables(dunningCase);
        if (option == OfferOption.DISCOUNT) {
            timeline.record(caseId, "OFFER_ACCEPTED", "discount: pay " + dunningCase.offer().discountAmount().toPlainString()
                    + " " + dunningCase.currency() + " by " + dunningCase.offer().discountDueDate());
        } else {
            timeline.record(caseId, "OFFER_ACCEPTED", "instalments: " + dunningCase.instalments().stream()
                    .map(OfferAcceptance::describe).toList());
        }
        engine.toCase(caseId, EngineMessages.OFFER_ACCEPTED, variables);
        return dunningCase;
    }

    /** What the model routes an accepted offer on: the option and its deadline or instalment schedule. */
    static Map<String, Object> processVariables(DunningCase dunningCase) {
        Map<String, Object> variables = new HashMap<>();
        OfferOption option = dunningCase.offer().acceptedOption();
        variables.put("acceptedOption", option.name());
        if (option == OfferOption.DISCOUNT) {
            variables.put("discountDeadline", endOfDay(dunningCase.offer().discountDueDate()));
        } else {
            List<Map<String, Object>> plan = dunningCase.instalments().stream()
                    .map(i -> Map.<String, Object>of("number", i.number(), "dueAt", endOfDay(i.dueDate()))).toList();
            variables.put("instalments", plan);
        }
        return variables;
    }

    private static String describe(Instalment i) {
        return i.amount().toPlainString() + " by " + i.dueDate();
    }

    /** Deadlines are whole days: the debtor has until the end of the due date (UTC). */
    private static String endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    }
}
