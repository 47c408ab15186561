package dev.dunning.communications;

/** The print-and-mail service that prints a letter PDF and posts it. Returns the service's reference. */
public interface PrintAndMail {

    String name();

    String submit(long communicationId, String caseId, String recipient, byte[] pdf) throws DeliveryFailure;
}
