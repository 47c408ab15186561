package dev.dunning.legal;

/**
 * The law firm or collection agency that takes over. Delivery must be idempotent: the same pack may come twice. The
 * partner acknowledges later with its reference, by signed callback or acknowledgement file ({@link LegalAcknowledgements}).
 */
public interface LegalPartner {

    String name();

    /** Delivers the evidence pack (JSON) and its PDF summary; throws {@link dev.dunning.engine.TransientFailure} when the partner is unreachable. */
    void deliver(String caseId, String evidenceJson, byte[] summaryPdf);
}
