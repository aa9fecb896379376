package dev.greenlight.verifier;

/** The process exit codes of every command, as listed in {@code --help}. */
final class ExitCodes {

    /** Every code checked was valid (for {@code scan}: the session ended normally). */
    static final int VALID = 0;
    /** At least one code was rejected or one input record was not a readable code. */
    static final int REJECTED = 1;
    /** Bad options, or no usable trusted keys. */
    static final int USAGE = 2;
    /** The input (a file, an image, stdin) or the output could not be read or written. */
    static final int UNREADABLE = 3;
    /** A bug: an unexpected exception, reported with its stack trace (the same code as gl-issue's). */
    static final int SOFTWARE = 70;

    // Compile-time constants, so that every command's @Command can list them in --help.
    static final String HEADING = "%nExit codes:%n";
    static final String HELP_VALID = "0:valid: every code checked is valid";
    static final String HELP_REJECTED = "1:rejected: at least one code or input record is not valid";
    static final String HELP_USAGE = "2:usage or configuration error (bad option, no usable trusted keys)";
    static final String HELP_UNREADABLE = "3:input unreadable (missing file, not an image, no QR code found, I/O error)";
    static final String HELP_SOFTWARE = "70:internal error (a bug; please report it)";

    private ExitCodes() {
    }
}
