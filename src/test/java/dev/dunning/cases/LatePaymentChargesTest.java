package dev.dunning.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dunning.cases.LatePaymentCharges.Charges;
import dev.dunning.cases.LatePaymentCharges.Payment;
import dev.dunning.cases.LatePaymentCharges.Terms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples: simple interest, actual/365, from the day after the due date, rounded once HALF_UP. */
class LatePaymentChargesTest {

    static final LocalDate DUE = LocalDate.of(2026, 1, 31);
    // EU: ECB reference rate 2.15 % + 8 points = 10.15 % a year, EUR 40
    static final Terms EU = new Terms("EU", new BigDecimal("10.15"), new BigDecimal("40"), "EUR");

    static Terms uk(String fixed) {
        // UK: base rate 4.00 % + 8 % = 12 % a year
        return new Terms("UK", new BigDecimal("12.00"), new BigDecimal(fixed), "GBP");
    }

    @Test
    void euThirtyDaysOnTenThousandEuros() {
        // 10,000.00 x 10.15 % x 30 / 365 = 83.42465... -> 83.42; + 40.00 = 123.42
        Charges c = LatePaymentCharges.compute(EU, Money.of("10000.00", "EUR"), DUE, List.of(), DUE.plusDays(30));
        assertThat(c.daysLate()).isEqualTo(30);
        assertThat(c.interest()).isEqualTo(Money.of("83.42", "EUR"));
        assertThat(c.compensation()).isEqualTo(Money.of("40.00", "EUR"));
        assertThat(c.total()).isEqualTo(Money.of("123.42", "EUR"));
    }

    @Test
    void theDueDateItselfCostsNothingAndTheDayAfterCostsOneDay() {
        assertThat(LatePaymentCharges.compute(EU, Money.of("10000.00", "EUR"), DUE, List.of(), DUE).total())
                .isEqualTo(Money.of("0.00", "EUR"));
        // 10,000.00 x 10.15 % / 365 = 2.78082... -> 2.78
        assertThat(LatePaymentCharges.compute(EU, Money.of("10000.00", "EUR"), DUE, List.of(), DUE.plusDays(1)).interest())
                .isEqualTo(Money.of("2.78", "EUR"));
    }

    @Test
    void roundsHalfUpToTheMinorUnit() {
        // 100.25 x 10 % x 365 / 365 = 10.025 exactly: HALF_UP gives 10.03 (HALF_EVEN would give 10.02)
        Terms tenPercent = new Terms("EU", new BigDecimal("10"), new BigDecimal("40"), "EUR");
        Charges c = LatePaymentCharges.compute(tenPercent, Money.of("100.25", "EUR"), DUE, List.of(), DUE.plusDays(365));
        assertThat(c.interest()).isEqualTo(Money.of("10.03", "EUR"));
        assertThat(c.total()).isEqualTo(Money.of("50.03", "EUR"));
    }

    @Test
    void roundsOnceAtTheEndNotPerPeriod() {
        // 1,000.00 x 10.15 % x 30 / 365 = 8.34246... and 600.00 x 10.15 % x 30 / 365 = 5.00547...: 13.34794 -> 13.35
        // (rounding each period first would give 8.34 + 5.01 = 13.35 too; 7 and 11 days show the difference:
        //  1,000 x 7 = 1.94657 and 600 x 11 = 1.83534, sum 3.78191 -> 3.78, per period 1.95 + 1.84 = 3.79)
        Charges c = LatePaymentCharges.compute(EU, Money.of("1000.00", "EUR"), DUE,
                List.of(new Payment(DUE.plusDays(30), new BigDecimal("400.00"))), DUE.plusDays(60));
        assertThat(c.interest()).isEqualTo(Money.of("13.35", "EUR"));
        Charges d = LatePaymentCharges.compute(EU, Money.of("1000.00", "EUR"), DUE,
                List.of(new Payment(DUE.plusDays(7), new BigDecimal("400.00"))), DUE.plusDays(18));
        assertThat(d.interest()).isEqualTo(Money.of("3.78", "EUR"));
    }

    @Test
    void aPaymentBeforeTheDueDateCountsFromTheDueDateAndFullPaymentStopsInterest() {
        Charges c = LatePaymentCharges.compute(EU, Money.of("1000.00", "EUR"), DUE,
                List.of(new Payment(DUE.minusDays(5), new BigDecimal("1000.00"))), DUE.plusDays(60));
        assertThat(c.interest()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(c.total()).isEqualTo(Money.of("40.00", "EUR"));
    }

    @Test
    void ukFixedSumsByDebtSize() {
        // 5,000.00 x 12 % x 45 / 365 = 73.97260... -> 73.97; + GBP 70 (1,000 to under 10,000) = 143.97
        Charges c = LatePaymentCharges.compute(uk("70"), Money.of("5000.00", "GBP"), DUE, List.of(), DUE.plusDays(45));
        assertThat(c.interest()).isEqualTo(Money.of("73.97", "GBP"));
        assertThat(c.total()).isEqualTo(Money.of("143.97", "GBP"));
        // 999.99 x 12 % x 10 / 365 = 3.28763... -> 3.29; + GBP 40
        assertThat(LatePaymentCharges.compute(uk("40"), Money.of("999.99", "GBP"), DUE, List.of(), DUE.plusDays(10)).total())
                .isEqualTo(Money.of("43.29", "GBP"));
        // 12,345.67 x 12 % x 100 / 365 = 405.8850... -> 405.89; + GBP 100
        assertThat(LatePaymentCharges.compute(uk("100"), Money.of("12345.67", "GBP"), DUE, List.of(), DUE.plusDays(100)).total())
                .isEqualTo(Money.of("505.89", "GBP"));
    }

    @Test
    void leapYearsStillCount365Days() {
        // 2028 is a leap year: 366 days at actual/365 = 1,000.00 x 10.15 % x 366 / 365 = 101.778... -> 101.78
        LocalDate due = LocalDate.of(2028, 1, 1);
        Charges c = LatePaymentCharges.compute(EU, Money.of("1000.00", "EUR"), due, List.of(), due.plusDays(366));
        assertThat(c.interest()).isEqualTo(Money.of("101.78", "EUR"));
    }

    @Test
    void fixedCompensationInAnotherCurrencyIsLeftOutAndConsumersPayNothing() {
        Charges usd = LatePaymentCharges.compute(EU, Money.of("10000.00", "USD"), DUE, List.of(), DUE.plusDays(30));
        assertThat(usd.compensation()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(usd.interest()).isEqualTo(Money.of("83.42", "USD"));
        Charges consumer = LatePaymentCharges.compute(Terms.none(), Money.of("10000.00", "EUR"), DUE, List.of(), DUE.plusDays(30));
        assertThat(consumer.total()).isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void yenHasNoMinorUnits() {
        // 100,000 JPY x 10.15 % x 30 / 365 = 834.246... -> 834
        Charges c = LatePaymentCharges.compute(EU, Money.of("100000", "JPY"), DUE, List.of(), DUE.plusDays(30));
        assertThat(c.interest()).isEqualTo(Money.of("834", "JPY"));
    }
}
