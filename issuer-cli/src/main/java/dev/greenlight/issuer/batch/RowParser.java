package dev.greenlight.issuer.batch;

/** Turns the decoded text of one record into a {@link Row}. Implementations are thread-safe. */
interface RowParser {

    Row parse(String record) throws RowError.RowException;
}
