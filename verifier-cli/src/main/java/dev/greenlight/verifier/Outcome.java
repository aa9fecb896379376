package dev.greenlight.verifier;

import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.VerifiedCode;
import java.util.Objects;

/**
 * The result for one input record, valid or not: the codec's result, or why the input was no code
 * text (exactly one of {@code result} and {@code problem} is set).
 */
record Outcome(VerificationResult result, InputProblem problem, String problemMessage) {

    Outcome {
        if ((result == null) == (problem == null)) {
            throw new IllegalArgumentException("an outcome is a verification result or an input problem");
        }
    }

    static Outcome of(VerificationResult result) {
        return new Outcome(Objects.requireNonNull(result, "result"), null, null);
    }

    static Outcome unreadable(InputProblem problem, String message) {
        return new Outcome(null, Objects.requireNonNull(problem, "problem"), Objects.requireNonNull(message, "message"));
    }

    Verdict verdict() {
        return result == null ? Verdict.INPUT_ERROR : result.isValid() ? Verdict.VALID : Verdict.REJECTED;
    }

    /** @return null when valid; else a {@code RejectionReason} or {@link InputProblem} name */
    String reason() {
        return problem != null ? problem.name() : result.isValid() ? null : result.reason().name();
    }

    String message() {
        return problem != null ? problemMessage : result.message();
    }

    /** @return the verified code, or null */
    VerifiedCode code() {
        return result != null && result.isValid() ? result.code() : null;
    }

    boolean isValid() {
        return result != null && result.isValid();
    }

    /** The record of this outcome, for the caller to add where the input came from. */
    Record.Builder record() {
        return result != null ? Record.verified(result) : Record.inputError(problem, problemMessage);
    }
}
