package dev.greenlight.cli.records;

import java.util.Objects;

/** A CSV row that cannot be read: why, as a code for the record and a message naming the line. */
public final class CsvInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final InputProblem problem;

    CsvInputException(InputProblem problem, String message) {
        super(message, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public InputProblem problem() {
        return problem;
    }
}
