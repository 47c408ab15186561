package dev.dunning.web;

import dev.dunning.cases.Address;
import dev.dunning.cases.Debtor;
import dev.dunning.cases.DebtorType;
import dev.dunning.cases.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Request bodies of the REST API, with the checks that go beyond Bean Validation. */
final class CaseRequests {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private CaseRequests() {
    }

    record MoneyBody(
            @NotBlank @Pattern(regexp = "\\d{1,15}(\\.\\d{1,4})?", message = "must be a decimal number such as 120.00")
            String amount,
            @NotBlank @Size(min = 3, max = 3, message = "must be an ISO 4217 code") String currency) {

        /** Checks the currency and the precision against it; collects problems under the given field prefix. */
        Money toMoney(String field, List<InvalidInput.FieldProblem> problems) {
            Currency c;
            try {
                c = Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInput.FieldProblem(field + ".currency", "unknown ISO 4217 currency '" + currency + "'"));
                return null;
            }
            BigDecimal value = new BigDecimal(amount);
            if (value.signum() <= 0) {
                problems.add(new InvalidInput.FieldProblem(field + ".amount", "must be greater than zero"));
                return null;
            }
            if (value.stripTrailingZeros().scale() > c.getDefaultFractionDigits()) {
                problems.add(new InvalidInput.FieldProblem(field + ".amount",
                        "has more decimals than " + c.getCurrencyCode() + " allows (" + c.getDefaultFractionDigits() + ")"));
                return null;
            }
            return new Money(value.setScale(c.getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY), c);
        }
    }

    record AddressBody(
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(min = 2, max = 2, message = "must be an ISO 3166 alpha-2 code") String country) {}

    record DebtorBody(
            @NotBlank @Size(max = 64) String reference,
            @NotNull DebtorType type,
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+[1-9]\\d{6,14}", message = "must be an E.164 number such as +4915112345678") String phone,
            @Valid AddressBody address,
            @Size(max = 64) String timeZone,
            @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en") String language) {}

    record OpenCase(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{Alnum}\\-_/.]+", message = "may contain letters, digits and - _ / . only")
            String invoiceNumber,
            @NotNull @Valid DebtorBody debtor,
            @NotNull @Valid MoneyBody amountDue,
            @NotNull LocalDate dueDate,
            LocalDate issuedDate) {

        Money validate(LocalDate today) {
            List<InvalidInput.FieldProblem> problems = new ArrayList<>();
            Money money = amountDue.toMoney("amountDue", problems);
            if (!dueDate.isBefore(today)) problems.add(new InvalidInput.FieldProblem("dueDate", "must be in the past"));
            if (issuedDate != null && issuedDate.isAfter(dueDate)) {
                problems.add(new InvalidInput.FieldProblem("issuedDate", "must not be after dueDate"));
            }
            if (debtor.address() != null && !COUNTRIES.contains(debtor.address().country())) {
                problems.add(new InvalidInput.FieldProblem("debtor.address.country", "unknown ISO 3166 alpha-2 country '"
                        + debtor.address().country() + "'"));
            }
            if (debtor.timeZone() != null) {
                try {
                    ZoneId.of(debtor.timeZone());
                } catch (DateTimeException e) {
                    problems.add(new InvalidInput.FieldProblem("debtor.timeZone", "unknown time zone '" + debtor.timeZone() + "'"));
                }
            }
            if (!problems.isEmpty()) throw new InvalidInput(problems);
            return money;
        }

        Debtor toDebtor() {
            AddressBody a = debtor.address();
            return new Debtor(debtor.reference(), debtor.type(), debtor.name(), debtor.email(), debtor.phone(),
                    a == null ? null : new Address(a.line1(), a.line2(), a.postalCode(), a.city(), a.country()),
                    debtor.timeZone(), debtor.language());
        }

        /** Same invoice, same content: a repeat of the same request. */
        String fingerprint(Money money) {
            String canonical = String.join("|", invoiceNumber, String.valueOf(toDebtor()), money.toString(),
                    dueDate.toString(), String.valueOf(issuedDate));
            try {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(hash);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record PaymentBody(
            @NotBlank @Size(max = 64) String invoiceNumber,
            @NotNull @Valid MoneyBody amount,
            @NotBlank @Size(max = 64) String reference,
            java.time.Instant paidAt) {}

    record OfferAcceptanceBody(@NotNull dev.dunning.cases.OfferOption option) {}

    record DisputeBody(@NotBlank @Size(max = 1000) String reason) {}

    record CompleteTaskBody(@NotBlank @Size(max = 24) String outcome, LocalDate promisedDate, BigDecimal promisedAmount,
                            @Size(max = 1000) String note) {}

    record ClockBody(@NotBlank String advance) {}

    record CeaseBody(@Size(max = 1000) String note) {}

    record OptOutBody(@NotNull dev.dunning.communications.Channel channel) {}

    record CallAttemptBody(@NotNull dev.dunning.outreach.CallLog.Outcome outcome, @Size(max = 1000) String note) {}

    record BounceBody(@NotBlank @Size(max = 900) String reason) {}
}
