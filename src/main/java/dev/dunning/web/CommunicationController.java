package dev.dunning.web;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseTransactions;
import dev.dunning.cases.Timeline;
import dev.dunning.communications.Bounces;
import dev.dunning.communications.Channel;
import dev.dunning.communications.Communications;
import dev.dunning.communications.ContactRegistry;
import dev.dunning.communications.OptOutTokens;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** Rendered documents, cease-communication requests, opt-outs (API and signed link) and bounce reports. */
@RestController
class CommunicationController {

    static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private final Communications communications;
    private final ContactRegistry contacts;
    private final OptOutTokens tokens;
    private final CaseTransactions cases;
    private final Timeline timeline;
    private final Bounces bounces;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    CommunicationController(Communications communications, ContactRegistry contacts, OptOutTokens tokens,
                            CaseTransactions cases, Timeline timeline, Bounces bounces, JdbcClient jdbc,
                            TransactionTemplate tx, Clock clock) {
        this.communications = communications;
        this.contacts = contacts;
        this.tokens = tokens;
        this.cases = cases;
        this.timeline = timeline;
        this.bounces = bounces;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @GetMapping("/api/dunning-cases/{caseId}/communications/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable String caseId, @PathVariable long id) {
        var document = communications.document(new CaseId(caseId), id)
                .orElseThrow(() -> new NotFound("case " + caseId + " has no rendered communication " + id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.contentType())).body(document.content());
    }

    @PostMapping("/api/dunning-cases/{caseId}/cease-communication")
    ResponseEntity<Map<String, Object>> cease(@PathVariable String caseId, @Valid @RequestBody(required = false) CaseRequests.CeaseBody body) {
        String note = body == null ? null : body.note();
        boolean added = cases.change(new CaseId(caseId), c -> {
            boolean fresh = contacts.cease(c.id(), note);
            if (fresh) {
                timeline.record(c.id(), "COMMUNICATION_CEASED", "rule " + ContactRegistry.RULE_CEASE
                        + ": written request to cease communication received; only a final notice may follow"
                        + (note != null && !note.isBlank() ? " (" + note + ")" : ""));
            }
            return fresh;
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("caseId", caseId, "ceased", true, "new", added));
    }

    @PostMapping("/api/debtors/{reference}/opt-outs")
    ResponseEntity<Map<String, Object>> optOut(@PathVariable String reference, @Valid @RequestBody CaseRequests.OptOutBody body) {
        boolean added = recordOptOut(reference, body.channel(), "api");
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("reference", reference, "channel", body.channel().name(), "optedOut", true));
    }

    @GetMapping(value = "/opt-out/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> optOutLink(@PathVariable String token) {
        var optOut = tokens.verify(token);
        if (optOut.isEmpty() || debtorCases(optOut.get().debtorReference()).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body(page("Link not valid", "This opt-out link is not valid. Please contact us."));
        }
        recordOptOut(optOut.get().debtorReference(), optOut.get().channel(), "signed opt-out link");
        String channel = optOut.get().channel() == Channel.EMAIL ? "emails" : optOut.get().channel() == Channel.SMS ? "text messages" : "letters";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .body(page("You are opted out", "We will not send you " + channel + " any more."));
    }

    @PostMapping("/api/communications/{id}/bounce")
    ResponseEntity<Map<String, Object>> bounce(@PathVariable long id, @Valid @RequestBody CaseRequests.BounceBody body) {
        bounces.bounce(id, body.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id, "status", "BOUNCED"));
    }

    private boolean recordOptOut(String reference, Channel channel, String source) {
        List<String> caseIds = debtorCases(reference);
        if (caseIds.isEmpty()) throw new NotFound("no debtor with reference " + reference);
        Boolean added = tx.execute(s -> {
            boolean fresh = contacts.recordOptOut(reference, channel, source);
            if (fresh) {
                for (String caseId : caseIds) {
                    timeline.record(new CaseId(caseId), "OPT_OUT_RECORDED", "rule " + ContactRegistry.RULE_OPT_OUT + ": debtor "
                            + reference + " opted out of " + channel + " (" + source + "); the channel is not used again");
                }
            }
            return fresh;
        });
        return Boolean.TRUE.equals(added);
    }

    private List<String> debtorCases(String reference) {
        return jdbc.sql("SELECT id FROM dunning_case WHERE debtor_reference = :ref ORDER BY opened_at")
                .param("ref", reference).query(String.class).list();
    }

    private static String page(String title, String text) {
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + HtmlUtils.htmlEscape(title) + "</title></head>"
                + "<body style=\"font-family: sans-serif\"><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
                + HtmlUtils.htmlEscape(text) + "</p></body></html>";
    }
}
