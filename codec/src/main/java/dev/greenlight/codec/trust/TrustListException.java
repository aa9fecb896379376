package dev.greenlight.codec.trust;

import java.util.Objects;

/**
 * A trust list that must not be used, with the reason of the first check that failed
 * (specification, section 15.3). The message is for people and quotes received text only escaped.
 */
public final class TrustListException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a list was refused; the specification names the same reasons. */
    public enum Reason {
        /** More characters than {@link TrustListVerifier#MAX_LIST_CHARS}: refused before anything is decoded. */
        TOO_LARGE,
        /** Not a JWS of the format's profile, of another document type, or not signed by the pinned root. */
        SIGNATURE,
        /** Signed, but not a valid trust list document: JSON, members, types, ranges, keys, windows. */
        INVALID_DOCUMENT,
        /** Signed, but listing more keys than {@link TrustListDocument#MAX_KEYS}. */
        TOO_MANY_KEYS,
        /** A lower sequence number than a list this device already accepted. */
        ROLLBACK,
        /** Older than its maximum age, under {@link Freshness#STRICT}. */
        STALE,
        /** Issued later than the verifier's clock allows, under {@link Freshness#STRICT}. */
        NOT_YET_VALID
    }

    /** The failed check. */
    private final Reason reason;

    // Not public: only this package's checks decide that a list is refused, and they alone keep
    // the promise above that received text is quoted escaped.
    TrustListException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the failed check */
    public Reason reason() {
        return reason;
    }
}
