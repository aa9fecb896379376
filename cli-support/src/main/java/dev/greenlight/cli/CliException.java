package dev.greenlight.cli;

import java.util.Objects;

/**
 * A failure the operator can act on: the command stops, its message goes to stderr as one line,
 * and the process exits with {@link #exitCode()}. Messages never contain key material or secrets.
 */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    public CliException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    public final ExitCode exitCode() {
        return exitCode;
    }
}
