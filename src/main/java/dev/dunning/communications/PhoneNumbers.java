package dev.dunning.communications;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Optional;

/** Validates and normalises phone numbers to E.164 with libphonenumber; the debtor's country is the default region. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164 (+4915112345678), or empty when it is not a valid number. */
    public static Optional<String> e164(String number, String defaultCountry) {
        if (number == null || number.isBlank()) return Optional.empty();
        try {
            String region = defaultCountry == null || defaultCountry.isBlank() ? "ZZ" : defaultCountry.toUpperCase(Locale.ROOT);
            Phonenumber.PhoneNumber parsed = UTIL.parse(number, region);
            if (!UTIL.isValidNumber(parsed)) return Optional.empty();
            return Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
