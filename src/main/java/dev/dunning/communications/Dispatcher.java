package dev.dunning.communications;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.CaseStatus;
import dev.dunning.cases.Debtor;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.DunningCases;
import dev.dunning.cases.Timeline;
import dev.dunning.engine.EngineMessages;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the communication outbox, exactly once per row.
 *
 * <ol>
 *   <li><b>Claim</b> (one transaction, behind the case's row lock, then the row's {@code FOR UPDATE SKIP LOCKED}):
 *       apply the guards (case closed, cease, paused, opt-out / invalid address, contact window), render and store
 *       the content, and mark the row {@code SENDING}. The commit records the intent before anything leaves.</li>
 *   <li><b>Send</b> through the channel, outside any transaction.</li>
 *   <li><b>Record</b> the outcome (second transaction): SENT, BOUNCED / FAILED (address marked invalid, fallback
 *       channel queued), a transient failure back to QUEUED with exponential backoff until the attempts are spent
 *       (then FAILED naming the provider and the error), or UNCONFIRMED when the provider may have taken it.</li>
 * </ol>
 * Only QUEUED and due DEFERRED rows are ever claimed, so a row claimed twice sends once. A row still SENDING after
 * {@code dunning.delivery.claim-timeout} (the app died between send and record, or the record failed) becomes
 * UNCONFIRMED and is never sent again automatically: ops decide from the timeline and the provider's log.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DunningCases cases;
    private final Communications communications;
    private final ContactRegistry contacts;
    private final ContactWindow window;
    private final MessageRenderer renderer;
    private final Timeline timeline;
    private final Clock clock;
    private final EngineMessages engine;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration pauseRecheck;
    private final Duration claimTimeout;
    private final int batchSize;
    private final ExecutorService workers;

    /** Runs after the provider took a message and before the outcome is recorded; tests make it fail like a crash. */
    volatile Consumer<OutgoingMessage> afterSend = m -> { };

    Dispatcher(JdbcClient jdbc, TransactionTemplate tx, DunningCases cases, Communications communications,
               ContactRegistry contacts, ContactWindow window, MessageRenderer renderer, Timeline timeline, Clock clock,
               List<ChannelSender> channelSenders, EngineMessages engine,
               @Value("${dunning.delivery.max-attempts:5}") int maxAttempts,
               @Value("${dunning.delivery.retry-backoff:PT30S}") Duration backoff,
               @Value("${dunning.delivery.pause-recheck:PT30S}") Duration pauseRecheck,
               @Value("${dunning.delivery.claim-timeout:PT5M}") Duration claimTimeout,
               @Value("${dunning.delivery.batch-size:100}") int batchSize,
               @Value("${dunning.delivery.threads:4}") int threads) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.communications = communications;
        this.contacts = contacts;
        this.window = window;
        this.renderer = renderer;
        this.timeline = timeline;
        this.clock = clock;
        this.engine = engine;
        channelSenders.forEach(s -> senders.put(s.channel(), s));
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.pauseRecheck = pauseRecheck;
        this.claimTimeout = claimTimeout;
        this.batchSize = batchSize;
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "dunning-delivery");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${dunning.delivery.interval:PT0.5S}", initialDelayString = "PT1S")
    public void dispatchDue() {
        try {
            markUnconfirmed(claimTimeout);
            List<Long> due;
            do { // a full batch: more may be waiting, go on at once
                due = jdbc.sql("""
                        SELECT id FROM communication
                        WHERE status IN ('QUEUED', 'DEFERRED') AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
                        ORDER BY id LIMIT :limit""")
                        .param("now", Timestamp.from(clock.instant())).param("limit", batchSize).query(Long.class).list();
                List<Future<?>> running = new ArrayList<>();
                for (Long id : due) running.add(workers.submit(() -> deliverLogged(id)));
                for (Future<?> f : running) f.get();
            } while (due.size() == batchSize);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("delivery round failed: {}", e.toString());
        }
    }

    private void deliverLogged(long id) {
        try {
            deliver(id);
        } catch (RuntimeException e) {
            log.error("communication {}: delivery interrupted after the claim; it stays SENDING and becomes UNCONFIRMED", id, e);
        }
    }

    /** Claims, sends and records one communication; does nothing unless it is due. Safe to call concurrently. */
    public void deliver(long id) {
        OutgoingMessage message;
        try {
            message = tx.execute(s -> claim(id));
        } catch (DataAccessException | org.springframework.transaction.TransactionException e) {
            // the database, not the message: no connection, a lock timeout
            log.warn("communication {}: claim failed, retried next round: {}", id, e.toString());
            return;
        } catch (RuntimeException e) {
            // a bug before anything was sent (a broken template): the row must not loop
            tx.executeWithoutResult(s -> finishBroken(id, e));
            return;
        }
        if (message == null) return;
        ChannelSender sender = senders.get(message.channel());
        String reference = null;
        DeliveryFailure failure = null;
        try {
            reference = sender.send(message);
        } catch (DeliveryFailure f) {
            failure = f;
        } catch (RuntimeException e) {
            failure = new DeliveryFailure(DeliveryFailure.Kind.UNKNOWN, sender.provider() + ": " + e, e);
        }
        afterSend.accept(message);
        String ref = reference;
        DeliveryFailure f = failure;
        tx.executeWithoutResult(s -> record(message, sender.provider(), ref, f));
    }

    // --- claim ----------------------------------------------------------------------------------------------

    record Row(long id, String caseId, Purpose purpose, int sequence, Channel channel, String status,
               String statusReason, int attempts, String language) {
        String step() {
            return purpose + (sequence > 0 ? " " + sequence : "") + " by " + channel;
        }
    }

    private Optional<Row> row(long id, boolean lockIfDue) {
        String sql = "SELECT id, case_id, purpose, sequence, channel, status, status_reason, attempts, language FROM communication WHERE id = :id"
                + (lockIfDue ? " AND status IN ('QUEUED', 'DEFERRED') AND (next_attempt_at IS NULL OR next_attempt_at <= :now)"
                + " FOR UPDATE SKIP LOCKED" : "");
        var statement = jdbc.sql(sql).param("id", id);
        if (lockIfDue) statement = statement.param("now", Timestamp.from(clock.instant()));
        return statement.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("case_id"), Purpose.valueOf(rs.getString("purpose")),
                rs.getInt("sequence"), Channel.valueOf(rs.getString("channel")), rs.getString("status"),
                rs.getString("status_reason"), rs.getInt("attempts"), rs.getString("language"))).optional();
    }

    private OutgoingMessage claim(long id) {
        Optional<Row> peek = row(id, false);
        if (peek.isEmpty()) return null;
        DunningCase c = cases.lockAndGet(new CaseId(peek.get().caseId())); // lock order: case, then communication
        Optional<Row> locked = row(id, true);
        if (locked.isEmpty()) return null; // claimed by someone else, or not due
        Row row = locked.get();
        Instant now = clock.instant();
        Debtor debtor = c.debtor();

        if (c.status().isFinal()) {
            finish(c, row, "SUPPRESSED", "rule CASE_CLOSED: the case is " + c.status() + ", nothing more is sent");
            return null;
        }
        if (row.purpose() != Purpose.FINAL_NOTICE && contacts.ceased(c.id())) {
            finish(c, row, "SUPPRESSED", "rule " + ContactRegistry.RULE_CEASE + ": the debtor asked in writing to cease communication");
            return null;
        }
        if (c.status() == CaseStatus.PAUSED) {
            defer(c, row, null, now.plus(pauseRecheck), "rule CASE_PAUSED: the case is paused; sent when it resumes");
            return null;
        }
        Optional<String> unusable = contacts.unusable(debtor, row.channel());
        if (unusable.isPresent()) {
            finish(c, row, "SUPPRESSED", "rule " + unusable.get());
            communications.fallBack(c, row.purpose(), row.sequence(), row.channel());
            return null;
        }
        if (row.channel() != Channel.LETTER) {
            Optional<Instant> closedUntil = window.closedUntil(debtor, now);
            if (closedUntil.isPresent()) {
                defer(c, row, closedUntil.get(), closedUntil.get(), "rule " + ContactWindow.RULE + ": outside "
                        + window.describe(debtor) + "; waits until the window opens at " + closedUntil.get());
                return null;
            }
        }
        String to = switch (row.channel()) {
            case EMAIL -> debtor.email().trim();
            case SMS -> PhoneNumbers.e164(debtor.phone(), debtor.address() != null ? debtor.address().country() : null).orElse(null);
            case LETTER -> debtor.name() + ", " + debtor.address().oneLine();
        };
        if (to == null) {
            String reason = "rule " + ContactRegistry.RULE_INVALID_CONTACT + ": " + debtor.phone() + " is not a valid phone number";
            contacts.markInvalid(debtor.reference(), Channel.SMS, ContactRegistry.address(debtor, Channel.SMS), reason);
            finish(c, row, "FAILED", reason);
            communications.fallBack(c, row.purpose(), row.sequence(), row.channel());
            return null;
        }
        String language = row.language() != null ? row.language() : debtor.language();
        MessageRenderer.Rendered rendered = renderer.render(c, row.purpose(), row.sequence(), row.channel(), language);
        String contentType;
        byte[] content;
        switch (row.channel()) {
            case EMAIL -> { contentType = "text/html;charset=UTF-8"; content = rendered.html().getBytes(StandardCharsets.UTF_8); }
            case SMS -> { contentType = "text/plain;charset=UTF-8"; content = rendered.text().getBytes(StandardCharsets.UTF_8); }
            default -> { contentType = "application/pdf"; content = rendered.pdf(); }
        }
        jdbc.sql("""
                UPDATE communication SET status = 'SENDING', claimed_at = :now, attempts = attempts + 1, recipient = :to,
                    subject = :subject, content_type = :type, content = :content, text_content = :text,
                    deferred_until = NULL, next_attempt_at = NULL
                WHERE id = :id""")
                .param("now", Timestamp.from(now)).param("to", to.length() > 254 ? to.substring(0, 254) : to)
                .param("subject", rendered.subject().length() > 300 ? rendered.subject().substring(0, 300) : rendered.subject())
                .param("type", contentType).param("content", content).param("text", rendered.text())
                .param("id", row.id()).update();
        return new OutgoingMessage(row.id(), c.id().value(), row.purpose(), row.channel(), to, rendered.subject(),
                rendered.html(), rendered.text(), rendered.pdf(), rendered.optOutLink());
    }

    private void defer(DunningCase c, Row row, Instant until, Instant nextAttempt, String reason) {
        jdbc.sql("UPDATE communication SET status = 'DEFERRED', deferred_until = :until, next_attempt_at = :next, status_reason = :reason WHERE id = :id")
                .param("until", until == null ? null : Timestamp.from(until)).param("next", Timestamp.from(nextAttempt))
                .param("reason", reason).param("id", row.id()).update();
        if (!"DEFERRED".equals(row.status()) || !reason.equals(row.statusReason())) {
            timeline.record(c.id(), "COMMUNICATION_DEFERRED", row.step() + ": " + reason);
            if (until != null) {
                engine.toCase(c.id(), EngineMessages.DELIVERY_DEFERRED, Map.of("deferredCommunication", row.step(),
                        "deferredUntil", until.toString(), "deferralReason", cut(reason)));
            }
        }
    }

    private void finish(DunningCase c, Row row, String status, String reason) {
        jdbc.sql("UPDATE communication SET status = :status, status_reason = :reason, next_attempt_at = NULL WHERE id = :id")
                .param("status", status).param("reason", cut(reason)).param("id", row.id()).update();
        timeline.record(c.id(), "COMMUNICATION_" + status, row.step() + ": " + reason);
    }

    private void finishBroken(long id, RuntimeException e) {
        log.error("communication {}: could not be prepared; marked FAILED", id, e);
        row(id, false).ifPresent(row -> {
            if (!List.of("QUEUED", "DEFERRED").contains(row.status())) return;
            DunningCase c = cases.lockAndGet(new CaseId(row.caseId()));
            finish(c, row, "FAILED", "could not be prepared: " + e);
        });
    }

    // --- record ---------------------------------------------------------------------------------------------

    private void record(OutgoingMessage m, String provider, String reference, DeliveryFailure failure) {
        DunningCase c = cases.lockAndGet(new CaseId(m.caseId()));
        Row row = row(m.id(), false).orElseThrow();
        Instant now = clock.instant();
        if (failure == null) {
            int updated = jdbc.sql("""
                    UPDATE communication SET status = 'SENT', sent_at = :now, provider_ref = :ref, status_reason = NULL
                    WHERE id = :id AND status IN ('SENDING', 'UNCONFIRMED')""")
                    .param("now", Timestamp.from(now)).param("ref", reference).param("id", m.id()).update();
            if (updated == 1) timeline.record(c.id(), "COMMUNICATION_SENT", row.step() + " to " + m.to() + " via " + provider);
            return;
        }
        String reason = failure.getMessage();
        switch (failure.kind()) {
            case PERMANENT -> {
                String status = failure.bounce() ? "BOUNCED" : "FAILED";
                update(m.id(), status, reason, null);
                contacts.markInvalid(c.debtor().reference(), m.channel(), ContactRegistry.address(c.debtor(), m.channel()), reason);
                timeline.record(c.id(), "COMMUNICATION_" + status, row.step() + ": rule " + ContactRegistry.RULE_INVALID_CONTACT + ": " + reason);
                communications.fallBack(c, m.purpose(), row.sequence(), m.channel());
            }
            case TRANSIENT -> {
                if (row.attempts() < maxAttempts) {
                    Instant next = now.plus(backoff.multipliedBy(1L << Math.min(row.attempts() - 1, 16)));
                    update(m.id(), "QUEUED", "attempt " + row.attempts() + " of " + maxAttempts + " failed, retry at " + next + ": " + reason, next);
                    timeline.record(c.id(), "COMMUNICATION_RETRY", row.step() + ": attempt " + row.attempts() + " failed: " + reason);
                } else {
                    update(m.id(), "FAILED", "gave up after " + row.attempts() + " attempts: " + reason, null);
                    timeline.record(c.id(), "COMMUNICATION_FAILED", row.step() + ": gave up after " + row.attempts() + " attempts: " + reason);
                    engine.toCase(c.id(), EngineMessages.DELIVERY_FAILED, Map.of("failedCommunicationId", m.id()));
                }
            }
            case UNKNOWN -> {
                update(m.id(), "UNCONFIRMED", reason, null);
                timeline.record(c.id(), "COMMUNICATION_UNCONFIRMED", row.step() + ": " + reason + "; not sent again automatically");
            }
        }
    }

    private void update(long id, String status, String reason, Instant nextAttempt) {
        jdbc.sql("UPDATE communication SET status = :status, status_reason = :reason, next_attempt_at = :next WHERE id = :id AND status = 'SENDING'")
                .param("status", status).param("reason", cut(reason))
                .param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt)).param("id", id).update();
    }

    /**
     * Rows left in SENDING for longer than {@code olderThan}: the app died (or the record failed) between send and
     * record. They become UNCONFIRMED and are never re-sent automatically. Returns how many.
     */
    public int markUnconfirmed(Duration olderThan) {
        Instant limit = clock.instant().minus(olderThan);
        List<Row> stale = jdbc.sql("SELECT id FROM communication WHERE status = 'SENDING' AND claimed_at <= :limit")
                .param("limit", Timestamp.from(limit)).query(Long.class).list()
                .stream().map(id -> row(id, false)).flatMap(Optional::stream).toList();
        int marked = 0;
        for (Row row : stale) {
            Integer done = tx.execute(s -> {
                int n = jdbc.sql("""
                        UPDATE communication SET status = 'UNCONFIRMED',
                            status_reason = 'the outcome of the send was never recorded (crash between send and status update); not re-sent'
                        WHERE id = :id AND status = 'SENDING' AND claimed_at <= :limit""")
                        .param("id", row.id()).param("limit", Timestamp.from(limit)).update();
                if (n == 1) timeline.record(new CaseId(row.caseId()), "COMMUNICATION_UNCONFIRMED", row.step()
                        + ": the outcome of the send was never recorded; not sent again automatically");
                return n;
            });
            marked += done == null ? 0 : done;
        }
        return marked;
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
