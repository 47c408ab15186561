package dev.dunning.communications;

import dev.dunning.cases.CaseId;
import dev.dunning.cases.Debtor;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the debtor allows and what proved undeliverable: opt-outs per channel, invalid addresses, ceased cases. */
@Component
public class ContactRegistry {

    public static final String RULE_OPT_OUT = "OPT_OUT";
    public static final String RULE_INVALID_CONTACT = "INVALID_CONTACT";
    public static final String RULE_NO_CONTACT = "NO_CONTACT_DETAILS";
    public static final String RULE_CEASE = "CEASE_COMMUNICATION";

    private final JdbcClient jdbc;
    private final Clock clock;

    ContactRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The address a channel uses for the debtor, or null when the debtor has none. */
    public static String address(Debtor debtor, Channel channel) {
        return switch (channel) {
            case EMAIL -> debtor.hasEmail() ? debtor.email().trim().toLowerCase(java.util.Locale.ROOT) : null;
            case SMS -> debtor.hasPhone() ? debtor.phone().trim() : null;
            case LETTER -> debtor.address() != null ? debtor.address().oneLine() : null;
        };
    }

    /** Why the channel may not be used for the debtor ("RULE: detail"), or empty when it may. */
    public Optional<String> unusable(Debtor debtor, Channel channel) {
        String address = address(debtor, channel);
        if (address == null) return Optional.of(RULE_NO_CONTACT + ": the debtor has no " + channel + " contact");
        if (optedOut(debtor.reference(), channel)) {
            return Optional.of(RULE_OPT_OUT + ": debtor " + debtor.reference() + " opted out of " + channel);
        }
        if (isInvalid(debtor.reference(), channel, address)) {
            return Optional.of(RULE_INVALID_CONTACT + ": " + channel + " address " + address + " proved undeliverable");
        }
        return Optional.empty();
    }

    public boolean optedOut(String debtorReference, Channel channel) {
        return jdbc.sql("SELECT COUNT(*) FROM opt_out WHERE debtor_reference = :ref AND channel = :channel")
                .param("ref", debtorReference).param("channel", channel.name()).query(Integer.class).single() > 0;
    }

    /** Records an opt-out; true when it is new. */
    public boolean recordOptOut(String debtorReference, Channel channel, String source) {
        try {
            jdbc.sql("INSERT INTO opt_out (debtor_reference, channel, source, recorded_at) VALUES (:ref, :channel, :source, :now)")
                    .param("ref", debtorReference).param("channel", channel.name())
                    .param("source", source.length() > 200 ? source.substring(0, 200) : source)
                    .param("now", Timestamp.from(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    public boolean isInvalid(String debtorReference, Channel channel, String address) {
        return jdbc.sql("SELECT COUNT(*) FROM invalid_contact WHERE debtor_reference = :ref AND channel = :channel AND address = :address")
                .param("ref", debtorReference).param("channel", channel.name()).param("address", address)
                .query(Integer.class).single() > 0;
    }

    public void markInvalid(String debtorReference, Channel channel, String address, String reason) {
        try {
            jdbc.sql("""
                    INSERT INTO invalid_contact (debtor_reference, channel, address, reason, marked_at)
                    VALUES (:ref, :channel, :address, :reason, :now)""")
                    .param("ref", debtorReference).param("channel", channel.name()).param("address", address)
                    .param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                    .param("now", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException already) {
            // marked before
        }
    }

    public boolean ceased(CaseId caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM communication_cease WHERE case_id = :id").param("id", caseId.value())
                .query(Integer.class).single() > 0;
    }

    /** Records a request to cease communication; true when it is new. */
    public boolean cease(CaseId caseId, String note) {
        try {
            jdbc.sql("INSERT INTO communication_cease (case_id, requested_at, note) VALUES (:id, :now, :note)")
                    .param("id", caseId.value()).param("now", Timestamp.from(clock.instant())).param("note", note).update();
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }
}
