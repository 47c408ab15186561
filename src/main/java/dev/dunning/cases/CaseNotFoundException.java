package dev.dunning.cases;

public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String what) {
        super("no dunning case " + what);
    }
}
