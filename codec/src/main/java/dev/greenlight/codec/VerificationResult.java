package dev.greenlight.codec;

import java.util.Objects;

/**
 * The outcome of verifying one code: a {@link VerifiedCode}, or a {@link RejectionReason} with a
 * message for people. A value, not an exception, so that bulk verification handles rejections
 * as the common case they are.
 */
public final class VerificationResult {

    private final VerifiedCode code;
    private final RejectionReason reason;
    private final String message;

    private VerificationResult(VerifiedCode code, RejectionReason reason, String message) {
        this.code = code;
        this.reason = reason;
        this.message = message;
    }

    static VerificationResult valid(VerifiedCode code) {
        return new VerificationResult(Objects.requireNonNull(code), null, "valid");
    }

    static VerificationResult rejected(RejectionReason reason, String message) {
        return new VerificationResult(null, Objects.requireNonNull(reason), Objects.requireNonNull(message));
    }

    /** @return whether the code passed every check; then {@link #code()} holds it */
    public boolean isValid() {
        return code != null;
    }

    /**
     * The verified code.
     *
     * @return the code, with its claims checked
     * @throws IllegalStateException if the code was rejected: check {@link #isValid()} first
     */
    public VerifiedCode code() {
        if (code == null) {
            throw new IllegalStateException("The code was rejected (" + reason + "): " + message);
        }
        return code;
    }

    /** @return why the code was rejected, or null if it is valid */
    public RejectionReason reason() {
        return reason;
    }

    /** @return what was wrong, for people; "valid" for a valid code */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return isValid() ? "VerificationResult[valid " + code.claims() + "]" : "VerificationResult[" + reason + ": " + message + "]";
    }
}
