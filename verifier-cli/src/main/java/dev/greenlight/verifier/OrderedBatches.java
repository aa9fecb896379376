package dev.greenlight.verifier;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs batches on a pool and hands their results to a sink in submission order. At most
 * {@code window} batches are in flight: the reader blocks on the oldest rather than reading ahead,
 * which is what keeps memory flat whatever the input size. Used from one thread.
 *
 * @param <T> an input item
 * @param <R> a batch's result
 */
final class OrderedBatches<T, R> {

    /** Where finished batches go, in order. */
    @FunctionalInterface
    interface Sink<R> {
        void accept(R result);
    }

    private final ExecutorService pool;
    private final int window;
    private final Function<List<T>, R> work;
    private final Sink<R> sink;
    private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();

    OrderedBatches(ExecutorService pool, int window, Function<List<T>, R> work, Sink<R> sink) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.pool = pool;
        this.window = window;
        this.work = work;
        this.sink = sink;
    }

    void submit(List<T> batch) {
        while (inFlight.size() >= window) {
            drainOldest();
        }
        inFlight.add(pool.submit(() -> work.apply(batch)));
    }

    void finish() {
        while (!inFlight.isEmpty()) {
            drainOldest();
        }
    }

    private void drainOldest() {
        Future<R> oldest = inFlight.poll();
        R result;
        try {
            result = oldest.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.IO_ERROR, "interrupted");
        } catch (ExecutionException e) {
            // Work functions turn every per-item failure into a record; reaching here is a bug.
            throw new IllegalStateException("a batch failed", e.getCause());
        }
        sink.accept(result);
    }
}
