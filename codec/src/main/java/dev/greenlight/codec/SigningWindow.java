package dev.greenlight.codec;

import java.time.Instant;
import java.util.Objects;

/**
 * When a key may sign: codes it issued before {@code notBefore} or at or after {@code notAfter}
 * are refused with {@link RejectionReason#OUTSIDE_KEY_WINDOW}. Half-open, like a code's own
 * validity, so that consecutive keys can hand over at one instant without overlap or gap.
 *
 * <p>Checked against the code's issue time, which the issuer's clock wrote and the signature
 * vouches for; the verifier's clock skew does not apply. A stolen key can still sign codes dated
 * inside its window: the window limits the damage of a retired key, a revocation list ends it.
 *
 * @param notBefore the first instant at which the key may sign
 * @param notAfter the first instant at which it may no longer sign; after {@code notBefore}
 */
public record SigningWindow(Instant notBefore, Instant notAfter) {

    /** The window of a key trusted without a trust list: any issue time. */
    public static final SigningWindow UNBOUNDED = new SigningWindow(Instant.MIN, Instant.MAX);

    /**
     * @param notBefore the first instant at which the key may sign
     * @param notAfter the first instant at which it may no longer sign
     * @throws IllegalArgumentException if {@code notAfter} is not after {@code notBefore}
     */
    public SigningWindow {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("A signing window must end after it starts: " + notBefore + " to " + notAfter);
        }
    }

    /**
     * @param issuedAt a code's issue time
     * @return whether a key with this window may have issued it
     */
    public boolean contains(Instant issuedAt) {
        return !issuedAt.isBefore(notBefore) && issuedAt.isBefore(notAfter);
    }

    @Override
    public String toString() {
        return this.equals(UNBOUNDED) ? "[any time]" : "[" + notBefore + ", " + notAfter + ")";
    }
}
