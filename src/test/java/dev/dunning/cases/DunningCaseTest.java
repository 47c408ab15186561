package dev.dunning.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class DunningCaseTest {

    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final LocalDate today = LocalDate.of(2026, 3, 1);

    private DunningCase caseOf(String amount) {
        Debtor debtor = new Debtor("D-1", DebtorType.CONSUMER, "Ada", "ada@example.com", null, null, null, null);
        return DunningCase.open(CaseId.newId(), "INV-1", "fp", debtor, Money.of(amount, "EUR"), LocalDate.of(2026, 1, 1), null, now);
    }

    @Test
    void moneySplitsEvenlyWithTheRemainderOnTheLastPart() {
        assertThat(Money.of("100.00", "EUR").split(3)).extracting(Money::amountText).containsExactly("33.33", "33.33", "33.34");
        assertThat(Money.of("1000", "JPY").split(3)).extracting(Money::amountText).containsExactly("333", "333", "334");
    }

    @Test
    void partialPaymentLowersOutstandingAndKeepsTheCaseOpen() {
        DunningCase c = caseOf("120.00");
        var effect = c.applyPayment(Money.of("20.00", "EUR"), now);
        assertThat(effect.settled()).isFalse();
        assertThat(c.outstanding()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void overpaymentSettlesWithoutNegativeDebt() {
        DunningCase c = caseOf("120.00");
        assertThat(c.applyPayment(Money.of("150.00", "EUR"), now).settled()).isTrue();
        assertThat(c.outstanding().isZero()).isTrue();
        assertThat(c.status()).isEqualTo(CaseStatus.PAID);
        assertThat(c.stage()).isEqualTo(Stage.CLOSED);
    }

    @Test
    void discountedAmountSettlesAnAcceptedDiscount() {
        DunningCase c = caseOf("120.00");
        c.makeOffer(new BigDecimal("5"), Period.ofDays(10), 3, "P1M", now.plusSeconds(86400), today);
        c.acceptOffer(OfferOption.DISCOUNT, now, today);
        var effect = c.applyPayment(Money.of("114.00", "EUR"), now);
        assertThat(effect.settledByDiscount()).isTrue();
        assertThat(c.status()).isEqualTo(CaseStatus.PAID);
    }

    @Test
    void paymentsGoToTheOldestOpenInstalmentAndOverpaymentMovesOn() {
        DunningCase c = caseOf("120.00");
        c.makeOffer(new BigDecimal("5"), Period.ofDays(10), 3, "P1M", now.plusSeconds(86400), today);
        c.acceptOffer(OfferOption.INSTALMENTS, now, today);
        c.applyPayment(Money.of("50.00", "EUR"), now);
        assertThat(c.instalments()).extracting(i -> i.status().name()).containsExactly("PAID", "OPEN", "OPEN");
        assertThat(c.instalments().get(1).paid()).isEqualByComparingTo("10.00");
        assertThat(c.checkInstalment(2)).isFalse();
        assertThat(c.instalments().get(1).status()).isEqualTo(Instalment.InstalmentStatus.MISSED);
    }

    @Test
    void anUnpaidInstalmentPastItsDueDateIsLateUntilPaid() {
        DunningCase c = caseOf("120.00");
        c.makeOffer(new BigDecimal("5"), Period.ofDays(10), 3, "P1M", now.plusSeconds(86400), today);
        c.acceptOffer(OfferOption.INSTALMENTS, now, today);
        assertThat(c.markInstalmentLate(1)).isTrue();
        assertThat(c.markInstalmentLate(1)).isFalse(); // a redelivered job changes nothing
        assertThat(c.instalments().get(0).status()).isEqualTo(Instalment.InstalmentStatus.LATE);
        c.applyPayment(Money.of("40.00", "EUR"), now);
        assertThat(c.instalments().get(0).status()).isEqualTo(Instalment.InstalmentStatus.PAID);
        assertThat(c.markInstalmentLate(1)).isFalse(); // paid stays paid
    }

    @Test
    void anOfferCannotBeAcceptedAfterItLapsed() {
        DunningCase c = caseOf("120.00");
        c.makeOffer(new BigDecimal("5"), Period.ofDays(10), 3, "P1M", now.plusSeconds(60), today);
        assertThatThrownBy(() -> c.acceptOffer(OfferOption.DISCOUNT, now.plusSeconds(61), today)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDisputePausesAndResumesWhereTheCaseStood() {
        DunningCase c = caseOf("120.00");
        c.enterStage(Stage.PERSONAL_OUTREACH);
        c.pauseForDispute();
        assertThat(c.status()).isEqualTo(CaseStatus.PAUSED);
        assertThatThrownBy(c::pauseForDispute).isInstanceOf(IllegalStateException.class);
        assertThat(c.resumeAfterDispute()).isEqualTo(Stage.PERSONAL_OUTREACH);
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void aClosedCaseCannotChangeStage() {
        DunningCase c = caseOf("10.00");
        c.applyPayment(Money.of("10.00", "EUR"), now);
        assertThatThrownBy(() -> c.enterStage(Stage.SKIP_TRACE)).isInstanceOf(IllegalStateException.class);
    }
}
