package dev.greenlight.verifier;

import java.io.PrintWriter;

/**
 * A one-line progress bar with rate on stderr, redrawn at most a few times a second. Only
 * created when stderr is a terminal: in a log file, carriage returns are noise.
 */
final class Progress {

    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final long startNanos;
    private long lastDrawNanos;
    private boolean drawn;

    Progress(PrintWriter err, long startNanos) {
        this.err = err;
        this.startNanos = startNanos;
    }

    /**
     * @param fraction of the input done, 0 to 1, or negative when the total is unknown (stdin)
     */
    void update(long records, double fraction, long nowNanos) {
        if (nowNanos - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = nowNanos;
        double seconds = (nowNanos - startNanos) / 1e9;
        double rate = seconds > 0 ? records / seconds : 0;
        StringBuilder line = new StringBuilder("\r");
        if (fraction >= 0) {
            int filled = (int) Math.round(Math.min(1, fraction) * BAR_WIDTH);
            line.append(String.format("%3.0f%% [", Math.min(1, fraction) * 100))
                    .append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ");
            if (rate > 0 && fraction > 0 && fraction < 1) {
                line.append(String.format("ETA %.0f s  ", seconds * (1 - fraction) / fraction));
            }
        }
        line.append(String.format("%,d records  %,.0f/s   ", records, rate));
        err.print(line);
        err.flush();
        drawn = true;
    }

    /** Clears the bar so the summary starts on a clean line. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(BAR_WIDTH + 70) + "\r");
            err.flush();
        }
    }
}
