package dev.greenlight.verifier;

import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.VerifiedCode;
import java.util.Objects;

/**
 * The result for one input record, valid or not.
 *
 * @param reason  null when valid; else a {@code RejectionReason} or {@link InputProblem} name
 * @param code    the verified code, or null
 */
record Outcome(Verdict verdict, String reason, String message, VerifiedCode code) {

    Outcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
        if ((verdict == Verdict.VALID) != (code != null)) {
            throw new IllegalArgumentException("a VALID outcome, and only that, carries a code");
        }
    }

    static Outcome of(VerificationResult result) {
        if (result.isValid()) {
            return new Outcome(Verdict.VALID, null, result.message(), result.code());
        }
        return new Outcome(Verdict.REJECTED, result.reason().name(), result.message(), null);
    }

    static Outcome unreadable(InputProblem problem, String message) {
        return new Outcome(Verdict.UNREADABLE, problem.name(), message, null);
    }

    boolean isValid() {
        return verdict == Verdict.VALID;
    }
}
