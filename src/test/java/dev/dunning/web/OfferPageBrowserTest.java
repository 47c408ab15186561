package dev.dunning.web;

import static dev.dunning.support.DunningApi.purposes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.cases.CaseId;
import dev.dunning.offers.OfferLinks;
import dev.dunning.support.DunningApi;
import dev.dunning.support.EngineRecords;
import dev.dunning.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The debtor's offer page in headless Chromium (Debian packages chromium and chromium-driver): what the debtor sees
 * for a valid link in English and German, accepting each option, and expired, tampered and used links.
 */
@IntegrationTest
class OfferPageBrowserTest {

    static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    static final DateTimeFormatter DE_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN);

    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    OfferLinks links;
    @Autowired
    Clock clock;
    DunningApi api;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @BeforeEach
    void setUp() {
        api = new DunningApi(port);
    }

    @Test
    void debtorsSeeTheirOfferAcceptItAndCannotUseTheLinkTwice() {
        // given two cases that reach the offer stage together: an English consumer and a German business
        LocalDate due = LocalDate.now(clock).minusDays(30);
        String en = api.openCase(request("CONSUMER", "en", "120.00", due)).get("caseId").asText();
        String de = api.openCase(request("BUSINESS", "de", "1200.00", due)).get("caseId").asText();
        reachOffer(en, de);

        // the English consumer opens the link from the offer email
        JsonNode enCase = api.getCase(en);
        String link = enCase.get("offerLink").asText();
        assertThat(link).startsWith("http://localhost:8080/offers/");
        browser.get(local(link));
        LocalDate payBy = LocalDate.parse(enCase.at("/offer/options/0/payBy").asText());
        LocalDate today = LocalDate.now(clock);
        assertThat(browser.getTitle()).isEqualTo("Your payment offer");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text("amount-due")).isEqualTo("€120.00");
        assertThat(text("outstanding")).isEqualTo("€120.00");
        assertThat(browser.findElements(By.id("charges"))).isEmpty(); // consumers pay no statutory charges
        assertThat(text("option-discount")).contains("Pay at once with a 5 % discount")
                .contains("Pay €114.00 by " + EN_DATE.format(payBy));
        assertThat(rows()).containsExactly(
                "1 €40.00 " + EN_DATE.format(today.plusMonths(1)),
                "2 €40.00 " + EN_DATE.format(today.plusMonths(2)),
                "3 €40.00 " + EN_DATE.format(today.plusMonths(3)));

        // accepts the instalment plan without any JavaScript involved: a plain form post
        submitWith("accept-instalments");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you, your choice is recorded");
        assertThat(rows()).hasSize(3).first().asString().startsWith("1 €40.00");
        JsonNode accepted = api.awaitCase(en, c -> c.get("instalments").size() == 3);
        assertThat(accepted.at("/offer/status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.at("/offer/accepted").asText()).isEqualTo("INSTALMENTS");
        assertThat(accepted.at("/instalments/0/dueDate").asText()).isEqualTo(today.plusMonths(1).toString());
        assertThat(DunningApi.timelineTypes(accepted)).contains("OFFER_ACCEPTED");
        await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.completedElements(en).contains("Msg_OfferAccepted_Catch"));

        // the same link again: already used, and it says what was chosen
        browser.get(local(link));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You have already accepted this offer");
        assertThat(rows()).hasSize(3);
        assertNoStackTrace();

        // the German business debtor sees German, with statutory charges, and takes the discount, which waives them
        JsonNode deCase = api.getCase(de);
        assertThat(deCase.at("/charges/regime").asText()).isEqualTo("EU");
        browser.get(local(deCase.get("offerLink").asText()));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.getTitle()).isEqualTo("Ihr Zahlungsangebot");
        assertThat(text("amount-due")).isEqualTo("1.200,00 €");
        assertThat(text("charges")).isEqualTo(euro(deCase.at("/charges/total/amount").asText()));
        assertThat(text("total")).isEqualTo(euro(deCase.at("/outstandingWithCharges/amount").asText()));
        LocalDate dePayBy = LocalDate.parse(deCase.at("/offer/options/0/payBy").asText());
        assertThat(text("option-discount")).contains("Zahlen Sie 1.140,00 € bis zum " + DE_DATE.format(dePayBy))
                .contains("Auch die Verzugskosten entfallen.");
        assertThat(rows()).first().asString().isEqualTo("1 400,00 € " + DE_DATE.format(today.plusMonths(1)));
        submitWith("accept-discount");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vielen Dank, Ihre Wahl ist gespeichert");
        assertThat(text("accepted-discount")).isEqualTo("Bitte zahlen Sie 1.140,00 € bis zum " + DE_DATE.format(dePayBy) + ".");
        JsonNode waived = api.awaitCase(de, c -> "DISCOUNT".equals(c.at("/offer/accepted").asText()));
        assertThat(waived.at("/charges/waived").asBoolean()).isTrue();
        assertThat(waived.at("/charges/total/amount").asText()).isEqualTo("0.00");
        assertThat(waived.has("offerLink")).isFalse(); // no open offer, no link on the case
    }

    @Test
    void expiredAndTamperedLinksGetAClearPage() {
        String caseId = UUID.randomUUID().toString();
        String expired = links.token(new CaseId(caseId), clock.instant().minusSeconds(1));
        browser.get(base() + "/offers/" + expired);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This offer has expired");
        assertThat(text("reason")).contains("Please contact us");
        assertNoStackTrace();

        String valid = links.token(new CaseId(caseId), clock.instant().plus(Duration.ofDays(10)));
        // a changed signature
        String badSignature = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        // a changed payload (another case, or a later expiry) under the original signature
        String otherPayload = links.token(new CaseId(UUID.randomUUID().toString()), clock.instant().plus(Duration.ofDays(10)))
                .split("\\.")[0] + "." + valid.split("\\.")[1];
        String extendedExpiry = links.token(new CaseId(caseId), clock.instant().plus(Duration.ofDays(400)))
                .split("\\.")[0] + "." + links.token(new CaseId(caseId), clock.instant().minusSeconds(60)).split("\\.")[1];
        for (String tampered : List.of(badSignature, otherPayload, extendedExpiry, "garbage", "a.b.c")) {
            browser.get(base() + "/offers/" + tampered);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(tampered).isEqualTo("This link is not valid");
            assertNoStackTrace();
        }
    }

    private void reachOffer(String... caseIds) {
        for (String id : caseIds) {
            api.awaitCase(id, c -> purposes(c).contains("REMINDER_1"));
            await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(id, "Timer_Reminder2Due"));
        }
        api.advanceClock("P7D");
        for (String id : caseIds) {
            await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(id, "Timer_OfferDue"));
        }
        api.advanceClock("P7D");
        for (String id : caseIds) {
            await().atMost(DunningApi.PATIENCE).until(() -> EngineRecords.isWaitingAt(id, "Gateway_AwaitOfferResponse"));
        }
    }

    /** Whether the element left the document; newer ChromeDrivers report that as an unknown error, not as stale. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) return true;
            throw e;
        }
    }

    /** Clicks a submit button and waits until the browser shows the page the post answered with. */
    private static void submitWith(String buttonId) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.id(buttonId)).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> isGone(page));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The link names the public base URL; the test server runs on a random port. */
    private String local(String link) {
        return link.replace("http://localhost:8080", base());
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static List<String> rows() {
        return browser.findElements(By.cssSelector("tr.instalment")).stream().map(WebElement::getText)
                .map(t -> t.replace('\u00a0', ' ').replace('\u202f', ' ')).toList();
    }

    private static String euro(String plain) {
        // 1234.56 -> 1.234,56 €
        var n = new java.math.BigDecimal(plain);
        var f = java.text.NumberFormat.getNumberInstance(Locale.GERMAN);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(n) + " €";
    }

    private static void assertNoStackTrace() {
        String source = browser.getPageSource();
        assertThat(source).doesNotContain("Exception").doesNotContain("at dev.dunning").doesNotContain("Whitelabel");
    }

    static Map<String, Object> request(String type, String language, String amount, LocalDate due) {
        return Map.of(
                "invoiceNumber", "INV-" + UUID.randomUUID().toString().substring(0, 8),
                "debtor", Map.of("reference", "D-PAGE-" + UUID.randomUUID().toString().substring(0, 6), "type", type,
                        "name", "Ada Debtor", "email", "ada@example.com", "language", language,
                        "address", Map.of("line1", "Hauptstr. 1", "postalCode", "10115", "city", "Berlin", "country", "DE")),
                "amountDue", Map.of("amount", amount, "currency", "EUR"),
                "dueDate", due.toString());
    }
}
