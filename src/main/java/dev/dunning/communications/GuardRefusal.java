package dev.dunning.communications;

/** A compliance guard refused a contact; {@code rule} names the rule (409 problem+json with the rule). */
public class GuardRefusal extends RuntimeException {

    private final String rule;

    public GuardRefusal(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
