package dev.dunning.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The incentive offer; its terms come from the model (DMN), the amounts are computed from the case. */
public record Offer(
        BigDecimal discountPercent,
        BigDecimal discountAmount,
        LocalDate discountDueDate,
        Integer instalmentCount,
        String instalmentInterval,
        Instant validUntil,
        OfferStatus status,
        OfferOption acceptedOption) {

    public enum OfferStatus { OPEN, ACCEPTED, LAPSED, DEADLINE_MISSED }

    public boolean isOpenAt(Instant now) {
        return status == OfferStatus.OPEN && now.isBefore(validUntil);
    }

    public boolean offersInstalments() {
        return instalmentCount != null && instalmentCount > 0;
    }

    public boolean offersDiscount() {
        return discountAmount != null;
    }

    Offer withStatus(OfferStatus newStatus) {
        return new Offer(discountPercent, discountAmount, discountDueDate, instalmentCount, instalmentInterval, validUntil,
                newStatus, acceptedOption);
    }

    Offer accepted(OfferOption option) {
        return new Offer(discountPercent, discountAmount, discountDueDate, instalmentCount, instalmentInterval, validUntil,
                OfferStatus.ACCEPTED, option);
    }
}
