package dev.dunning.web;

import dev.dunning.cases.CaseCharges;
import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseOpening;
import dev.dunning.cases.CaseStatus;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.DunningCases;
import dev.dunning.cases.Money;
import dev.dunning.cases.Stage;
import dev.dunning.cases.Timeline;
import dev.dunning.communications.Communications;
import dev.dunning.disputes.DisputeIntake;
import dev.dunning.offers.OfferAcceptance;
import dev.dunning.offers.OfferLinks;
import dev.dunning.outreach.WorkTasks;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/dunning-cases")
class DunningCaseController {

    private final CaseOpening opening;
    private final DunningCases cases;
    private final Communications communications;
    private final WorkTasks tasks;
    private final Timeline timeline;
    private final OfferAcceptance offers;
    private final DisputeIntake disputes;
    private final Clock clock;
    private final CaseCharges charges;
    private final OfferLinks links;

    DunningCaseController(CaseOpening opening, DunningCases cases, Communications communications, WorkTasks tasks,
                          Timeline timeline, OfferAcceptance offers, DisputeIntake disputes, Clock clock,
                          CaseCharges charges, OfferLinks links) {
        this.charges = charges;
        this.links = links;
        this.opening = opening;
        this.cases = cases;
        this.communications = communications;
        this.tasks = tasks;
        this.timeline = timeline;
        this.offers = offers;
        this.disputes = disputes;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<CaseView> open(@Valid @RequestBody CaseRequests.OpenCase body) {
        Money amountDue = body.validate(LocalDate.now(clock));
        var opened = opening.open(new CaseOpening.OpenRequest(body.invoiceNumber(), body.toDebtor(), amountDue,
                body.dueDate(), body.issuedDate(), body.fingerprint(amountDue)));
        CaseView view = detail(opened.dunningCase());
        if (!opened.created()) return ResponseEntity.ok(view);
        return ResponseEntity.created(URI.create("/api/dunning-cases/" + view.caseId())).body(view);
    }

    @GetMapping("/{caseId}")
    CaseView get(@PathVariable String caseId) {
        return detail(cases.get(new CaseId(caseId)));
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) CaseStatus status, @RequestParam(required = false) Stage stage,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0) throw new InvalidInput("page", "must not be negative");
        if (size < 1 || size > 200) throw new InvalidInput("size", "must be between 1 and 200");
        PageRequest request = PageRequest.of(page, size, Sort.by("openedAt").descending().and(Sort.by("id")));
        Page<DunningCase> result = status != null && stage != null ? cases.findByStatusAndStage(status, stage, request)
                : status != null ? cases.findByStatus(status, request)
                : stage != null ? cases.findByStage(stage, request)
                : cases.findAll(request);
        return Map.of("content", result.getContent().stream().map(CaseView::summary).toList(),
                "page", page, "size", size, "totalElements", result.getTotalElements(), "totalPages", result.getTotalPages());
    }

    @PostMapping("/{caseId}/offer-acceptance")
    ResponseEntity<Map<String, Object>> acceptOffer(@PathVariable String caseId, @Valid @RequestBody CaseRequests.OfferAcceptanceBody body) {
        DunningCase accepted = offers.accept(new CaseId(caseId), body.option());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("caseId", caseId, "accepted", body.option().name(),
                "offer", detail(accepted).offer()));
    }

    @PostMapping("/{caseId}/disputes")
    ResponseEntity<Map<String, Object>> dispute(@PathVariable String caseId, @Valid @RequestBody CaseRequests.DisputeBody body) {
        String disputeId = disputes.raise(new CaseId(caseId), body.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("caseId", caseId, "disputeId", disputeId, "status", "PAUSED"));
    }

    private CaseView detail(DunningCase c) {
        String link = c.offer() != null && c.offer().isOpenAt(clock.instant()) ? links.linkFor(c).orElse(null) : null;
        return CaseView.of(c, communications.of(c.id()), tasks.findByCaseIdOrderByCreatedAt(c.id().value()), timeline.of(c.id()),
                charges.of(c).orElse(null), link);
    }
}
