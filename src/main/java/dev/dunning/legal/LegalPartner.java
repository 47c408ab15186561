package dev.dunning.legal;

/** The law firm or collection agency that takes over. Delivery must be idempotent: the same pack may come twice. */
public interface LegalPartner {

    String name();

    /** Delivers the evidence pack; throws {@link dev.dunning.engine.TransientFailure} when the partner is unreachable. */
    void deliver(String caseId, String evidenceJson);
}
