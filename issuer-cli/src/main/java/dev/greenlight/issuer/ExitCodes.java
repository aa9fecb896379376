package dev.greenlight.issuer;

/**
 * The exit codes of every command, named so scripts can branch on them. Each command lists the
 * ones it can return in its {@code --help}; the {@code *_HELP} strings are those lines.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** {@code batch}: the batch ran to the end but at least one row became an error record. */
    public static final int SOME_ROWS_FAILED = 1;
    /** Picocli's own code for a bad command line. */
    public static final int USAGE = 2;
    public static final int NO_HOME = 3;
    public static final int ALREADY_EXISTS = 4;
    public static final int INVALID_INPUT = 5;
    public static final int KEY_ERROR = 6;
    public static final int IO_ERROR = 7;
    /** {@code demo}: a code did not get the verdict it should have. */
    public static final int VERIFICATION_FAILED = 8;
    /** A bug: the message says what broke. */
    public static final int SOFTWARE = 70;

    public static final String OK_HELP = "0:success";
    public static final String SOME_ROWS_FAILED_HELP = "1:some rows failed; each has an error record in the output";
    public static final String USAGE_HELP = "2:invalid command line (unknown option, missing argument)";
    public static final String NO_HOME_HELP = "3:no issuer home, or it is incomplete: run 'gl-issue init'";
    public static final String ALREADY_EXISTS_HELP = "4:a file or home exists and --force was not given";
    public static final String INVALID_INPUT_HELP = "5:invalid input (identity, colour, validity, input file)";
    public static final String KEY_ERROR_HELP = "6:the key cannot be used (wrong passphrase, corrupt or missing file)";
    public static final String IO_ERROR_HELP = "7:a file could not be read or written";
    public static final String VERIFICATION_FAILED_HELP = "8:a demo code did not get the expected verdict";
    public static final String SOFTWARE_HELP = "70:internal error (a bug; please report it)";

    private ExitCodes() {
    }
}
