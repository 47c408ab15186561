package dev.dunning.web;

import dev.dunning.cases.Debtor;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.Instalment;
import dev.dunning.cases.LatePaymentCharges;
import dev.dunning.cases.Money;
import dev.dunning.cases.Offer;
import dev.dunning.cases.Timeline;
import dev.dunning.communications.Communications;
import dev.dunning.outreach.WorkTask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The case as the API shows it. */
record CaseView(String caseId, String invoiceNumber, Debtor debtor, String status, String stage, MoneyView amountDue,
                MoneyView outstanding, LocalDate dueDate, Instant openedAt, Instant closedAt, OfferView offer,
                List<InstalmentView> instalments, List<CommunicationView> communications, List<TaskView> tasks,
                List<Timeline.Entry> timeline, ChargesView charges, MoneyView outstandingWithCharges, String offerLink) {

    /** Statutory late-payment charges (business debtors); {@code waived} when an accepted discount stands. */
    record ChargesView(String regime, String annualRatePercent, MoneyView interest, MoneyView compensation, MoneyView total,
                       long daysLate, LocalDate asOf, boolean waived) {
        static ChargesView of(LatePaymentCharges.Charges c) {
            return new ChargesView(c.regime(), c.annualRatePercent().stripTrailingZeros().toPlainString(),
                    MoneyView.of(c.interest()), MoneyView.of(c.compensation()), MoneyView.of(c.total()), c.daysLate(),
                    c.asOf(), c.waived());
        }
    }

    record MoneyView(String amount, String currency) {
        static MoneyView of(Money m) {
            return new MoneyView(m.amountText(), m.currency().getCurrencyCode());
        }
    }

    record OptionView(String option, MoneyView amount, LocalDate payBy, Integer instalments, String interval) {}

    record OfferView(List<OptionView> options, Instant validUntil, String status, String accepted) {}

    record InstalmentView(int number, MoneyView amount, LocalDate dueDate, String status) {}

    record CommunicationView(long id, String channel, String purpose, String status, Instant at, String statusReason,
                             Instant deferredUntil, Instant sentAt, String language) {}

    record TaskView(String taskId, String caseId, String type, String status, Instant createdAt, Instant dueAt,
                    String outcome, LocalDate promisedDate, String promisedAmount, String assignee) {
        static TaskView of(WorkTask t) {
            return new TaskView(t.id(), t.caseId(), t.type().name(), t.status().name(), t.createdAt(), t.dueAt(),
                    t.outcome(), t.promisedDate(), t.promisedAmount() == null ? null : t.promisedAmount().stripTrailingZeros()
                            .setScale(Math.max(2, t.promisedAmount().stripTrailingZeros().scale())).toPlainString(), t.assignee());
        }
    }

    static CaseView summary(DunningCase c) {
        return of(c, null, null, null, null, null);
    }

    static CaseView of(DunningCase c, List<Communications.Communication> communications, List<WorkTask> tasks,
                       List<Timeline.Entry> timeline, LatePaymentCharges.Charges charges, String offerLink) {
        return new CaseView(c.id().value(), c.invoiceNumber(), c.debtor(), c.status().name(), c.stage().name(),
                MoneyView.of(c.amountDue()), MoneyView.of(c.outstanding()), c.dueDate(), c.openedAt(), c.closedAt(),
                offer(c), c.instalments().stream().map(i -> instalment(c, i)).toList(),
                communications == null ? null : communications.stream().map(m -> new CommunicationView(m.id(),
                        m.channel().name(), m.purpose().name(), m.status(), m.at(), m.statusReason(), m.deferredUntil(), m.sentAt(),
                        m.language())).toList(),
                tasks == null ? null : tasks.stream().map(TaskView::of).toList(),
                timeline, charges == null ? null : ChargesView.of(charges),
                charges == null ? null : MoneyView.of(c.outstanding().plus(charges.total())), offerLink);
    }

    private static InstalmentView instalment(DunningCase c, Instalment i) {
        return new InstalmentView(i.number(), MoneyView.of(new Money(i.amount(), c.currency())), i.dueDate(), i.status().name());
    }

    private static OfferView offer(DunningCase c) {
        Offer o = c.offer();
        if (o == null) return null;
        List<OptionView> options = new ArrayList<>();
        if (o.offersDiscount()) {
            options.add(new OptionView("DISCOUNT", MoneyView.of(new Money(o.discountAmount(), c.currency())),
                    o.discountDueDate(), null, null));
        }
        if (o.offersInstalments()) {
            options.add(new OptionView("INSTALMENTS", MoneyView.of(c.outstanding()), null, o.instalmentCount(),
                    o.instalmentInterval()));
        }
        return new OfferView(options, o.validUntil(), o.status().name(),
                o.acceptedOption() == null ? null : o.acceptedOption().name());
    }
}
