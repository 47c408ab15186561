package dev.dunning.skiptrace;

import dev.dunning.cases.Address;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The checks every vendor result passes, whichever adapter it came through. Each problem names its field. */
public final class ResultChecks {

    public record Problem(String field, String message) {}

    /** The same problems, named as in the JSON callback rather than the CSV layout. */
    public static List<Problem> checkJson(VendorResult r) {
        return check(r).stream().map(p -> new Problem(switch (p.field()) {
            case "request_id" -> "requestId";
            case "address_line1" -> "address.line1";
            case "postal_code" -> "address.postalCode";
            case "city" -> "address.city";
            case "country" -> "address.country";
            default -> p.field();
        }, p.message())).toList();
    }

    static final Pattern EMAIL = Pattern.compile("^[^@\\s,;|]+@[^@\\s,;|]+\\.[^@\\s,;|]+$");
    static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    private ResultChecks() {
    }

    public static List<Problem> check(VendorResult r) {
        List<Problem> problems = new ArrayList<>();
        if (r.requestId() <= 0) problems.add(new Problem("request_id", "must be a positive number"));
        if (r.reference() == null || r.reference().isBlank()) problems.add(new Problem("reference", "is required"));
        if (r.status() == null) problems.add(new Problem("status", "is required"));
        boolean anyContact = r.address() != null || !r.phones().isEmpty() || !r.emails().isEmpty();
        if (r.status() == SkipTraceResult.FOUND && !anyContact) {
            problems.add(new Problem("status", "FOUND needs an address, a phone or an email"));
        }
        if (r.status() != null && r.status() != SkipTraceResult.FOUND && anyContact) {
            problems.add(new Problem("status", r.status() + " must not carry contact data"));
        }
        Address a = r.address();
        if (a != null) {
            if (blank(a.line1())) problems.add(new Problem("address_line1", "is required with an address"));
            if (blank(a.postalCode())) problems.add(new Problem("postal_code", "is required with an address"));
            if (blank(a.city())) problems.add(new Problem("city", "is required with an address"));
            if (a.country() == null || !COUNTRY.matcher(a.country()).matches()) {
                problems.add(new Problem("country", "must be an ISO 3166 alpha-2 code"));
            }
        }
        for (int i = 0; i < r.phones().size(); i++) {
            VendorResult.Phone p = r.phones().get(i);
            if (p.number() == null || !PHONE.matcher(p.number()).matches()) problems.add(new Problem("phones[" + i + "].number", "must be E.164 (+4915112345678)"));
            if (p.type() == null) problems.add(new Problem("phones[" + i + "].type", "is required"));
            if (p.confidence() == null || p.confidence().compareTo(BigDecimal.ZERO) < 0 || p.confidence().compareTo(BigDecimal.ONE) > 0) {
                problems.add(new Problem("phones[" + i + "].confidence", "must be between 0 and 1"));
            }
        }
        for (int i = 0; i < r.emails().size(); i++) {
            String e = r.emails().get(i);
            if (e == null || e.length() > 254 || !EMAIL.matcher(e).matches()) problems.add(new Problem("emails[" + i + "]", "is not an email address"));
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
