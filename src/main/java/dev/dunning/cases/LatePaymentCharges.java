package dev.dunning.cases;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Statutory late-payment charges for business debtors, computed from the terms the decision table chose.
 *
 * <p>Interest is simple interest at {@code reference rate + margin} percent per year, day count <b>actual/365</b>
 * (every year has 365 days, leap years included), from the day after the due date. Each amount accrues interest for
 * the days from the due date up to and including the day it is paid (or the as-of date while unpaid): a payment
 * lowers the balance from the next day on. The sum is rounded once, HALF_UP, to the currency's minor units. The fixed
 * compensation is added only when it is in the case's currency (no exchange-rate conversion).
 */
public final class LatePaymentCharges {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What the decision chose: the regime (reference-rate key), the yearly rate and the fixed compensation. */
    public record Terms(String regime, BigDecimal annualRatePercent, BigDecimal fixedCompensation, String compensationCurrency) {
        public static Terms none() {
            return new Terms("NONE", BigDecimal.ZERO, BigDecimal.ZERO, null);
        }

        public boolean applies() {
            return !"NONE".equals(regime);
        }
    }

    public record Payment(LocalDate date, BigDecimal amount) {}

    /** The charges on one day: interest, fixed compensation, their total, and how many days have run. */
    public record Charges(String regime, BigDecimal annualRatePercent, Money interest, Money compensation, Money total,
                          long daysLate, LocalDate asOf, boolean waived) {
        public Charges waive() {
            Money zero = Money.zero(total.currency());
            return new Charges(regime, annualRatePercent, zero, zero, zero, daysLate, asOf, true);
        }
    }

    private LatePaymentCharges() {
    }

    public static Charges compute(Terms terms, Money amountDue, LocalDate dueDate, List<Payment> payments, LocalDate asOf) {
        var currency = amountDue.currency();
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
        if (!terms.applies() || daysLate == 0) {
            Money zero = Money.zero(currency);
            return new Charges(terms.regime(), terms.annualRatePercent(), zero, zero, zero, daysLate, asOf, false);
        }
        BigDecimal rate = terms.annualRatePercent().divide(HUNDRED, MathContext.DECIMAL128);
        BigDecimal balance = amountDue.amount();
        BigDecimal amountDays = BigDecimal.ZERO; // sum of balance x days
        LocalDate from = dueDate;
        for (Payment p : payments.stream().sorted(Comparator.comparing(Payment::date)).toList()) {
            if (balance.signum() <= 0) break;
            LocalDate to = p.date().isBefore(dueDate) ? dueDate : p.date().isAfter(asOf) ? asOf : p.date();
            amountDays = amountDays.add(balance.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to))));
            balance = balance.subtract(p.amount()).max(BigDecimal.ZERO);
            from = to;
        }
        amountDays = amountDays.add(balance.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, asOf))));
        BigDecimal interest = amountDays.multiply(rate).divide(DAYS_PER_YEAR, MathContext.DECIMAL128)
                .setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
        BigDecimal fixed = terms.fixedCompensation() != null && currency.getCurrencyCode().equals(terms.compensationCurrency())
                ? terms.fixedCompensation() : BigDecimal.ZERO;
        Money interestMoney = new Money(interest, currency);
        Money compensation = new Money(fixed.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
        return new Charges(terms.regime(), terms.annualRatePercent(), interestMoney, compensation,
                interestMoney.plus(compensation), daysLate, asOf, false);
    }
}
