package dev.dunning.communications;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.Debtor;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.Timeline;
import dev.dunning.engine.EngineMessages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The communication outbox. Each message is keyed by its business step (case, purpose, sequence, channel) under a
 * unique constraint, so a redelivered job records nothing twice and no debtor gets the same message twice.
 * {@link Dispatcher} delivers what is queued here through the channels.
 *
 * <p>The policy: which channels a purpose uses ({@link #channelsFor}), and the fallback when a channel may not be
 * used (opted out, proved invalid): email → letter, letter → email; an SMS is dropped (the written channel carries the
 * message). When no channel at all is usable the case gets the engine message {@code ContactFailed} (skip trace).
 */
@Component
public class Communications {

    public record Communication(long id, Channel channel, Purpose purpose, String recipient, String status, Instant at,
                                String statusReason, Instant deferredUntil, Instant sentAt, String language) {}

    public record Document(String contentType, byte[] content) {}

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final Clock clock;
    private final ContactRegistry contacts;
    private final EngineMessages engine;

    Communications(JdbcClient jdbc, Timeline timeline, Clock clock, ContactRegistry contacts, EngineMessages engine) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.clock = clock;
        this.contacts = contacts;
        this.engine = engine;
    }

    /** Which channels the default policy uses for a purpose, given what we know about the debtor. */
    public static List<Channel> channelsFor(Purpose purpose, Debtor debtor) {
        List<Channel> channels = new ArrayList<>();
        boolean hasAddress = debtor.address() != null;
        switch (purpose) {
            case REMINDER_1, OFFER -> {
                if (debtor.hasEmail()) channels.add(Channel.EMAIL);
                else if (hasAddress) channels.add(Channel.LETTER);
            }
            case REMINDER_2, INSTALMENT_REMINDER -> {
                if (debtor.hasEmail()) channels.add(Channel.EMAIL);
                else if (hasAddress) channels.add(Channel.LETTER);
                if (debtor.hasPhone()) channels.add(Channel.SMS);
            }
            case FINAL_NOTICE -> {
                if (hasAddress) channels.add(Channel.LETTER);
                if (debtor.hasEmail()) channels.add(Channel.EMAIL);
            }
        }
        return channels;
    }

    /** The next channel when one may not be used, or null. */
    static Channel fallbackOf(Channel channel) {
        return switch (channel) {
            case EMAIL -> Channel.LETTER;
            case LETTER -> Channel.EMAIL;
            case SMS -> null;
        };
    }

    /** Queues the messages for a purpose; returns how many were new. Must run under the case's row lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int queue(DunningCase dunningCase, Purpose purpose) {
        return queue(dunningCase, purpose, 0);
    }

    /** As {@link #queue(DunningCase, Purpose)}, for a purpose that recurs (instalment n uses sequence n). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int queue(DunningCase dunningCase, Purpose purpose, int sequence) {
        String step = purpose + (sequence > 0 ? " " + sequence : "");
        if (purpose != Purpose.FINAL_NOTICE && contacts.ceased(dunningCase.id())) {
            timeline.record(dunningCase.id(), "COMMUNICATION_SUPPRESSED", step + ": rule " + ContactRegistry.RULE_CEASE
                    + ": the debtor asked in writing to cease communication; only a final notice may follow");
            return 0;
        }
        List<Channel> channels = channelsFor(purpose, dunningCase.debtor());
        if (channels.isEmpty()) {
            timeline.record(dunningCase.id(), "COMMUNICATION_SKIPPED", purpose + ": no usable contact for the debtor");
            return 0;
        }
        List<Channel> chosen = new ArrayList<>();
        for (Channel channel : channels) {
            Channel usable = usableOrFallback(dunningCase, step, channel);
            if (usable != null && !chosen.contains(usable)) chosen.add(usable);
        }
        if (chosen.isEmpty()) {
            contactFailedIfNothingUsable(dunningCase);
            return 0;
        }
        int queued = 0;
        for (Channel channel : chosen) {
            if (insert(dunningCase, purpose, sequence, channel)) queued++;
        }
        return queued;
    }

    /**
     * A message could not go through its channel (opted out meanwhile, bounced, rejected): queue the same step on the
     * fallback channel, or publish ContactFailed when nothing is usable any more. Must run under the case's row lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void fallBack(DunningCase dunningCase, Purpose purpose, int sequence, Channel failed) {
        String step = purpose + (sequence > 0 ? " " + sequence : "");
        Channel next = fallbackOf(failed);
        if (next != null && contacts.unusable(dunningCase.debtor(), next).isEmpty()
                && (purpose == Purpose.FINAL_NOTICE || !contacts.ceased(dunningCase.id()))) {
            if (insert(dunningCase, purpose, sequence, next)) {
                timeline.record(dunningCase.id(), "COMMUNICATION_FALLBACK", step + ": " + failed + " unusable, falls back to " + next);
            }
        }
        contactFailedIfNothingUsable(dunningCase);
    }

    private Channel usableOrFallback(DunningCase dunningCase, String step, Channel channel) {
        Optional<String> why = contacts.unusable(dunningCase.debtor(), channel);
        if (why.isEmpty()) return channel;
        Channel next = fallbackOf(channel);
        boolean nextUsable = next != null && contacts.unusable(dunningCase.debtor(), next).isEmpty();
        timeline.record(dunningCase.id(), "COMMUNICATION_SUPPRESSED", step + " by " + channel + ": rule " + why.get()
                + (nextUsable ? "; falls back to " + next : ""));
        return nextUsable ? next : null;
    }

    /** Publishes ContactFailed once per set of contact details when no channel is usable. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean contactFailedIfNothingUsable(DunningCase dunningCase) {
        Debtor debtor = dunningCase.debtor();
        List<String> reasons = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            Optional<String> why = contacts.unusable(debtor, channel);
            if (why.isEmpty()) return false;
            reasons.add(why.get());
        }
        String fingerprint = sha256(debtor.reference() + "|" + debtor.email() + "|" + debtor.phone() + "|"
                + (debtor.address() == null ? "" : debtor.address().oneLine()));
        try {
            jdbc.sql("INSERT INTO contact_failure (case_id, contact_hash, at) VALUES (:caseId, :hash, :now)")
                    .param("caseId", dunningCase.id().value()).param("hash", fingerprint)
                    .param("now", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException already) {
            return false;
        }
        timeline.record(dunningCase.id(), "CONTACT_FAILED", "rule ALL_CHANNELS_UNUSABLE: " + String.join("; ", reasons));
        if (dunningCase.isActive()) engine.toCase(dunningCase.id(), EngineMessages.CONTACT_FAILED, Map.of());
        return true;
    }

    private boolean insert(DunningCase dunningCase, Purpose purpose, int sequence, Channel channel) {
        try {
            jdbc.sql("""
                    INSERT INTO communication (case_id, purpose, sequence, channel, recipient, status, created_at, language)
                    VALUES (:caseId, :purpose, :sequence, :channel, :recipient, 'QUEUED', :now, :language)""")
                    .param("caseId", dunningCase.id().value())
                    .param("purpose", purpose.name())
                    .param("sequence", sequence)
                    .param("channel", channel.name())
                    .param("recipient", recipient(dunningCase.debtor(), channel))
                    .param("now", Timestamp.from(clock.instant()))
                    .param("language", dunningCase.debtor().language())
                    .update();
            timeline.record(dunningCase.id(), "COMMUNICATION_QUEUED", purpose + (sequence > 0 ? " " + sequence : "") + " by " + channel);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false; // a redelivered job: this step was recorded before, so nothing changes
        }
    }

    private static String recipient(Debtor debtor, Channel channel) {
        String r = switch (channel) {
            case EMAIL -> debtor.email();
            case SMS -> debtor.phone();
            case LETTER -> debtor.name() + ", " + debtor.address().oneLine();
        };
        return r.length() > 254 ? r.substring(0, 254) : r;
    }

    public List<Communication> of(CaseId caseId) {
        return jdbc.sql("""
                        SELECT id, channel, purpose, recipient, status, created_at, status_reason, deferred_until, sent_at, language
                        FROM communication WHERE case_id = :caseId ORDER BY id""")
                .param("caseId", caseId.value())
                .query((rs, n) -> new Communication(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        Purpose.valueOf(rs.getString("purpose")), rs.getString("recipient"), rs.getString("status"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("status_reason"),
                        instant(rs.getTimestamp("deferred_until")), instant(rs.getTimestamp("sent_at")), rs.getString("language")))
                .list();
    }

    /** The rendered content of a communication of the case (PDF for a letter, HTML for an email, text for an SMS). */
    public Optional<Document> document(CaseId caseId, long id) {
        return jdbc.sql("SELECT content_type, content FROM communication WHERE case_id = :caseId AND id = :id AND content IS NOT NULL")
                .param("caseId", caseId.value()).param("id", id)
                .query((rs, n) -> new Document(rs.getString("content_type"), rs.getBytes("content"))).optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
