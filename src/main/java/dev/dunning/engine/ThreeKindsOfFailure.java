package dev.dunning.engine;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Sorts what a worker throws into Camunda's three kinds of failure. A business outcome ({@link BpmnError}) goes to
 * the model. A transient fault fails the job with a retry backoff, so the retries declared on the task are spent
 * before an incident. Anything else is a bug: retrying will not help, so it becomes an incident at once, with a
 * message that tells the operator in Operate what went wrong and where.
 */
@Component
@Primary
class ThreeKindsOfFailure implements JobExceptionHandlingStrategy {

    private final DefaultJobExceptionHandlingStrategy delegate;
    private final Duration backoff;

    ThreeKindsOfFailure(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics,
                        @Value("${dunning.jobs.retry-backoff:PT10S}") Duration backoff) {
        this.delegate = new DefaultJobExceptionHandlingStrategy(commands, metrics);
        this.backoff = backoff;
    }

    @Override
    public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
        delegate.handleException(classify(exception, context.job().getRetries(), context.job().getType()), context);
    }

    Exception classify(Exception exception, int retries, String jobType) {
        if (exception instanceof BpmnError || exception instanceof JobError) return exception;
        Throwable cause = rootOf(exception);
        if (isTransient(exception)) {
            return CamundaError.jobError("Transient failure in " + jobType + ", will retry: " + cause.getMessage(),
                    null, Math.max(retries - 1, 0), backoff, exception);
        }
        return CamundaError.jobError("Bug in worker " + jobType + ": " + exception.getClass().getSimpleName() + ": "
                        + exception.getMessage() + ". Retrying will not help: fix the cause, then increase the retries"
                        + " of this job in Operate.", null, 0, Duration.ZERO, exception);
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientFailure || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof PessimisticLockingFailureException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}
