package dev.dunning.communications;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.Money;
import dev.dunning.cases.Offer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders every communication from Thymeleaf templates: {@code email.html} + {@code email.txt} (a multipart email),
 * {@code sms.txt}, and {@code letter.html} (XHTML, rendered to an A4 PDF). The wording per purpose and language is in
 * {@code messages.properties} / {@code messages_de.properties} next to the templates (English is the fallback). A
 * template named {@code <PURPOSE>/email.html} (and so on) replaces the general one for that purpose. Templates and
 * messages in {@code dunning.templates.directory} take precedence over the packaged defaults under
 * {@code templates/communications/}, so ops can change the wording without a rebuild.
 */
@Component
public class MessageRenderer {

    public static final String SMS_OPT_OUT_KEY = "sms.optOut";
    public static final int SMS_MAX_CHARS = 160;

    public record Rendered(String subject, String html, String text, byte[] pdf, String optOutLink) {}

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
    private final String directory;
    private final Creditor creditor;
    private final OptOutTokens optOut;
    private final Clock clock;

    public record Creditor(String name, String email, String phone, String address, String iban, String bic, String website) {}

    private final dev.dunning.offers.OfferLinks offerLinks;
    private final dev.dunning.cases.CaseCharges charges;
    private final dev.dunning.legal.LimitationPeriods limitation;

    MessageRenderer(@Value("${dunning.templates.directory:}") String directory,
                    @Value("${dunning.creditor.name}") String name, @Value("${dunning.creditor.email}") String email,
                    @Value("${dunning.creditor.phone}") String phone, @Value("${dunning.creditor.address}") String address,
                    @Value("${dunning.creditor.iban}") String iban, @Value("${dunning.creditor.bic}") String bic,
                    @Value("${dunning.creditor.website:}") String website,
                    OptOutTokens optOut, dev.dunning.offers.OfferLinks offerLinks, dev.dunning.cases.CaseCharges charges,
                    dev.dunning.legal.LimitationPeriods limitation, Clock clock) {
        this.limitation = limitation;
        this.offerLinks = offerLinks;
        this.charges = charges;
        this.directory = directory == null || directory.isBlank() ? null : new File(directory).getAbsolutePath();
        this.creditor = new Creditor(name, email, phone, address, iban, bic, website);
        this.optOut = optOut;
        this.clock = clock;
        int order = 1;
        if (this.directory != null) {
            templates.addTemplateResolver(resolver(new FileTemplateResolver(), this.directory + "/", "*.html", TemplateMode.HTML, order++));
            templates.addTemplateResolver(resolver(new FileTemplateResolver(), this.directory + "/", "*.txt", TemplateMode.TEXT, order++));
        }
        templates.addTemplateResolver(resolver(new ClassLoaderTemplateResolver(), "templates/communications/", "*.html", TemplateMode.HTML, order++));
        templates.addTemplateResolver(resolver(new ClassLoaderTemplateResolver(), "templates/communications/", "*.txt", TemplateMode.TEXT, order));
        messages.setBasenames(this.directory != null
                ? new String[] {"file:" + this.directory + "/messages", "classpath:templates/communications/messages"}
                : new String[] {"classpath:templates/communications/messages"});
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setCacheSeconds(60);
        templates.setTemplateEngineMessageSource(messages);
    }

    private static AbstractConfigurableTemplateResolver resolver(AbstractConfigurableTemplateResolver r, String prefix,
                                                                 String pattern, TemplateMode mode, int order) {
        r.setPrefix(prefix);
        r.setResolvablePatterns(Set.of(pattern));
        r.setTemplateMode(mode);
        r.setCharacterEncoding("UTF-8");
        r.setCheckExistence(true);
        r.setCacheable(true);
        r.setCacheTTLMs(60_000L);
        r.setOrder(order);
        return r;
    }

    public static Locale localeOf(String language) {
        return language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language);
    }

    public Rendered render(DunningCase c, Purpose purpose, int sequence, Channel channel, String language) {
        Locale locale = localeOf(language);
        Context ctx = new Context(locale, model(c, purpose, sequence, channel, locale));
        String subject = messages.getMessage(purpose.name() + ".subject", new Object[] {c.invoiceNumber()}, locale);
        String optOutLink = (String) ctx.getVariable("optOutLink");
        return switch (channel) {
            case EMAIL -> new Rendered(subject, process(purpose, "email.html", ctx), process(purpose, "email.txt", ctx), null, optOutLink);
            case SMS -> new Rendered(subject, null, sms(process(purpose, "sms.txt", ctx), locale), null, optOutLink);
            case LETTER -> {
                String xhtml = process(purpose, "letter.html", ctx);
                yield new Rendered(subject, xhtml, null, pdf(xhtml), null);
            }
        };
    }

    private String process(Purpose purpose, String template, Context ctx) {
        String specific = purpose.name() + "/" + template;
        return templates.process(exists(specific) ? specific : template, ctx).strip();
    }

    private boolean exists(String template) {
        if (directory != null && new File(directory, template).isFile()) return true;
        return getClass().getClassLoader().getResource("templates/communications/" + template) != null;
    }

    /** The SMS text, shortened so that it fits one message together with the opt-out instruction. */
    String sms(String body, Locale locale) {
        String optOutText = messages.getMessage(SMS_OPT_OUT_KEY, null, locale);
        String text = body.replaceAll("\\s+", " ").strip();
        int room = SMS_MAX_CHARS - optOutText.length() - 1;
        if (text.length() > room) text = text.substring(0, room - 3).strip() + "..."; // "…" is not GSM-7
        return text + " " + optOutText;
    }

    private Map<String, Object> model(DunningCase c, Purpose purpose, int sequence, Channel channel, Locale locale) {
        Map<String, Object> m = new HashMap<>();
        m.put("purpose", purpose.name());
        m.put("level", switch (purpose) {
            case REMINDER_1, INSTALMENT_REMINDER -> 1;
            case REMINDER_2 -> 2;
            case OFFER -> 3;
            case FINAL_NOTICE -> 4;
        });
        m.put("sequence", sequence);
        m.put("debtorName", c.debtor().name());
        m.put("addressLines", c.debtor().address() == null ? List.of() : addressLines(c));
        m.put("invoiceNumber", c.invoiceNumber());
        m.put("amountDue", money(c.amountDue(), locale));
        m.put("outstanding", money(c.outstanding(), locale));
        m.put("dueDate", date(c.dueDate(), locale));
        m.put("today", date(LocalDate.now(clock), locale));
        m.put("creditorName", creditor.name());
        m.put("creditorEmail", creditor.email());
        m.put("creditorPhone", creditor.phone());
        m.put("creditorAddress", creditor.address());
        m.put("creditorIban", creditor.iban());
        m.put("creditorBic", creditor.bic());
        m.put("creditorWebsite", creditor.website());
        Offer offer = c.offer();
        if (offer != null) {
            if (offer.discountAmount() != null) {
                m.put("discountAmount", money(new Money(offer.discountAmount(), c.currency()), locale));
                m.put("discountDueDate", date(offer.discountDueDate(), locale));
            }
            m.put("instalmentCount", offer.instalmentCount());
            if (offer.validUntil() != null) m.put("offerValidUntil", date(LocalDate.ofInstant(offer.validUntil(), clock.getZone()), locale));
            // the debtor's own page to accept the offer, signed and valid as long as the offer
            if (purpose == Purpose.OFFER && channel != Channel.SMS) offerLinks.linkFor(c).ifPresent(link -> m.put("offerLink", link));
        }
        // a time-barred debt gets no threatening text: no legal action will follow
        m.put("timeBarred", limitation.hasExpired(c, LocalDate.now(clock)));
        charges.of(c).filter(ch -> !ch.total().isZero()).ifPresent(ch -> m.put("charges", money(ch.total(), locale)));
        if (purpose == Purpose.INSTALMENT_REMINDER) {
            c.instalments().stream().filter(i -> i.number() == sequence).findFirst().ifPresent(i -> {
                m.put("instalmentAmount", money(new Money(i.amount(), c.currency()), locale));
                m.put("instalmentDueDate", date(i.dueDate(), locale));
            });
        }
        if (channel != Channel.LETTER) m.put("optOutLink", optOut.link(c.debtor().reference(), channel));
        return m;
    }

    private static List<String> addressLines(DunningCase c) {
        var a = c.debtor().address();
        return java.util.stream.Stream.of(c.debtor().name(), a.line1(), a.line2(), a.postalCode() + " " + a.city(),
                new Locale("", a.country()).getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT))
                .filter(s -> s != null && !s.isBlank()).toList();
    }

    public static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty()
                ? Locale.forLanguageTag(locale.getLanguage() + "-" + defaultCountry(locale.getLanguage())) : locale);
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        return format.format(money.amount() == null ? BigDecimal.ZERO : money.amount());
    }

    private static String defaultCountry(String language) {
        return switch (language) {
            case "de" -> "DE";
            case "fr" -> "FR";
            case "en" -> "IE"; // English in Europe: "€120.00"
            default -> language.toUpperCase(Locale.ROOT);
        };
    }

    private static String date(LocalDate date, Locale locale) {
        return date == null ? "" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private static byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("the letter template did not render to a PDF: " + e.getMessage(), e);
        }
    }
}
