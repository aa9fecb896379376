package dev.greenlight.verifier;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the process context from the root command, the output writers
 * picocli was given, and one place that turns a {@link CliException} into a message and its exit code.
 * Anything else thrown is a bug: it is reported as an internal error with its stack trace and exits
 * {@link ExitCodes#SOFTWARE}, never picocli's 1, which would read as "rejected".
 */
abstract class BaseCommand implements Callable<Integer> {

    @ParentCommand
    private VerifierCli root;

    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (CliException e) {
            err().println("gl-verify " + spec.name() + ": " + e.getMessage());
            err().flush();
            return e.exitCode();
        } catch (RuntimeException e) {
            err().println("gl-verify " + spec.name() + ": internal error (a bug; please report it): " + e);
            e.printStackTrace(err());
            err().flush();
            return ExitCodes.SOFTWARE;
        }
    }

    protected abstract int run() throws CliException;

    protected CliContext context() {
        return root.context();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
