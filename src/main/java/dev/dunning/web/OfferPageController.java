package dev.dunning.web;

import dev.dunning.cases.CaseCharges;
import dev.dunning.cases.CaseNotFoundException;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.DunningCases;
import dev.dunning.cases.Instalment;
import dev.dunning.cases.LatePaymentCharges;
import dev.dunning.cases.Money;
import dev.dunning.cases.Offer;
import dev.dunning.cases.OfferOption;
import dev.dunning.offers.OfferAcceptance;
import dev.dunning.offers.OfferLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The debtor's offer page {@code /offers/{token}}: public (the signed token is the permission), server-rendered,
 * no JavaScript. It shows the debt and both options with exact amounts and dates in the debtor's language (en, de;
 * English otherwise), and accepting calls the same {@link OfferAcceptance#accept} as the REST endpoint. Expired,
 * tampered and used links, and anything unexpected, get a page that says so.
 */
@Controller
class OfferPageController {

    private static final Logger log = LoggerFactory.getLogger(OfferPageController.class);
    private static final Set<String> LANGUAGES = Set.of("en", "de");

    /** One option as the page shows it; amounts and dates already formatted for the debtor. */
    record OptionLine(String label, String amount, String date) {}

    record Page(String invoiceNumber, String debtorName, String amountDue, String paid, String outstanding,
                String charges, String total, boolean chargesWaivedByDiscount, String validUntil,
                boolean discount, String discountPercent, String discountAmount, String discountPayBy,
                boolean instalments, int instalmentCount, List<OptionLine> plan) {}

    private final OfferLinks links;
    private final DunningCases cases;
    private final OfferAcceptance acceptance;
    private final CaseCharges charges;
    private final Clock clock;

    OfferPageController(OfferLinks links, DunningCases cases, OfferAcceptance acceptance, CaseCharges charges, Clock clock) {
        this.links = links;
        this.cases = cases;
        this.acceptance = acceptance;
        this.charges = charges;
        this.clock = clock;
    }

    @GetMapping("/offers/{token}")
    String show(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        DunningCase c = caseOf(token);
        Locale locale = speak(c, request);
        Offer offer = c.offer();
        if (offer == null || !offer.isOpenAt(clock.instant()) || !c.isOpen()) return closed(c, locale, model, response);
        model.addAttribute("page", page(c, locale));
        model.addAttribute("token", token);
        return "offer";
    }

    @PostMapping("/offers/{token}")
    String accept(@PathVariable String token, @RequestParam(required = false) String option, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        DunningCase c = caseOf(token);
        Locale locale = speak(c, request);
        OfferOption chosen;
        try {
            chosen = OfferOption.valueOf(String.valueOf(option));
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            model.addAttribute("reason", "invalid");
            return "offer-unavailable";
        }
        DunningCase accepted;
        try {
            accepted = acceptance.accept(c.id(), chosen);
        } catch (OfferAcceptance.NoOpenOffer e) {
            return closed(cases.get(c.id()), locale, model, response);
        }
        model.addAttribute("page", page(accepted, locale));
        model.addAttribute("accepted", chosen.name());
        return "offer-accepted";
    }

    @ExceptionHandler(OfferLinks.InvalidToken.class)
    String invalidToken(OfferLinks.InvalidToken e, Model model, HttpServletResponse response) {
        boolean expired = e.reason() == OfferLinks.Rejection.EXPIRED;
        response.setStatus(expired ? 410 : 404);
        model.addAttribute("reason", expired ? "expired" : "tampered");
        return "offer-unavailable";
    }

    @ExceptionHandler(CaseNotFoundException.class)
    String unknownCase(Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("reason", "tampered");
        return "offer-unavailable";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("offer page failed", e);
        response.setStatus(500);
        model.addAttribute("reason", "error");
        return "offer-unavailable";
    }

    private DunningCase caseOf(String token) {
        return cases.get(links.verify(token).caseId());
    }

    private static Locale speak(DunningCase c, HttpServletRequest request) {
        String language = c.debtor().language();
        Locale locale = language != null && LANGUAGES.contains(language) ? Locale.of(language) : Locale.ENGLISH;
        request.setAttribute(DebtorLocaleResolver.ATTRIBUTE, locale);
        return locale;
    }

    private String closed(DunningCase c, Locale locale, Model model, HttpServletResponse response) {
        Offer offer = c.offer();
        boolean used = offer != null && offer.status() == Offer.OfferStatus.ACCEPTED;
        response.setStatus(used ? 409 : 410);
        model.addAttribute("reason", used ? "used" : "expired");
        if (used) {
            model.addAttribute("page", page(c, locale));
            model.addAttribute("accepted", offer.acceptedOption().name());
        }
        return "offer-unavailable";
    }

    private Page page(DunningCase c, Locale locale) {
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(c.currency());
        money.setMinimumFractionDigits(c.currency().getDefaultFractionDigits());
        money.setMaximumFractionDigits(c.currency().getDefaultFractionDigits());
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        ZoneId zone = c.debtor().timeZone() != null ? ZoneId.of(c.debtor().timeZone()) : ZoneOffset.UTC;
        Offer o = c.offer();
        LatePaymentCharges.Charges ch = charges.of(c).orElse(null);
        boolean hasCharges = ch != null && ch.total().amount().signum() > 0;
        Money total = hasCharges ? c.outstanding().plus(ch.total()) : c.outstanding();
        LocalDate today = LocalDate.now(clock);
        List<Instalment> plan = o.acceptedOption() == OfferOption.INSTALMENTS ? c.instalments() : c.instalmentPlanIfAcceptedOn(today);
        List<OptionLine> lines = plan.stream().map(i -> new OptionLine(String.valueOf(i.number()),
                money.format(i.amount()), date.format(i.dueDate()))).toList();
        // the validity ends at an instant; the debtor sees the last whole day in their zone
        LocalDate lastDay = o.validUntil().minusNanos(1).atZone(zone).toLocalDate();
        boolean waived = ch != null && (ch.waived() || hasCharges);
        return new Page(c.invoiceNumber(), c.debtor().name(), money.format(c.amountDue().amount()),
                money.format(c.paid().amount()), money.format(c.outstanding().amount()),
                hasCharges ? money.format(ch.total().amount()) : null, money.format(total.amount()), waived && o.offersDiscount(),
                date.format(lastDay), o.offersDiscount(),
                o.discountPercent() == null ? null : NumberFormat.getNumberInstance(locale).format(o.discountPercent()),
                o.offersDiscount() ? money.format(o.discountAmount()) : null,
                o.discountDueDate() == null ? null : date.format(o.discountDueDate()),
                o.offersInstalments(), o.offersInstalments() ? o.instalmentCount() : 0, lines);
    }
}
