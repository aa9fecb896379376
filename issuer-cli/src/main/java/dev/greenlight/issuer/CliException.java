package dev.greenlight.issuer;

/**
 * A failure the operator can act on: its message goes to stderr as it is, and the command exits
 * with {@link #exitCode()}. Messages never contain key material or identity secrets.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
