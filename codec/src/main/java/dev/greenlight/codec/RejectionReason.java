package dev.greenlight.codec;

/**
 * Why a code was rejected, in the order the verifier checks (see the specification). Callers and
 * tools branch on these; the accompanying message is for people.
 */
public enum RejectionReason {
    /** Not a code at all: wrong prefix, too long, invalid Base45, wrong byte length. */
    MALFORMED,
    /** A code of a format version this verifier does not implement. */
    UNSUPPORTED_VERSION,
    /** No trusted key has the code's key id. */
    UNKNOWN_KEY,
    /** The signature is not a valid low-S signature by any trusted key with that id. */
    BAD_SIGNATURE,
    /** Signed by a trusted key, but a field holds a value the format forbids (colour, validity). */
    INVALID_FIELD,
    /**
     * Signed by a trusted key, but issued outside the window in which that key may sign (a signed
     * trust list gives each key one): a key that was retired, or not yet brought into service.
     */
    OUTSIDE_KEY_WINDOW,
    /** Signed by a trusted key, but a revocation list names the code (key id and serial) or its whole key. */
    REVOKED,
    /** The issue time is later than now plus the allowed clock skew. */
    NOT_YET_VALID,
    /** Now, less the allowed clock skew, is at or after the expiry. */
    EXPIRED
}
