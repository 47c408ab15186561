package dev.dunning.engine;

/** A fault that may go away on its own (a provider timing out, a partner folder unavailable): retried with backoff. */
public class TransientFailure extends RuntimeException {
    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientFailure(String message) {
        super(message);
    }
}
