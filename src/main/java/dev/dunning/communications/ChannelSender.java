package dev.dunning.communications;

/**
 * One delivery channel. {@link #send} returns a provider reference when the provider accepted the message, or throws
 * {@link DeliveryFailure} saying whether the failure is permanent (the address is invalid), transient (nothing was
 * sent, a retry is safe) or unknown (the message may have been sent: never retried).
 */
public interface ChannelSender {

    Channel channel();

    /** A short name of the provider for statuses and incident messages, such as {@code smtp localhost:3025}. */
    String provider();

    String send(OutgoingMessage message) throws DeliveryFailure;
}
