package dev.greenlight.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The one line reader of both tools. Reads LF-terminated lines as bytes, without decoding them,
 * so that one line of bad UTF-8 spoils only itself; keeps at most {@code maxLineBytes} of each: a
 * longer line is read to its end and discarded, so that a 100 MB line without a newline costs a
 * buffer, not 100 MB. Strips a CR before the LF and a UTF-8 byte order mark at the very start of
 * the stream, and nothing else: code texts may begin or end with a space. Empty lines are lines.
 *
 * <p>In CSV mode ({@link #csv}) an LF inside a double-quoted field belongs to the line, which
 * then spans several lines of the file; a CR inside it is kept.
 *
 * <p>Not thread-safe: one reader thread owns it.
 */
public final class LineReader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final boolean csvQuotes;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean atStart = true;
    private long nextLineNumber = 1;
    private long bytesRead;

    /**
     * One line.
     *
     * @param number        where it starts in the input, counting lines from 1
     * @param bytes         its bytes, at most the cap, without the line end
     * @param length        its full length, more than {@code bytes.length} if it was too long
     * @param unclosedQuote in CSV mode: the input ended inside a quoted field
     */
    public record Line(long number, byte[] bytes, long length, boolean unclosedQuote) {

        public Line {
            Objects.requireNonNull(bytes, "bytes");
        }

        public Line(long number, byte[] bytes, long length) {
            this(number, bytes, length, false);
        }

        public boolean tooLong() {
            return length > bytes.length;
        }
    }

    /** Lines end at every LF. */
    public LineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, false);
    }

    private LineReader(InputStream in, int maxLineBytes, boolean csvQuotes) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive, not " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.csvQuotes = csvQuotes;
    }

    /** Lines end at an LF outside double quotes: a CSV record per line. */
    public static LineReader csv(InputStream in, int maxLineBytes) {
        return new LineReader(in, maxLineBytes, true);
    }

    /** The next line, or null at the end of the input. A last line without a newline is still a line. */
    public Line next() throws IOException {
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
        long number = nextLineNumber;
        // One byte over the cap is kept so that a CR right after a full-length line can still be stripped.
        byte[] kept = new byte[Math.min(maxLineBytes + 1, 256)];
        int keptLength = 0;
        long length = 0;
        boolean newline = false;
        boolean quoted = false;
        while (!newline && fill()) {
            int end = position;
            while (end < limit) {
                byte b = buffer[end];
                if (b == '\n') {
                    if (!quoted) {
                        break;
                    }
                    nextLineNumber++;
                } else if (csvQuotes && b == '"') {
                    quoted = !quoted;
                }
                end++;
            }
            int segment = end - position;
            int copy = Math.min(maxLineBytes + 1 - keptLength, segment);
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
        nextLineNumber++;
        if (length == keptLength && keptLength > 0 && kept[keptLength - 1] == '\r') {
            keptLength--;
            length--;
        }
        int retained = Math.min(keptLength, maxLineBytes);
        return new Line(number, Arrays.copyOf(kept, retained), length, quoted);
    }

    /** Bytes taken from the input so far, for progress against a file's size. */
    public long bytesRead() {
        return bytesRead;
    }

    public int maxLineBytes() {
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
