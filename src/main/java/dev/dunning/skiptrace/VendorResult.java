package dev.dunning.skiptrace;

import dev.dunning.cases.Address;
import java.math.BigDecimal;
import java.util.List;

/** One result from a vendor, already checked: the status, and for FOUND what was found. */
public record VendorResult(long requestId, String reference, SkipTraceResult status, Address address,
                           List<Phone> phones, List<String> emails) {

    public enum PhoneType { MOBILE, LANDLINE, WORK }

    public record Phone(String number, PhoneType type, BigDecimal confidence) {}

    public VendorResult {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
    }

    public static VendorResult notFound(long requestId, String reference, SkipTraceResult status) {
        return new VendorResult(requestId, reference, status, null, List.of(), List.of());
    }
}
