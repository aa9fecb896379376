package dev.greenlight.issuer.batch;

import dev.greenlight.cli.records.Record;

/** Turns one input record into its one output record, never an exception. Implementations are thread-safe. */
interface RecordProcessor {

    Record process(InputRecord record);
}
