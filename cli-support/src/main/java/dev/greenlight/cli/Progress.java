package dev.greenlight.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The one progress line of both tools, on stderr: a bar and percentage when the total is known,
 * the count, the rate and an ETA, redrawn in place at most four times a second. It draws with a
 * carriage return and spaces only, no escape sequences, so a dumb terminal shows it too. Created
 * by {@link ProgressOption}, which decides whether it is shown at all. Used from one thread.
 */
public final class Progress {

    /** Draws nothing. */
    public static final Progress NONE = new Progress();

    static final long REDRAW_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final String unit;
    private final long total;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastDraw;
    private int drawnWidth;
    private boolean drawn;

    private Progress() {
        this.err = null;
        this.unit = null;
        this.total = -1;
        this.nanoTime = () -> 0L;
        this.start = 0;
    }

    /**
     * @param unit  what is counted, plural: {@code rows}, {@code records}
     * @param total how much {@code done} reaches at the end (bytes of a file, images in a directory), or negative if unknown
     */
    Progress(PrintWriter err, String unit, long total, LongSupplier nanoTime) {
        this.err = err;
        this.unit = unit;
        this.total = total;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /**
     * @param items how many items are finished
     * @param done  how far towards the total, in its units (bytes read, files done)
     */
    public void update(long items, long done) {
        if (err == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        String line = line(items, done, now - start);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = line.length();
    }

    /** Clears the line, so that the summary starts on a clean one. */
    public void finish() {
        if (err != null && drawn) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawn = false;
        }
    }

    String line(long items, long done, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        StringBuilder text = new StringBuilder();
        boolean known = total > 0;
        double fraction = known ? Math.min(1.0, (double) done / total) : 0;
        if (known) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            text.append('[').append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%  ", Math.round(fraction * 100)));
        }
        text.append(String.format(Locale.ROOT, "%,d %s  %,.0f %s/s", items, unit, items / seconds, unit));
        if (known && fraction > 0 && fraction < 1) {
            long eta = Math.round(seconds * (1 - fraction) / fraction);
            text.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
        }
        return text.toString();
    }

    /** The throughput line every summary starts with: {@code 1,000 rows in 2.0 s (500 rows/s)}. */
    public static String throughput(long items, String unit, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%,d %s in %.1f s (%,.0f %s/s)", items, unit, seconds, items / seconds, unit);
    }
}
