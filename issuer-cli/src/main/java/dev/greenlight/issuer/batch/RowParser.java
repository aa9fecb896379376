package dev.greenlight.issuer.batch;

/** Turns the decoded text of one record into a {@link Row}. Implementations are thread-safe. */
interface RowParser {

    /** @param line the line the record starts on, for messages */
    Row parse(String record, long line) throws RowError.RowException;
}
