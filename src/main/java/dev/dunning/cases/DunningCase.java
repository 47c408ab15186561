package dev.dunning.cases;

import dev.dunning.cases.Instalment.InstalmentStatus;
import dev.dunning.cases.Offer.OfferStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The dunning case: the record of one overdue invoice. It keeps its own invariants (money in one currency, no
 * change once closed, offers accepted only while open); every change is also written to the case timeline by the
 * service that makes it.
 */
@Table("dunning_case")
public class DunningCase {

    @Id
    private String id;
    private String invoiceNumber;
    private String requestFingerprint;
    @Embedded.Nullable(prefix = "debtor_")
    private Debtor debtor;
    private String currency;
    private BigDecimal amountDue;
    private BigDecimal outstanding;
    private LocalDate dueDate;
    private LocalDate issuedDate;
    private CaseStatus status;
    private Stage stage;
    private Instant openedAt;
    private Instant closedAt;
    private Stage pausedStage;
    private int brokenPromises;
    @Embedded.Nullable(prefix = "offer_")
    private Offer offer;
    @MappedCollection(idColumn = "case_id", keyColumn = "idx")
    private List<Instalment> instalments = new ArrayList<>();
    @Version
    private Long version;

    @PersistenceCreator
    DunningCase() {
    }

    public static DunningCase open(CaseId id, String invoiceNumber, String fingerprint, Debtor debtor, Money amountDue,
                                   LocalDate dueDate, LocalDate issuedDate, Instant now) {
        if (amountDue.isNegative() || amountDue.isZero()) throw new IllegalArgumentException("amount due must be positive");
        DunningCase c = new DunningCase();
        c.id = id.value();
        c.invoiceNumber = invoiceNumber;
        c.requestFingerprint = fingerprint;
        c.debtor = debtor;
        c.currency = amountDue.currency().getCurrencyCode();
        c.amountDue = amountDue.amount();
        c.outstanding = amountDue.amount();
        c.dueDate = dueDate;
        c.issuedDate = issuedDate;
        c.status = CaseStatus.OPEN;
        c.stage = Stage.REMINDER;
        c.openedAt = now;
        return c;
    }

    // --- payments -------------------------------------------------------------------------------------------

    /** What a payment did to the case. */
    public record PaymentEffect(Money outstanding, boolean settled, boolean settledByDiscount) {}

    public PaymentEffect applyPayment(Money payment, Instant now) {
        if (!payment.currency().equals(currency())) throw new IllegalArgumentException("currency mismatch");
        Money paidSoFar = amountDue().minus(outstanding()).plus(payment);
        outstanding = outstanding().minusFloorZero(payment).amount();
        allocateToInstalments(payment.amount());
        boolean byDiscount = offer != null && offer.acceptedOption() == OfferOption.DISCOUNT
                && offer.status() == OfferStatus.ACCEPTED && paidSoFar.amount().compareTo(offer.discountAmount()) >= 0
                && outstanding.signum() > 0;
        boolean byInstalments = !instalments.isEmpty() && instalments.stream().allMatch(i -> i.status() == InstalmentStatus.PAID);
        boolean settled = outstanding.signum() == 0 || byDiscount || byInstalments;
        if (settled && isActive()) {
            if (byDiscount) outstanding = BigDecimal.ZERO;
            close(CaseStatus.PAID, now);
        }
        return new PaymentEffect(outstanding(), settled, byDiscount);
    }

    /** Oldest open instalment first; an overpayment flows into the next one. */
    private void allocateToInstalments(BigDecimal amount) {
        BigDecimal left = amount;
        for (int i = 0; i < instalments.size() && left.signum() > 0; i++) {
            Instalment inst = instalments.get(i);
            if (inst.status() == InstalmentStatus.PAID) continue;
            BigDecimal portion = left.min(inst.remaining());
            instalments.set(i, inst.pay(portion));
            left = left.subtract(portion);
        }
    }

    // --- disputes -------------------------------------------------------------------------------------------

    public void pauseForDispute() {
        requireStatus(CaseStatus.OPEN, "a dispute can only be raised on an open case");
        pausedStage = stage;
        status = CaseStatus.PAUSED;
    }

    /** Returns the stage the escalation resumes at. */
    public Stage resumeAfterDispute() {
        requireStatus(CaseStatus.PAUSED, "only a paused case can resume");
        status = CaseStatus.OPEN;
        Stage resumeAt = pausedStage != null ? pausedStage : stage;
        pausedStage = null;
        return resumeAt;
    }

    public void cancel(Instant now) {
        close(CaseStatus.CANCELLED, now);
    }

    // --- stages ---------------------------------------------------------------------------------------------

    public void enterStage(Stage next) {
        if (status.isFinal()) throw new IllegalStateException("case " + id + " is " + status);
        stage = next;
    }

    public void makeOffer(BigDecimal discountPercent, Period discountPayWithin, int instalmentCount,
                          String instalmentInterval, Instant validUntil, LocalDate today) {
        requireStatus(CaseStatus.OPEN, "an offer can only be made on an open case");
        BigDecimal discountAmount = discountPercent != null && discountPercent.signum() > 0
                ? outstanding().percentOff(discountPercent).amount() : null;
        offer = new Offer(discountPercent, discountAmount, discountAmount != null ? today.plus(discountPayWithin) : null,
                instalmentCount, instalmentInterval, validUntil, OfferStatus.OPEN, null);
        stage = Stage.INCENTIVE_OFFER;
    }

    public void acceptOffer(OfferOption option, Instant now, LocalDate today) {
        if (offer == null || !offer.isOpenAt(now) || status != CaseStatus.OPEN) {
            throw new IllegalStateException("there is no open offer on case " + id);
        }
        if (option == OfferOption.DISCOUNT && !offer.offersDiscount()
                || option == OfferOption.INSTALMENTS && !offer.offersInstalments()) {
            throw new IllegalStateException("the offer on case " + id + " has no " + option + " option");
        }
        offer = offer.accepted(option);
        if (option == OfferOption.INSTALMENTS) {
            List<Instalment> plan = instalmentPlanIfAcceptedOn(today);
            instalments.clear();
            instalments.addAll(plan);
        }
    }

    /** The plan the instalment option gives when accepted on that day: even split in minor units, remainder last. */
    public List<Instalment> instalmentPlanIfAcceptedOn(LocalDate today) {
        if (offer == null || !offer.offersInstalments()) return List.of();
        Period interval = Period.parse(offer.instalmentInterval());
        List<Money> parts = outstanding().split(offer.instalmentCount());
        List<Instalment> plan = new ArrayList<>();
        for (int n = 1; n <= parts.size(); n++) {
            LocalDate due = today.plus(interval.multipliedBy(n));
            plan.add(new Instalment(n, parts.get(n - 1).amount(), BigDecimal.ZERO, due, InstalmentStatus.OPEN));
        }
        return plan;
    }

    public void lapseOffer(OfferStatus why) {
        if (offer != null && offer.status() != why) offer = offer.withStatus(why);
    }

    /** Past its due date and not fully paid: LATE (until paid, or missed after the grace period). Tells whether it changed. */
    public boolean markInstalmentLate(int number) {
        for (int i = 0; i < instalments.size(); i++) {
            Instalment inst = instalments.get(i);
            if (inst.number() == number) {
                if (inst.status() != InstalmentStatus.OPEN) return false;
                instalments.set(i, inst.withStatus(InstalmentStatus.LATE));
                return true;
            }
        }
        throw new IllegalArgumentException("case " + id + " has no instalment " + number);
    }

    /** Marks the instalment missed (or keeps it paid) and tells whether it was paid. */
    public boolean checkInstalment(int number) {
        for (int i = 0; i < instalments.size(); i++) {
            Instalment inst = instalments.get(i);
            if (inst.number() == number) {
                if (inst.status() == InstalmentStatus.PAID) return true;
                instalments.set(i, inst.withStatus(InstalmentStatus.MISSED));
                return false;
            }
        }
        throw new IllegalArgumentException("case " + id + " has no instalment " + number);
    }

    public void recordBrokenPromise() {
        brokenPromises++;
    }

    public void updateContact(String newEmail, Address newAddress) {
        debtor = debtor.withNewContact(newEmail, newAddress);
    }

    public void handOverToLegal() {
        requireStatus(CaseStatus.OPEN, "only an open case can be handed to legal");
        status = CaseStatus.IN_LEGAL;
        stage = Stage.LEGAL_HANDOFF;
    }

    public void writeOff(Instant now) {
        close(CaseStatus.WRITTEN_OFF, now);
    }

    private void close(CaseStatus finalStatus, Instant now) {
        if (status.isFinal()) throw new IllegalStateException("case " + id + " is already " + status);
        status = finalStatus;
        stage = Stage.CLOSED;
        closedAt = now;
    }

    private void requireStatus(CaseStatus expected, String message) {
        if (status != expected) throw new IllegalStateException(message + " (case " + id + " is " + status + ")");
    }

    /** Open or paused: the escalation may still act on the case. */
    public boolean isActive() {
        return status == CaseStatus.OPEN || status == CaseStatus.PAUSED;
    }

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    // --- read side ------------------------------------------------------------------------------------------

    public CaseId id() { return new CaseId(id); }
    public String invoiceNumber() { return invoiceNumber; }
    public String requestFingerprint() { return requestFingerprint; }
    public Debtor debtor() { return debtor; }
    public Currency currency() { return Currency.getInstance(currency); }
    public Money amountDue() { return new Money(amountDue, currency()); }
    public Money outstanding() { return new Money(outstanding, currency()); }
    public Money paid() { return amountDue().minus(outstanding()); }
    public LocalDate dueDate() { return dueDate; }
    public LocalDate issuedDate() { return issuedDate; }
    public CaseStatus status() { return status; }
    public Stage stage() { return stage; }
    public Instant openedAt() { return openedAt; }
    public Instant closedAt() { return closedAt; }
    public int brokenPromises() { return brokenPromises; }
    public Offer offer() { return offer; }
    public List<Instalment> instalments() { return List.copyOf(instalments); }
}
