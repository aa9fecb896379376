package dev.greenlight.issuer;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: its streams (the ones picocli was given, so tests capture them),
 * the tool's environment, and the mapping of failures to exit codes. A {@link CliException}
 * becomes its message and code, an {@link IssuerHomeException} its message and the code of its
 * reason; anything else is a bug and exits {@link ExitCodes#SOFTWARE}
 * rather than picocli's 1, which {@code batch} uses for "some rows failed".
 */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    IssuerCli cli;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (CliException e) {
            return fail(e.getMessage(), e.exitCode());
        } catch (IssuerHomeException e) {
            return fail(e.getMessage(), exitCode(e.reason()));
        } catch (RuntimeException e) {
            err().println("gl-issue " + spec.name() + ": internal error: " + e);
            e.printStackTrace(err());
            return ExitCodes.SOFTWARE;
        } finally {
            out().flush();
            err().flush();
        }
    }

    protected abstract int run();

    /** The one mapping of the issuer home's failures to the exit codes listed in {@code --help}. */
    static int exitCode(IssuerHomeException.Reason reason) {
        return switch (reason) {
            case NO_HOME -> ExitCodes.NO_HOME;
            case ALREADY_EXISTS -> ExitCodes.ALREADY_EXISTS;
            case KEY_ERROR -> ExitCodes.KEY_ERROR;
            case IO_ERROR -> ExitCodes.IO_ERROR;
        };
    }

    private int fail(String message, int exitCode) {
        err().println("gl-issue " + spec.name() + ": " + message);
        return exitCode;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected Environment env() {
        return cli.environment();
    }
}
