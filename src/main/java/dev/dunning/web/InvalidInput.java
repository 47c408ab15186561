package dev.dunning.web;

import java.util.List;

/** A request that failed our own checks; each error names the field (JSON path) at fault. */
public class InvalidInput extends RuntimeException {

    public record FieldProblem(String field, String message) {}

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
