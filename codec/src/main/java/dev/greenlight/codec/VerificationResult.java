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
    /** Those of a code rejected after its signature was checked; a valid code holds its own. */
    private final CodeClaims signedClaims;

    private VerificationResult(VerifiedCode code, RejectionReason reason, String message, CodeClaims signedClaims) {
        this.code = code;
        this.reason = reason;
        this.message = message;
        this.signedClaims = signedClaims;
    }

    static VerificationResult valid(VerifiedCode code) {
        return new VerificationResult(Objects.requireNonNull(code), null, "valid", null);
    }

    static VerificationResult rejected(RejectionReason reason, String message) {
        return new VerificationResult(null, Objects.requireNonNull(reason), Objects.requireNonNull(message), null);
    }

    /**
     * A rejection after the signature and the fields were checked, so the claims are the issuer's:
     * for the key's signing window, a revocation, or the times.
     */
    static VerificationResult rejectedWithSignedClaims(RejectionReason reason, String message, CodeClaims signedClaims) {
        if (reason.compareTo(RejectionReason.INVALID_FIELD) <= 0) {
            throw new IllegalArgumentException("a code rejected as " + reason + " has no claims anybody vouches for");
        }
        return new VerificationResult(null, reason, Objects.requireNonNull(message), Objects.requireNonNull(signedClaims));
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

    /**
     * The claims as the issuer signed them, when the signature by a trusted key and the fields were
     * checked: those of a valid code, and those of a code rejected by a later step
     * ({@link RejectionReason#OUTSIDE_KEY_WINDOW}, {@link RejectionReason#REVOKED},
     * {@link RejectionReason#NOT_YET_VALID}, {@link RejectionReason#EXPIRED}), so that a report can
     * say which code was revoked or when it expired. For every other rejection the claims are not
     * known to be the issuer's, and this is null.
     *
     * @return the signed claims, or null when no signature was found valid
     */
    public CodeClaims signedClaims() {
        return code != null ? code.claims() : signedClaims;
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
