package dev.greenlight.issuer.batch;

/**
 * One record of a batch input, still as bytes: decoding and parsing happen on the worker threads.
 *
 * @param row     data records counted from 1 (a CSV header is not a row)
 * @param line    the physical line the record starts on, counted from 1, to find it in an editor
 * @param bytes   the record without its line ending; empty if {@code problem} is set
 * @param problem why the record could not even be cut out of the input, or null
 */
record InputRecord(long row, long line, byte[] bytes, RowError problem) {
}
