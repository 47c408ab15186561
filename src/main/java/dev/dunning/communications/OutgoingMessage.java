package dev.dunning.communications;

/** A rendered communication ready for its channel. {@code to} is the channel address (email, E.164 number, postal). */
public record OutgoingMessage(long id, String caseId, Purpose purpose, Channel channel, String to, String subject,
                              String html, String text, byte[] pdf, String optOutLink) {}
