package dev.greenlight.issuer.batch;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar with rate and ETA, redrawn at most four times a second. For terminals
 * only: it draws with carriage returns.
 */
public final class TerminalProgress implements ProgressListener {

    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final long totalBytes;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastDraw;

    /**
     * @param totalBytes the input's size, or a negative number if unknown (then no bar and no ETA)
     */
    public TerminalProgress(PrintWriter err, long totalBytes, LongSupplier nanoTime) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastDraw = start;
    }

    @Override
    public void update(long rowsWritten, long inputBytesRead) {
        long now = nanoTime.getAsLong();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        err.print("\r" + line(rowsWritten, inputBytesRead, now - start) + "\u001b[K");
        err.flush();
    }

    /** Ends the bar's line so that the summary starts on a fresh one. */
    public void finish() {
        if (lastDraw != start) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    String line(long rows, long bytesRead, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        long rate = Math.round(rows / seconds);
        StringBuilder text = new StringBuilder();
        if (totalBytes > 0) {
            double fraction = Math.min(1.0, (double) bytesRead / totalBytes);
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            text.append('[').append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format("%3d%%  ", Math.round(fraction * 100)));
        }
        text.append(rows).append(" rows  ").append(rate).append(" codes/s");
        if (totalBytes > 0 && bytesRead > 0) {
            long etaSeconds = Math.round(seconds * (totalBytes - bytesRead) / bytesRead);
            text.append(String.format("  ETA %d:%02d", etaSeconds / 60, etaSeconds % 60));
        }
        return text.toString();
    }
}
