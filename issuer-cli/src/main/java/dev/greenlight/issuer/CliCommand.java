package dev.greenlight.issuer;

import dev.greenlight.cli.BaseCommand;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;

/**
 * A command of gl-issue: the shared {@link BaseCommand}, the tool's environment, and the one
 * mapping of the issuer home's failures to exit codes.
 */
abstract class CliCommand extends BaseCommand {

    /** The one mapping of the issuer home's failures to the exit codes listed in {@code --help}. */
    static ExitCode exitCode(IssuerHomeException.Reason reason) {
        return switch (reason) {
            case NO_HOME -> ExitCode.NOT_CONFIGURED;
            case ALREADY_EXISTS -> ExitCode.ALREADY_EXISTS;
            case KEY_ERROR -> ExitCode.KEY_ERROR;
            case IO_ERROR -> ExitCode.IO_ERROR;
        };
    }

    @Override
    protected CliException translate(RuntimeException failure) {
        if (failure instanceof IssuerHomeException home) {
            return new CliException(exitCode(home.reason()), home.getMessage(), home);
        }
        return null;
    }

    protected Environment env() {
        return root(IssuerCli.class).environment();
    }
}
