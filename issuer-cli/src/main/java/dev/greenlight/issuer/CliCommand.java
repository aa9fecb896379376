package dev.greenlight.issuer;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: its streams (the ones picocli was given, so tests capture them),
 * the tool's environment, and the mapping of failures to exit codes. A {@link CliException}
 * becomes its message and code; anything else is a bug and exits {@link ExitCodes#SOFTWARE}
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
            err().println("gl-issue " + spec.name() + ": " + e.getMessage());
            return e.exitCode();
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
