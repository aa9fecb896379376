package dev.greenlight.registry;

import java.util.Objects;

/**
 * The registry could not do what was asked; {@link #reason()} says why, for callers to branch on.
 * Unchecked, like the JDBC wrappers of most data-access libraries: a caller that can do nothing
 * but stop need not declare it, and the daily job's stream can throw it.
 */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the registry refused or failed. */
    public enum Reason {
        /** The JDBC URL names a database the registry does not run on. */
        UNSUPPORTED_DATABASE,
        /** The database's schema is newer than this program, or an applied migration was changed. */
        SCHEMA_MISMATCH,
        /**
         * Another writer changed the holder since the caller read it (another issuing node, or a
         * second process): read the holder again and re-apply the event.
         */
        CONFLICT,
        /** A holder's first event was recorded as if it had a state, or the other way round. */
        UNKNOWN_HOLDER,
        /** The database failed: connection, disk, lock timeout. Nothing of the call was stored. */
        STORAGE
    }

    private final Reason reason;

    /**
     * @param reason  why
     * @param message for people
     */
    public RegistryException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason  why
     * @param message for people
     * @param cause   the database's exception
     */
    public RegistryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the registry refused or failed */
    public Reason reason() {
        return reason;
    }
}
