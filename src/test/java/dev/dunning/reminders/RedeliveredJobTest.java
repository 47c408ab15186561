package dev.dunning.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dunning.support.DunningApi;
import dev.dunning.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Zeebe delivers a job at least once: the same job handled twice must not repeat its side effect. */
@IntegrationTest
class RedeliveredJobTest {

    @LocalServerPort int port;
    @Autowired SendReminderWorker reminders;

    @Test
    void aRedeliveredReminderJobSendsNothingTwice() {
        DunningApi api = new DunningApi(port);
        // given a case whose first reminder went out
        String caseId = api.openCase(DunningApi.caseRequest("D-REDELIVER", "80.00")).get("caseId").asText();
        api.awaitCase(caseId, c -> DunningApi.purposes(c).contains("REMINDER_1"));

        // when the engine hands the same job to the worker again (twice)
        reminders.sendReminder(caseId, Map.of("purpose", "REMINDER_1"));
        reminders.sendReminder(caseId, Map.of("purpose", "REMINDER_1"));

        // then there is still exactly one reminder, and the timeline recorded it once
        JsonNode c = api.getCase(caseId);
        assertThat(DunningApi.purposes(c)).containsExactly("REMINDER_1");
        assertThat(DunningApi.timelineTypes(c)).containsOnlyOnce("COMMUNICATION_QUEUED");
    }
}
