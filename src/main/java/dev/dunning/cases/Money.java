package dev.dunning.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount in one currency, always held at the currency's own number of minor units. */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Never below zero: an overpayment does not create a negative debt. */
    public Money minusFloorZero(Money other) {
        Money result = minus(other);
        return result.isNegative() ? zero(currency) : result;
    }

    public Money percentOff(BigDecimal percent) {
        BigDecimal factor = BigDecimal.ONE.subtract(percent.movePointLeft(2));
        return new Money(amount.multiply(factor).setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
    }

    /** Splits evenly in minor units; the last part absorbs the remainder. */
    public java.util.List<Money> split(int parts) {
        if (parts < 1) throw new IllegalArgumentException("parts must be positive");
        BigDecimal minor = amount.movePointRight(currency.getDefaultFractionDigits());
        BigDecimal each = minor.divide(BigDecimal.valueOf(parts), 0, RoundingMode.DOWN);
        var result = new java.util.ArrayList<Money>();
        for (int i = 0; i < parts - 1; i++) {
            result.add(new Money(each.movePointLeft(currency.getDefaultFractionDigits()), currency));
        }
        BigDecimal last = minor.subtract(each.multiply(BigDecimal.valueOf(parts - 1)));
        result.add(new Money(last.movePointLeft(currency.getDefaultFractionDigits()), currency));
        return result;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    /** Plain string such as "120.00", as the API shows it. */
    public String amountText() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return amountText() + " " + currency.getCurrencyCode();
    }
}
