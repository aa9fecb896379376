package dev.greenlight.issuer.batch;

import dev.greenlight.cli.LineReader;
import dev.greenlight.cli.records.InputProblem;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts the batch input into numbered records, on the shared {@link LineReader}: bytes, not yet
 * decoded, so that one row of bad UTF-8 spoils only itself. In CSV mode an LF inside a quoted
 * field belongs to the field. Empty lines are not records. Memory is bounded: a record longer
 * than {@link #MAX_RECORD_BYTES} becomes a {@code ROW_TOO_LONG} error and the rest of it is
 * skipped.
 *
 * <p>Not thread-safe: one reader thread owns it.
 */
final class RecordReader {

    static final int MAX_RECORD_BYTES = 64 * 1024;

    private final LineReader lines;
    private long row;
    private long headerLine;

    RecordReader(InputStream in, boolean csvQuotes) {
        this.lines = csvQuotes ? LineReader.csv(in, MAX_RECORD_BYTES) : new LineReader(in, MAX_RECORD_BYTES);
    }

    /** Bytes read so far, for progress against the file size. */
    long bytesConsumed() {
        return lines.bytesRead();
    }

    /** The next record without numbering it as a row (a CSV header), or null at the end of the input. */
    InputRecord nextHeader() throws IOException {
        InputRecord header = read(false);
        if (header != null) {
            headerLine = header.line();
        }
        return header;
    }

    /** The line {@link #nextHeader} read the header from; 0 before. */
    long headerLine() {
        return headerLine;
    }

    /** The next data record, or null at the end of the input. */
    InputRecord next() throws IOException {
        return read(true);
    }

    private InputRecord read(boolean countRow) throws IOException {
        LineReader.Line line;
        do {
            line = lines.next();
            if (line == null) {
                return null;
            }
        } while (line.length() == 0);
        long rowNumber = countRow ? ++row : 0;
        if (line.tooLong()) {
            return new InputRecord(rowNumber, line.number(), new byte[0], new RowError(InputProblem.ROW_TOO_LONG,
                    "the row is longer than " + MAX_RECORD_BYTES + " bytes"));
        }
        if (line.unclosedQuote()) {
            return new InputRecord(rowNumber, line.number(), new byte[0], new RowError(InputProblem.MALFORMED_ROW,
                    "a quoted field is not closed before the end of the input"));
        }
        return new InputRecord(rowNumber, line.number(), line.bytes(), null);
    }
}
