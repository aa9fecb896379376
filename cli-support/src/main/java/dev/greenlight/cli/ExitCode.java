package dev.greenlight.cli;

/**
 * The one exit-code table of both tools: a number means the same thing in {@code gl-issue} and
 * {@code gl-verify}, so that a script branches on it without knowing which tool ran. Every command
 * lists the codes it can return in its {@code --help} ({@link ExitCodes}); README.md has the table.
 */
public enum ExitCode {

    /** Everything asked for was done; for {@code gl-verify}, every code checked is valid. */
    OK(0, "success (gl-verify: every code checked is valid)"),
    /** The run went to the end, but some of its items failed: a code rejected, a row turned into an error record. */
    SOME_FAILED(1, "some items failed: a code is not valid, or a row became an error record"),
    /** The command line is wrong: unknown option, missing or malformed argument. */
    USAGE(2, "invalid command line (unknown option, missing or malformed argument)"),
    /** Input could not be read, or output could not be written. */
    IO_ERROR(3, "input unreadable or output unwritable (missing file, not an image, no QR found, I/O error)"),
    /** A file or an issuer home exists and would be replaced without {@code --force}. */
    ALREADY_EXISTS(4, "a file or issuer home exists and --force was not given"),
    /** The input as a whole is not acceptable: an identity, a colour, a validity, a CSV header. */
    INVALID_INPUT(5, "invalid input (identity, colour, validity, input file as a whole)"),
    /** A key cannot be used: wrong passphrase, corrupt, missing, retired or unknown key; a trust file that holds no usable key. */
    KEY_ERROR(6, "a key cannot be used (wrong passphrase; corrupt, missing, retired or unknown key; bad trust file)"),
    /** The tool is not set up: no issuer home ({@code gl-issue init}), or no trusted keys ({@code --trust}). */
    NOT_CONFIGURED(7, "not set up: no issuer home (run 'gl-issue init') or no trusted keys (use --trust)"),
    /** A self-check went wrong: a demo code did not get the verdict it should have. */
    SELF_CHECK_FAILED(8, "a self-check failed: a demo code did not get the expected verdict"),
    /** A bug: the message and the stack trace on stderr say what broke. */
    INTERNAL_ERROR(70, "internal error (a bug; please report it with the stack trace)");

    private final int code;
    private final String help;

    ExitCode(int code, String help) {
        this.code = code;
        this.help = help;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** The line of {@code --help} that explains it. */
    public String help() {
        return help;
    }
}
