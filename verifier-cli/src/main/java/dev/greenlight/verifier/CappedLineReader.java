package dev.greenlight.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads LF-terminated lines as bytes, keeping at most {@code maxLineBytes} of each: a longer line
 * is read to its end and discarded, so that a 100 MB line without a newline costs a buffer, not
 * 100 MB. Strips a CR before the LF and a UTF-8 byte order mark at the very start of the stream,
 * and nothing else: code texts may begin or end with a space. Not thread-safe.
 */
final class CappedLineReader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean atStart = true;
    private long lineNumber;
    private long bytesRead;

    /** One line: its number from 1, its bytes (at most the cap) and, if longer, its full length. */
    record Line(long number, byte[] bytes, long length) {

        Line {
            Objects.requireNonNull(bytes, "bytes");
        }

        boolean tooLong() {
            return length > bytes.length;
        }
    }

    CappedLineReader(InputStream in, int maxLineBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive, not " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the input. A last line without a newline is still a line. */
    Line next() throws IOException {
        if (!fill()) {
            return null;
        }
        if (atStart) {
            atStart = false;
            skipByteOrderMark();
            if (!fill()) {
                // A stream holding only a BOM is an empty file, not one empty line.
                return null;
            }
        }
        // One byte over the cap is kept so that a CR right after a full-length line can still be stripped.
        byte[] kept = new byte[Math.min(maxLineBytes + 1, 256)];
        int keptLength = 0;
        long length = 0;
        boolean newline = false;
        while (!newline && fill()) {
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int segment = end - position;
            int room = maxLineBytes + 1 - keptLength;
            int copy = Math.min(room, segment);
            if (copy > 0) {
                if (keptLength + copy > kept.length) {
                    kept = Arrays.copyOf(kept, Math.min(maxLineBytes + 1, Math.max(kept.length * 2, keptLength + copy)));
                }
                System.arraycopy(buffer, position, kept, keptLength, copy);
                keptLength += copy;
            }
            length += segment;
            position = end;
            if (end < limit) {
                newline = true;
                position++;
            }
        }
        lineNumber++;
        if (length == keptLength && keptLength > 0 && kept[keptLength - 1] == '\r') {
            keptLength--;
            length--;
        }
        int retained = Math.min(keptLength, maxLineBytes);
        return new Line(lineNumber, Arrays.copyOf(kept, retained), length);
    }

    /** Bytes consumed so far, for progress on a file of known size. */
    long bytesRead() {
        return bytesRead;
    }

    int maxLineBytes() {
        return maxLineBytes;
    }

    private void skipByteOrderMark() throws IOException {
        // The BOM is three bytes; make sure all three are buffered before looking.
        if (limit - position < 3 && position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit - position < 3 && !endOfInput) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                endOfInput = true;
            } else {
                limit += n;
                bytesRead += n;
            }
        }
        if (limit - position >= 3 && (buffer[position] & 0xFF) == 0xEF && (buffer[position + 1] & 0xFF) == 0xBB
                && (buffer[position + 2] & 0xFF) == 0xBF) {
            position += 3;
        }
    }

    private boolean fill() throws IOException {
        while (position >= limit) {
            if (endOfInput) {
                return false;
            }
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                endOfInput = true;
                return false;
            }
            position = 0;
            limit = n;
            bytesRead += n;
        }
        return true;
    }
}
