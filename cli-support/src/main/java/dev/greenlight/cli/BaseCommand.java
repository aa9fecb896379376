package dev.greenlight.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every command of both tools. A command returns an {@link ExitCode} from
 * {@link #run()}, or throws a {@link CliException}; {@link Tools} turns the exception into one line
 * on stderr and its exit code, and anything else into {@link ExitCode#INTERNAL_ERROR} with the
 * stack trace. Output goes to the writers picocli was given, so tests capture it.
 */
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return run().code();
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** Does the work: data to {@link #out()}, messages and progress to {@link #err()}. */
    protected abstract ExitCode run();

    /**
     * A failure of this tool's own domain that is not a {@link CliException}, given its exit code
     * and message; null for anything else, which is a bug.
     */
    protected CliException translate(RuntimeException failure) {
        return null;
    }

    protected final CommandSpec spec() {
        return spec;
    }

    /** The tool's top-level command object, which holds what the tool takes from the process. */
    protected final <T> T root(Class<T> type) {
        return type.cast(spec.root().userObject());
    }

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
