package dev.dunning.skiptrace;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data protection: {@code dunning.skip-trace.purge-after-days} (default 30) after a case closes (paid, written off,
 * cancelled: {@code closed_at}; handed to legal: the handover), the data we sent to and got from skip-trace vendors is
 * erased: the request's sent and found fields, the contact history rows that skip trace wrote, and the quarantine
 * rows of its requests. The request row itself stays (result and dates, no personal data), marked {@code purged_at}.
 */
@Component
public class SkipTracePurge {

    private static final Logger log = LoggerFactory.getLogger(SkipTracePurge.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int days;

    SkipTracePurge(JdbcClient jdbc, Clock clock, @Value("${dunning.skip-trace.purge-after-days:30}") int days) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(cron = "${dunning.skip-trace.purge-cron:0 17 3 * * *}", zone = "UTC")
    @Transactional
    public int purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(Duration.ofDays(days)));
        Timestamp now = Timestamp.from(clock.instant());
        String closedCases = """
                SELECT c.id FROM dunning_case c LEFT JOIN legal_handoff h ON h.case_id = c.id
                WHERE (c.closed_at IS NOT NULL AND c.closed_at <= :cutoff)
                   OR (c.status = 'IN_LEGAL' AND h.handed_over_at <= :cutoff)""";
        jdbc.sql("DELETE FROM skip_trace_quarantine WHERE request_id IN (SELECT r.id FROM skip_trace_request r WHERE r.purged_at IS NULL AND r.case_id IN (" + closedCases + "))")
                .param("cutoff", cutoff).update();
        jdbc.sql("DELETE FROM contact_history WHERE source LIKE 'skip-trace:%' AND case_id IN (" + closedCases + ")")
                .param("cutoff", cutoff).update();
        int purged = jdbc.sql("""
                UPDATE skip_trace_request SET sent_reference = NULL, sent_name = NULL, sent_address = NULL, sent_phone = NULL,
                       sent_email = NULL, found_email = NULL, found_address = NULL, found_phones = NULL, found_emails = NULL,
                       purged_at = :now
                WHERE purged_at IS NULL AND case_id IN (""" + closedCases + ")")
                .param("cutoff", cutoff).param("now", now).update();
        // a signature older than the 5-minute tolerance can no longer be replayed: no need to keep it
        jdbc.sql("DELETE FROM callback_signature WHERE received_at < :dayAgo")
                .param("dayAgo", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
        if (purged > 0) log.info("purged skip-trace personal data of {} requests (cases closed more than {} days ago)", purged, days);
        return purged;
    }
}
