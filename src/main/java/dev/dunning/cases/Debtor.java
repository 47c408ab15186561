package dev.dunning.cases;

import org.springframework.data.relational.core.mapping.Embedded;

public record Debtor(
        String reference,
        DebtorType type,
        String name,
        String email,
        String phone,
        @Embedded.Nullable(prefix = "address_") Address address,
        String timeZone,
        String language) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }

    public Debtor withNewContact(String newEmail, Address newAddress) {
        return new Debtor(reference, type, name, newEmail != null ? newEmail : email, phone,
                newAddress != null ? newAddress : address, timeZone, language);
    }
}
