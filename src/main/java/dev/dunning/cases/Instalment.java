package dev.dunning.cases;

import java.math.BigDecimal;
import java.time.LocalDate;

public record Instalment(int number, BigDecimal amount, BigDecimal paid, LocalDate dueDate, InstalmentStatus status) {

    public enum InstalmentStatus { OPEN, PAID, LATE, MISSED }

    BigDecimal remaining() {
        return amount.subtract(paid);
    }

    Instalment pay(BigDecimal portion) {
        BigDecimal newPaid = paid.add(portion);
        return new Instalment(number, amount, newPaid, dueDate,
                newPaid.compareTo(amount) >= 0 ? InstalmentStatus.PAID : status);
    }

    Instalment withStatus(InstalmentStatus newStatus) {
        return new Instalment(number, amount, paid, dueDate, newStatus);
    }
}
