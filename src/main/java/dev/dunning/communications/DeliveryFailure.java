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

    /**
     * An HTTP provider's failure. Our own fault (401/403: credentials), a timeout, throttling or the provider's
     * 5xx is temporary; any other refusal is about the message or the address. A connection that never opened sent
     * nothing; one that broke afterwards may have delivered, so it is never retried.
     */
    public static DeliveryFailure ofHttp(String provider, org.springframework.web.client.RestClientException e) {
        if (e instanceof org.springframework.web.client.RestClientResponseException r) {
            int status = r.getStatusCode().value();
            boolean temporary = r.getStatusCode().is5xxServerError() || status == 401 || status == 403 || status == 408
                    || status == 429;
            return new DeliveryFailure(temporary ? Kind.TRANSIENT : Kind.PERMANENT,
                    provider + ": HTTP " + status + " " + r.getResponseBodyAsString(), e);
        }
        boolean nothingSent = false;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpConnectTimeoutException) nothingSent = true;
        }
        return new DeliveryFailure(nothingSent ? Kind.TRANSIENT : Kind.UNKNOWN, provider + ": " + e.getMessage(), e);
    }

    public Kind kind() {
        return kind;
    }

    /** A permanent failure about the recipient's address (SMTP 55x on RCPT), recorded as BOUNCED. */
    public boolean bounce() {
        return bounce;
    }
}
