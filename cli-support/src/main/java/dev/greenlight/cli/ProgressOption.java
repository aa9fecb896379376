package dev.greenlight.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import picocli.CommandLine.Option;

/**
 * {@code --progress} and {@code --quiet}, for every command that works through many items. By
 * default progress is drawn when stderr is a terminal; {@code --quiet} drops progress and summary.
 */
public final class ProgressOption {

    /** When to draw progress. */
    public enum When {
        /** When stderr is a terminal. */
        AUTO,
        ALWAYS,
        NEVER
    }

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Draw progress on stderr: auto (when stderr is a terminal), always or never (default: ${DEFAULT-VALUE}).")
    When when = When.AUTO;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary on stderr.")
    boolean quiet;

    public boolean quiet() {
        return quiet;
    }

    /** Whether progress is drawn, given where stderr goes. */
    public boolean shown(Terminal terminal) {
        return !quiet && (when == When.ALWAYS || (when == When.AUTO && terminal.stderrIsTerminal()));
    }

    /**
     * The progress line for this run, or {@link Progress#NONE}.
     *
     * @param unit  what is counted, plural
     * @param total what {@code done} reaches at the end, or negative if unknown
     */
    public Progress open(PrintWriter err, Terminal terminal, String unit, long total) {
        return open(err, terminal, unit, total, System::nanoTime);
    }

    Progress open(PrintWriter err, Terminal terminal, String unit, long total, LongSupplier nanoTime) {
        return shown(terminal) ? new Progress(err, unit, total, nanoTime) : Progress.NONE;
    }
}
