package dev.dunning.cases;

import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs a change to one case in a transaction, behind the case's row lock, and saves it. */
@Component
public class CaseTransactions {

    private final DunningCases cases;
    private final TransactionTemplate tx;

    CaseTransactions(DunningCases cases, TransactionTemplate tx) {
        this.cases = cases;
        this.tx = tx;
    }

    public <T> T change(CaseId id, Function<DunningCase, T> change) {
        return tx.execute(status -> {
            DunningCase dunningCase = cases.lockAndGet(id);
            T result = change.apply(dunningCase);
            cases.save(dunningCase);
            return result;
        });
    }
}
