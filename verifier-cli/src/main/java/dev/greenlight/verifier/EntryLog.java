package dev.greenlight.verifier;

import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.records.CsvDelimiter;
import dev.greenlight.cli.records.Field;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordOutput;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The checkpoint's entry log: one scan record ({@code specs/records.md}) per scan, appended and
 * forced to the disk before the verdict is shown, so that a power cut loses nothing the operator
 * has seen. Not thread-safe.
 *
 * <p>A crash in the middle of an append can leave a last line without its line feed; the next
 * session's first entry would be glued onto it and both lines lost to a reader. So {@link #open}
 * first cuts the file back to its last line feed, and says so. The log holds identity hashes: a
 * new log is created 0600 where the file system has POSIX permissions.
 */
final class EntryLog implements Closeable {

    /** The fields of a scan record. */
    static final Field[] SCAN_FIELDS = {
        Field.TIME, Field.CHECKPOINT, Field.DIRECTION, Field.DECISION, Field.TEMPERATURE, Field.REPEAT,
    };

    /** The log file; null when the log goes to {@link #stream}. */
    private final FileChannel channel;
    private final PrintWriter stream;
    private final RecordOutput records;

    private EntryLog(FileChannel channel, PrintWriter stream, RecordOutput records) {
        this.channel = channel;
        this.stream = stream;
        this.records = records;
    }

    /**
     * A log written to a stream ({@code --log -}: stdout, for a collector at the other end of a
     * pipe): the header first, then each record flushed before the verdict is shown. A pipe cannot
     * be forced to a disk, and has no torn line to recover: what the reader keeps is its affair.
     */
    static EntryLog toStream(PrintWriter stream, RecordFormat format) throws IOException {
        EntryLog log = new EntryLog(null, stream, RecordOutput.of(format, CsvDelimiter.DEFAULT, Field.VERIFICATION, SCAN_FIELDS));
        log.writeAndForce(log.records.header());
        return log;
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int TAIL_CHUNK = 8192;

    /**
     * Opens the log for appending, creating it (0600) if need be, and recovers a torn last line.
     *
     * @param warnings where to say that a torn line was cut, or that an existing log is readable by others
     */
    static EntryLog open(Path file, RecordFormat format, PrintWriter warnings) throws IOException {
        createOwnerOnly(file, warnings);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long kept = lastLineEnd(channel);
            if (kept < channel.size()) {
                long cut = channel.size() - kept;
                channel.truncate(kept);
                channel.force(true);
                warnings.println("scan: the entry log " + Terminal.safe(file.toString()) + " ended in a partial line (" + cut
                        + " bytes, a crash during a write?): cut back to the last whole line");
            }
            channel.position(channel.size());
            EntryLog log = new EntryLog(channel, null, RecordOutput.of(format, CsvDelimiter.DEFAULT, Field.VERIFICATION, SCAN_FIELDS));
            if (channel.size() == 0) {
                log.writeAndForce(log.records.header());
            } else if (format == RecordFormat.CSV) {
                log.checkHeader(file);
            }
            return log;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void createOwnerOnly(Path file, PrintWriter warnings) throws IOException {
        boolean posix = file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // An existing log: appended to as it is, its mode the owner's choice; but say if others can read it.
            if (posix && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                warnings.println("scan: the entry log " + Terminal.safe(file.toString()) + " holds identity hashes and is readable by others"
                        + " (consider chmod 600)");
            }
            return;
        }
        if (posix && !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            // The umask cannot widen a mode given at creation, but an ACL default could: say nothing, set it.
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /** The length of the file up to and including its last line feed: 0 if it has none. */
    private static long lastLineEnd(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer chunk = ByteBuffer.allocate(TAIL_CHUNK);
        while (end > 0) {
            long start = Math.max(0, end - TAIL_CHUNK);
            chunk.clear().limit((int) (end - start));
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, start + chunk.position()) < 0) {
                    throw new IOException("the entry log shrank while it was read");
                }
            }
            for (int i = chunk.limit() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    /** Refuses to append rows to a CSV log whose header names other columns (an older schema's). */
    private void checkHeader(Path file) throws IOException {
        String expected = records.header().strip();
        ByteBuffer start = ByteBuffer.allocate(expected.length() + 2);
        while (start.hasRemaining() && channel.read(start, start.position()) > 0) {
            // reads the header's length and its line end
        }
        String found = new String(start.array(), 0, start.position(), StandardCharsets.UTF_8);
        int end = found.indexOf('\n');
        if (end < 0 || !found.substring(0, end).strip().equals(expected)) {
            throw new IOException(file + " has other columns than a scan log of this version (" + expected
                    + "): start a new log file");
        }
    }

    void append(Record entry) throws IOException {
        writeAndForce(records.format(entry));
    }

    private void writeAndForce(String text) throws IOException {
        if (channel == null) {
            stream.print(text);
            stream.flush();
            if (stream.checkError()) {
                throw new IOException("the entry log's stream was closed (a broken pipe?)");
            }
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        // Metadata too: in append mode the new file length is what makes the record readable after a crash.
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        if (channel == null) {
            // stdout belongs to the process, and the record of each scan is already flushed.
            return;
        }
        channel.close();
    }
}
