package dev.greenlight.cli.records;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/**
 * Writes records one after another, each ending in a line feed. Closing flushes but leaves the
 * target open. Not thread-safe: one writer per thread, each over its own target.
 */
public interface RecordWriter extends Flushable, Closeable {

    /** @throws IllegalArgumentException if the record has a field outside this writer's columns (a bug) */
    void write(Record record) throws IOException;
}
