package dev.dunning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

class ThreeKindsOfFailureTest {

    private final ThreeKindsOfFailure strategy = new ThreeKindsOfFailure(null, null, Duration.ofSeconds(10));

    @Test
    void aBusinessErrorGoesToTheModelUnchanged() {
        BpmnError error = CamundaError.bpmnError("INSTALMENT_MISSED", "missed");
        assertThat(strategy.classify(error, 3, "dunning.x")).isSameAs(error);
    }

    @Test
    void aTransientFaultIsRetriedWithBackoff() {
        JobError e = (JobError) strategy.classify(new QueryTimeoutException("lock wait timeout"), 3, "dunning.reminder.send");
        assertThat(e.getRetries()).isEqualTo(2);
        assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(e.getErrorMessage()).contains("Transient", "dunning.reminder.send", "lock wait timeout");
    }

    @Test
    void aPartnerOutageIsTransientToo() {
        JobError e = (JobError) strategy.classify(new RuntimeException(new TransientFailure("drop folder not writable")), 1, "dunning.legal.hand-over");
        assertThat(e.getRetries()).isZero(); // last retry spent: the incident names the partner problem
        assertThat(e.getErrorMessage()).contains("drop folder not writable");
    }

    @Test
    void aBugBecomesAnIncidentAtOnceWithAMessageForTheOperator() {
        JobError e = (JobError) strategy.classify(new IllegalArgumentException("no instalment 4"), 3, "dunning.instalment.check");
        assertThat(e.getRetries()).isZero();
        assertThat(e.getErrorMessage()).contains("Bug in worker dunning.instalment.check", "no instalment 4", "Operate");
    }
}
