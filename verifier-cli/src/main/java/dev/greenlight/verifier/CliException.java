package dev.greenlight.verifier;

/** A failure that ends a command with a message for the operator and a named exit code. */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    static CliException unreadable(String message, Throwable cause) {
        return new CliException(ExitCodes.UNREADABLE, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
