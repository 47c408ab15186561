package dev.dunning.legal;

import dev.dunning.cases.DunningCase;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limitation periods in whole years from the due date, per jurisdiction (the debtor's country). A time-barred debt
 * gets no legal action. Configure with {@code dunning.legal.limitation.years.DE=3} and {@code ...default-years}.
 */
@ConfigurationProperties("dunning.legal.limitation")
public record LimitationPeriods(Integer defaultYears, Map<String, Integer> years) {

    public LimitationPeriods {
        defaultYears = defaultYears == null ? 3 : defaultYears;
        years = years == null ? Map.of() : Map.copyOf(years);
    }

    public int yearsFor(DunningCase c) {
        String country = c.debtor().address() != null ? c.debtor().address().country() : null;
        return country != null ? years.getOrDefault(country, defaultYears) : defaultYears;
    }

    public boolean hasExpired(DunningCase c, LocalDate today) {
        return !c.dueDate().plusYears(yearsFor(c)).isAfter(today);
    }

    public String describe(DunningCase c) {
        return yearsFor(c) + " years from the due date " + c.dueDate();
    }
}
