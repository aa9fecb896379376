package dev.greenlight.codec.revocation;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A revocation list, or a chain of them, that must not be used. The message is for people and
 * quotes nothing received unescaped; the {@link #reason() reason} is for programs.
 */
public final class RevocationListException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a list or a chain was refused. */
    public enum Reason {
        /** Too long to read: the text, the serials, or the keys exceed the format's caps. */
        TOO_LARGE,
        /** Not a JWS of the format's profile, or its signature is not the pinned root key's. */
        BAD_SIGNATURE,
        /** Signed by the root, but another kind of document (a trust list, say). */
        WRONG_TYPE,
        /** Signed, but its bytes break the layout: truncated, trailing bytes, unsorted or repeated entries, counts that do not match. */
        MALFORMED,
        /** A chain that does not start with a base list, or a delta that does not follow the list before it. */
        WRONG_BASE,
        /** Older than a list already accepted: it could un-revoke codes. */
        ROLLBACK
    }

    /** Why the list was refused. */
    private final Reason reason;
    /** For a chain, the position of the list that broke it; -1 for a list refused on its own. */
    private final int chainIndex;

    RevocationListException(Reason reason, String message) {
        this(reason, message, -1);
    }

    RevocationListException(Reason reason, String message, int chainIndex) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.chainIndex = chainIndex;
    }

    /** @return why the list or chain was refused */
    public Reason reason() {
        return reason;
    }

    /**
     * Which list of a chain to blame, so that a device or an operator fetches or replaces that one
     * rather than the last: a delta that skips another stands where the gap is.
     *
     * @return for a chain refused by {@link RevocationSet#of}, the position of the list that broke
     *         it (0 the base, k its k-th delta); empty for a list refused by itself
     */
    public OptionalInt chainIndex() {
        return chainIndex < 0 ? OptionalInt.empty() : OptionalInt.of(chainIndex);
    }
}
