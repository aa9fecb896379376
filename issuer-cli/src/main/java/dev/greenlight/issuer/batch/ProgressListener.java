package dev.greenlight.issuer.batch;

/** Told after each chunk of output is written; called from the thread that runs the batch. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (rows, bytesRead) -> { };

    void update(long rowsWritten, long inputBytesRead);
}
