package dev.dunning.communications;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.DunningCase;
import dev.dunning.cases.DunningCases;
import dev.dunning.cases.Timeline;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bounce reported after the provider accepted the message (a DSN, a returned letter): the communication becomes
 * BOUNCED, the address is marked invalid on the debtor and the policy falls back (email → letter).
 */
@Component
public class Bounces {

    public static class UnknownCommunication extends RuntimeException {
        UnknownCommunication(long id) {
            super("no communication " + id);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DunningCases cases;
    private final ContactRegistry contacts;
    private final Communications communications;
    private final Timeline timeline;

    Bounces(JdbcClient jdbc, TransactionTemplate tx, DunningCases cases, ContactRegistry contacts,
            Communications communications, Timeline timeline) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.contacts = contacts;
        this.communications = communications;
        this.timeline = timeline;
    }

    record Row(String caseId, Purpose purpose, int sequence, Channel channel, String recipient, String status) {}

    public void bounce(long id, String reason) {
        String caseId = jdbc.sql("SELECT case_id FROM communication WHERE id = :id").param("id", id).query(String.class)
                .optional().orElseThrow(() -> new UnknownCommunication(id));
        tx.executeWithoutResult(s -> {
            DunningCase c = cases.lockAndGet(new CaseId(caseId));
            Row row = jdbc.sql("SELECT case_id, purpose, sequence, channel, recipient, status FROM communication WHERE id = :id FOR UPDATE")
                    .param("id", id).query((rs, n) -> new Row(rs.getString("case_id"), Purpose.valueOf(rs.getString("purpose")),
                            rs.getInt("sequence"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                            rs.getString("status"))).single();
            if ("BOUNCED".equals(row.status())) return; // reported twice
            if (!"SENT".equals(row.status()) && !"UNCONFIRMED".equals(row.status())) {
                throw new IllegalStateException("communication " + id + " is " + row.status() + "; only a sent message can bounce");
            }
            jdbc.sql("UPDATE communication SET status = 'BOUNCED', status_reason = :reason WHERE id = :id")
                    .param("reason", "bounced: " + reason).param("id", id).update();
            String address = switch (row.channel()) {
                case EMAIL -> row.recipient().trim().toLowerCase(Locale.ROOT);
                case SMS, LETTER -> ContactRegistry.address(c.debtor(), row.channel());
            };
            if (address != null) contacts.markInvalid(c.debtor().reference(), row.channel(), address, "bounced: " + reason);
            String step = row.purpose() + (row.sequence() > 0 ? " " + row.sequence() : "") + " by " + row.channel();
            timeline.record(c.id(), "COMMUNICATION_BOUNCED", step + ": rule " + ContactRegistry.RULE_INVALID_CONTACT + ": " + address + " bounced: " + reason);
            communications.fallBack(c, row.purpose(), row.sequence(), row.channel());
        });
    }
}
