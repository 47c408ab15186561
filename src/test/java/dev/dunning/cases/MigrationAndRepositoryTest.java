package dev.dunning.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dunning.communications.Communications;
import dev.dunning.communications.Purpose;
import dev.dunning.time.ShiftableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migrations and the case aggregate against a real MySQL-protocol server: the embedded MariaDB by default, or the
 * server named by DUNNING_DATABASE_MODE=external and DUNNING_DB_URL (CI also runs it against the machine's MariaDB).
 */
// Its own database on the embedded server: the app in the shared test context would deliver what these tests queue.
@DataJdbcTest(properties = "dunning.database.embedded-name=repository_test")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({Timeline.class, Communications.class, dev.dunning.communications.ContactRegistry.class,
        dev.dunning.engine.EngineMessages.class, org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration.class,
        MigrationAndRepositoryTest.Clocks.class})
class MigrationAndRepositoryTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        ShiftableClock clock() {
            return ShiftableClock.systemUtc();
        }
    }

    @Autowired DunningCases cases;
    @Autowired Communications communications;
    @Autowired Timeline timeline;
    @Autowired JdbcClient jdbc;

    private DunningCase newCase(String invoice) {
        Debtor debtor = new Debtor("D-" + invoice, DebtorType.BUSINESS, "Acme GmbH", "ap@acme.example", "+4930123456",
                new Address("Hauptstr. 1", "Hof", "10115", "Berlin", "DE"), "Europe/Berlin", "de");
        return DunningCase.open(CaseId.newId(), invoice, "fp", debtor, Money.of("1234.56", "EUR"),
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 1, 1), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void migrationsCreateEveryTable() {
        var tables = jdbc.sql("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()")
                .query(String.class).list();
        assertThat(tables).contains("dunning_case", "instalment", "timeline_entry", "payment", "communication",
                "work_task", "dispute", "engine_message", "skip_trace_batch", "skip_trace_request", "legal_handoff");
    }

    @Test
    void caseRoundTripsWithDebtorOfferAndInstalments() {
        DunningCase c = newCase("RT-" + UUID.randomUUID());
        c.makeOffer(new BigDecimal("5"), java.time.Period.ofDays(10), 3, "P1M", Instant.now().plusSeconds(3600), LocalDate.of(2026, 3, 1));
        c.acceptOffer(OfferOption.INSTALMENTS, Instant.now(), LocalDate.of(2026, 3, 1));
        cases.save(c);

        DunningCase loaded = cases.get(c.id());
        assertThat(loaded.debtor()).isEqualTo(c.debtor());
        assertThat(loaded.amountDue()).isEqualTo(Money.of("1234.56", "EUR"));
        assertThat(loaded.offer().discountAmount()).isEqualByComparingTo("1172.83");
        assertThat(loaded.instalments()).extracting(Instalment::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("411.52"), new BigDecimal("411.52"), new BigDecimal("411.52"));
        assertThat(loaded.instalments()).extracting(Instalment::dueDate)
                .containsExactly(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1));
        assertThat(loaded.openedAt()).isEqualTo(c.openedAt());
    }

    @Test
    void oneCasePerInvoice() {
        String invoice = "DUP-" + UUID.randomUUID();
        cases.save(newCase(invoice));
        assertThatThrownBy(() -> cases.save(newCase(invoice))).hasRootCauseInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class)
                .isInstanceOfAny(DataIntegrityViolationException.class, org.springframework.data.relational.core.conversion.DbActionExecutionException.class);
    }

    @Test
    void aCommunicationStepIsRecordedOnce() {
        DunningCase c = cases.save(newCase("COM-" + UUID.randomUUID()));
        assertThat(communications.queue(c, Purpose.REMINDER_2)).isEqualTo(2); // email and SMS
        assertThat(communications.queue(c, Purpose.REMINDER_2)).isZero();     // a redelivered job changes nothing
        assertThat(communications.of(c.id())).hasSize(2);
        assertThat(timeline.of(c.id())).extracting(Timeline.Entry::type).containsExactly("COMMUNICATION_QUEUED", "COMMUNICATION_QUEUED");
    }

    @Test
    void rowLockFindsTheCase() {
        DunningCase c = cases.save(newCase("LOCK-" + UUID.randomUUID()));
        assertThat(cases.lockAndGet(c.id()).invoiceNumber()).isEqualTo(c.invoiceNumber());
        assertThatThrownBy(() -> cases.lockAndGet(new CaseId("no-such-case"))).isInstanceOf(CaseNotFoundException.class);
    }
}
