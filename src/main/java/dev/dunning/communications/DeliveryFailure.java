package dev.dunning.communications;

/** Why a provider did not take a message. */
public class DeliveryFailure extends Exception {

    public enum Kind {
        /** The address does not exist or the provider refuses it for good: mark it invalid, fall back. */
        PERMANENT,
        /** Nothing was handed over (connection refused, 4xx, 5xx from a gateway before acceptance): retry with backoff. */
        TRANSIENT,
        /** The provider may have taken it (timeout after the data was sent): never retried, status UNCONFIRMED. */
        UNKNOWN
    }

    private final Kind kind;
    private final boolean bounce;

    public DeliveryFailure(Kind kind, String message, Throwable cause) {
        this(kind, false, message, cause);
    }

    public DeliveryFailure(Kind kind, boolean bounce, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.bounce = bounce;
    }

    public Kind kind() {
        return kind;
    }

    /** A permanent failure about the recipient's address (SMTP 55x on RCPT), recorded as BOUNCED. */
    public boolean bounce() {
        return bounce;
    }
}
