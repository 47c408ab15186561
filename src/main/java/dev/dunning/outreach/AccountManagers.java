package dev.dunning.outreach;

import dev.dunning.cases.Debtor;
import dev.dunning.cases.DebtorType;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account managers from {@code dunning.outreach.account-managers} and who gets which task. A call goes to the
 * manager who owns the debtor (by reference, then by segment), else round-robin among the managers who are not team
 * leads; a team-lead review goes round-robin among the team leads. The round-robin position lives in the database
 * ({@code assignment_cursor}), so a restart keeps the rotation fair.
 */
@Component
public class AccountManagers {

    public record AccountManager(String name, String email, List<String> debtors, List<DebtorType> segments, boolean teamLead) {
        public AccountManager {
            debtors = debtors == null ? List.of() : List.copyOf(debtors);
            segments = segments == null ? List.of() : List.copyOf(segments);
        }
    }

    @ConfigurationProperties("dunning.outreach")
    public record Settings(List<AccountManager> accountManagers) {
        public Settings {
            accountManagers = accountManagers == null ? List.of() : List.copyOf(accountManagers);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    static class Config {
    }

    static final String OUTREACH_POOL = "OUTREACH";
    static final String TEAM_LEAD_POOL = "TEAM_LEAD";

    private final List<AccountManager> managers;
    private final JdbcClient jdbc;

    AccountManagers(Settings settings, JdbcClient jdbc) {
        this.managers = settings.accountManagers();
        this.jdbc = jdbc;
    }

    /** The assignee (email) of an outreach call for this debtor, or empty when no manager is configured. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> assignCall(Debtor debtor) {
        Optional<AccountManager> owner = managers.stream().filter(m -> m.debtors().contains(debtor.reference())).findFirst()
                .or(() -> managers.stream().filter(m -> m.segments().contains(debtor.type())).findFirst());
        if (owner.isPresent()) return owner.map(AccountManager::email);
        List<AccountManager> pool = managers.stream().filter(m -> !m.teamLead()).toList();
        return next(OUTREACH_POOL, pool.isEmpty() ? managers : pool);
    }

    /** A team lead for an escalation, round-robin; empty when none is configured. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> assignTeamLead() {
        return next(TEAM_LEAD_POOL, managers.stream().filter(AccountManager::teamLead).toList());
    }

    private Optional<String> next(String pool, List<AccountManager> people) {
        if (people.isEmpty()) return Optional.empty();
        // the row lock serialises concurrent assignments; the first one creates the row
        jdbc.sql("INSERT IGNORE INTO assignment_cursor (pool, position) VALUES (:pool, 0)").param("pool", pool).update();
        long position = jdbc.sql("SELECT position FROM assignment_cursor WHERE pool = :pool FOR UPDATE")
                .param("pool", pool).query(Long.class).single();
        jdbc.sql("UPDATE assignment_cursor SET position = :next WHERE pool = :pool")
                .param("next", position + 1).param("pool", pool).update();
        return Optional.of(people.get((int) Math.floorMod(position, people.size())).email());
    }
}
