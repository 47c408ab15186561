package dev.dunning.communications;

import org.springframework.stereotype.Component;

/** Letters: the rendered PDF goes to the configured {@link PrintAndMail} service. */
@Component
class LetterSender implements ChannelSender {

    private final PrintAndMail printAndMail;

    LetterSender(PrintAndMail printAndMail) {
        this.printAndMail = printAndMail;
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public String provider() {
        return printAndMail.name();
    }

    @Override
    public String send(OutgoingMessage message) throws DeliveryFailure {
        return printAndMail.submit(message.id(), message.caseId(), message.to(), message.pdf());
    }
}
