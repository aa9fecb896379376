package dev.greenlight.issuer.batch;

import dev.greenlight.cli.records.InputProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into records without decoding it, so that one row of bad UTF-8 spoils only
 * itself. Records end at LF (a CR before it is dropped); in CSV mode an LF inside a quoted field
 * belongs to the field. Empty lines are not records. A UTF-8 byte order mark at the very start is
 * skipped. Memory is bounded: a record longer than {@link #MAX_RECORD_BYTES} becomes a
 * {@code ROW_TOO_LONG} error and the rest of it is skipped.
 *
 * <p>Not thread-safe: one reader thread owns it.
 */
final class RecordReader {

    static final int MAX_RECORD_BYTES = 64 * 1024;

    private final InputStream in;
    private final boolean csvQuotes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long bytesConsumed;
    private long line = 1;
    private long row;
    private boolean started;
    private byte[] record = new byte[256];

    RecordReader(InputStream in, boolean csvQuotes) {
        this.in = in;
        this.csvQuotes = csvQuotes;
    }

    /** Bytes read so far, for progress against the file size. */
    long bytesConsumed() {
        return bytesConsumed;
    }

    /** The next record without numbering it as a row (a CSV header), or null at the end of the input. */
    InputRecord nextHeader() throws IOException {
        return read(false);
    }

    /** The next data record, or null at the end of the input. */
    InputRecord next() throws IOException {
        return read(true);
    }

    private InputRecord read(boolean countRow) throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (true) {
            long startLine = line;
            int length = 0;
            boolean quoted = false;
            boolean tooLong = false;
            boolean sawAny = false;
            int b;
            while ((b = nextByte()) >= 0) {
                sawAny = true;
                if (b == '\n') {
                    line++;
                    if (!quoted) {
                        break;
                    }
                }
                if (csvQuotes && b == '"') {
                    quoted = !quoted;
                }
                if (length == MAX_RECORD_BYTES) {
                    tooLong = true;
                } else {
                    if (length == record.length) {
                        record = Arrays.copyOf(record, Math.min(MAX_RECORD_BYTES, 2 * record.length));
                    }
                    record[length++] = (byte) b;
                }
            }
            if (!sawAny) {
                return null;
            }
            if (length > 0 && record[length - 1] == '\r' && !tooLong) {
                length--;
            }
            if (length == 0 && !tooLong) {
                continue;
            }
            long rowNumber = countRow ? ++row : 0;
            if (tooLong) {
                return new InputRecord(rowNumber, startLine, new byte[0], new RowError(InputProblem.ROW_TOO_LONG,
                        "the row is longer than " + MAX_RECORD_BYTES + " bytes"));
            }
            if (quoted) {
                return new InputRecord(rowNumber, startLine, new byte[0], new RowError(InputProblem.MALFORMED_ROW,
                        "a quoted field is not closed before the end of the input"));
            }
            return new InputRecord(rowNumber, startLine, Arrays.copyOf(record, length), null);
        }
    }

    private void skipByteOrderMark() throws IOException {
        fill();
        if (limit - position >= 3 && (buffer[position] & 0xFF) == 0xEF && (buffer[position + 1] & 0xFF) == 0xBB
                && (buffer[position + 2] & 0xFF) == 0xBF) {
            position += 3;
            bytesConsumed += 3;
        }
    }

    private int nextByte() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        bytesConsumed++;
        return buffer[position++] & 0xFF;
    }

    /** Makes at least three bytes available if the input has them; false at the end of the input. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        position = 0;
        limit = 0;
        while (limit < 3) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
        }
        return limit > 0;
    }
}
