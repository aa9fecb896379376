package dev.greenlight.issuer;

/**
 * Why the issuer home cannot do what was asked. {@link IssuerHome} knows files and keys, not
 * commands: the commands turn the {@link Reason} into an exit code, in {@link CliCommand}.
 * Messages name files and key ids, never key material or the identity secret.
 */
final class IssuerHomeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    enum Reason {
        /** No home, or an incomplete or unreadable one (settings, identity secret). */
        NO_HOME,
        /** A home or a file is there and would be replaced without {@code --force}. */
        ALREADY_EXISTS,
        /** A key cannot be used: missing, corrupt, not the key its name says, wrong passphrase. */
        KEY_ERROR,
        /** A file could not be read or written. */
        IO_ERROR
    }

    private final Reason reason;

    IssuerHomeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    IssuerHomeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
