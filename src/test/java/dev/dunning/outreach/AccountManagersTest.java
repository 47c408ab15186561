package dev.dunning.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.cases.Debtor;
import dev.dunning.cases.DebtorType;
import dev.dunning.outreach.AccountManagers.AccountManager;
import dev.dunning.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Who gets a call: the owner of the debtor, else of the segment, else round-robin kept in the database. */
@IntegrationTest
class AccountManagersTest {

    static final AccountManagers.Settings STAFF = new AccountManagers.Settings(List.of(
            new AccountManager("Xavier", "x@t.example", List.of("D-OWNED"), List.of(), false),
            new AccountManager("Yasmin", "y@t.example", List.of(), List.of(DebtorType.BUSINESS), false),
            new AccountManager("Paula", "p@t.example", null, null, false),
            new AccountManager("Quentin", "q@t.example", null, null, false),
            new AccountManager("Lena Lead", "lead1@t.example", null, null, true),
            new AccountManager("Luis Lead", "lead2@t.example", null, null, true)));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theOwnerOfTheDebtorThenOfTheSegmentGetsTheCall() {
        AccountManagers managers = new AccountManagers(STAFF, jdbc);
        tx.executeWithoutResult(s -> {
            assertThat(managers.assignCall(debtor("D-OWNED", DebtorType.BUSINESS))).contains("x@t.example");
            assertThat(managers.assignCall(debtor("D-OWNED", DebtorType.CONSUMER))).contains("x@t.example");
            assertThat(managers.assignCall(debtor("D-OTHER", DebtorType.BUSINESS))).contains("y@t.example");
        });
    }

    @Test
    void othersGoRoundRobinAmongNonLeadsAndARestartContinuesWhereItStopped() {
        List<String> assigned = new ArrayList<>();
        long[] positions = new long[2];
        // one transaction: the cursor row stays locked, so no worker of another test interleaves
        tx.executeWithoutResult(s -> {
            positions[0] = position("OUTREACH");
            AccountManagers beforeRestart = new AccountManagers(STAFF, jdbc);
            for (int i = 0; i < 3; i++) assigned.add(beforeRestart.assignCall(debtor("D-NOBODY", DebtorType.CONSUMER)).orElseThrow());
            AccountManagers afterRestart = new AccountManagers(STAFF, jdbc); // no memory of its own
            for (int i = 0; i < 5; i++) assigned.add(afterRestart.assignCall(debtor("D-NOBODY", DebtorType.CONSUMER)).orElseThrow());
            positions[1] = position("OUTREACH");
        });
        List<String> pool = List.of("x@t.example", "y@t.example", "p@t.example", "q@t.example");
        int start = (int) Math.floorMod(positions[0], 4L);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) expected.add(pool.get((start + i) % 4));
        assertThat(assigned).containsExactlyElementsOf(expected); // every non-lead twice, in turn, never a team lead
        assertThat(positions[1]).isEqualTo(positions[0] + 8);
    }

    @Test
    void escalationsGoToTeamLeadsInTurnAndNobodyIsAssignedWithoutStaff() {
        AccountManagers managers = new AccountManagers(STAFF, jdbc);
        List<String> leads = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 4; i++) leads.add(managers.assignTeamLead().orElseThrow());
        });
        assertThat(leads).containsOnly("lead1@t.example", "lead2@t.example");
        assertThat(leads.get(0)).isNotEqualTo(leads.get(1)).isEqualTo(leads.get(2));

        AccountManagers nobody = new AccountManagers(new AccountManagers.Settings(null), jdbc);
        tx.executeWithoutResult(s -> {
            assertThat(nobody.assignCall(debtor("D-1", DebtorType.CONSUMER))).isEmpty();
            assertThat(nobody.assignTeamLead()).isEmpty();
        });
    }

    private long position(String pool) {
        jdbc.sql("INSERT IGNORE INTO assignment_cursor (pool, position) VALUES (:pool, 0)").param("pool", pool).update();
        return jdbc.sql("SELECT position FROM assignment_cursor WHERE pool = :pool FOR UPDATE").param("pool", pool)
                .query(Long.class).single();
    }

    private static Debtor debtor(String reference, DebtorType type) {
        return new Debtor(reference, type, "Someone", null, null, null, null, null);
    }
}
