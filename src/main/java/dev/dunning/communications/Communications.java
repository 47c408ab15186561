package dev.dunning.communications;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.Debtor;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.Timeline;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The communication outbox. Each message is keyed by its business step (case, purpose, channel) under a unique
 * constraint, so a redelivered job records nothing twice and no debtor gets the same message twice.
 *
 * <p>First version (issue 2): messages are recorded as QUEUED here; delivery through real channels is added behind
 * this outbox without changing the workers.
 */
@Component
public class Communications {

    public record Communication(long id, Channel channel, Purpose purpose, String recipient, String status, Instant at) {}

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final Clock clock;

    Communications(JdbcClient jdbc, Timeline timeline, Clock clock) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.clock = clock;
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

    /** Queues the messages for a purpose; returns how many were new. Must run under the case's row lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int queue(DunningCase dunningCase, Purpose purpose) {
        return queue(dunningCase, purpose, 0);
    }

    /** As {@link #queue(DunningCase, Purpose)}, for a purpose that recurs (instalment n uses sequence n). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int queue(DunningCase dunningCase, Purpose purpose, int sequence) {
        List<Channel> channels = channelsFor(purpose, dunningCase.debtor());
        if (channels.isEmpty()) {
            timeline.record(dunningCase.id(), "COMMUNICATION_SKIPPED", purpose + ": no usable contact for the debtor");
            return 0;
        }
        int queued = 0;
        for (Channel channel : channels) {
            String recipient = recipient(dunningCase.debtor(), channel);
            try {
                jdbc.sql("""
                        INSERT INTO communication (case_id, purpose, sequence, channel, recipient, status, created_at)
                        VALUES (:caseId, :purpose, :sequence, :channel, :recipient, 'QUEUED', :now)""")
                        .param("caseId", dunningCase.id().value())
                        .param("purpose", purpose.name())
                        .param("sequence", sequence)
                        .param("channel", channel.name())
                        .param("recipient", recipient)
                        .param("now", Timestamp.from(clock.instant()))
                        .update();
                timeline.record(dunningCase.id(), "COMMUNICATION_QUEUED", purpose + (sequence > 0 ? " " + sequence : "") + " by " + channel);
                queued++;
            } catch (DuplicateKeyException alreadyQueued) {
                // a redelivered job: this step was recorded before, so nothing changes
            }
        }
        return queued;
    }

    private static String recipient(Debtor debtor, Channel channel) {
        return switch (channel) {
            case EMAIL -> debtor.email();
            case SMS -> debtor.phone();
            case LETTER -> debtor.name() + ", " + debtor.address().oneLine();
        };
    }

    public List<Communication> of(CaseId caseId) {
        return jdbc.sql("SELECT id, channel, purpose, recipient, status, created_at FROM communication WHERE case_id = :caseId ORDER BY id")
                .param("caseId", caseId.value())
                .query((rs, n) -> new Communication(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        Purpose.valueOf(rs.getString("purpose")), rs.getString("recipient"), rs.getString("status"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
