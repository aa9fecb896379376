package dev.greenlight.verifier;

import dev.greenlight.cli.records.CsvDelimiter;
import dev.greenlight.cli.records.Field;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordOutput;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The checkpoint's entry log: one scan record ({@code specs/records.md}) per scan, appended and
 * forced to the disk before the verdict is shown, so that a power cut loses nothing the operator
 * has seen. Not thread-safe.
 */
final class EntryLog implements Closeable {

    /** The fields of a scan record. */
    static final Field[] SCAN_FIELDS = {
        Field.TIME, Field.CHECKPOINT, Field.DIRECTION, Field.DECISION, Field.TEMPERATURE, Field.REPEAT,
    };

    private final FileChannel channel;
    private final RecordOutput records;

    private EntryLog(FileChannel channel, RecordOutput records) {
        this.channel = channel;
        this.records = records;
    }

    static EntryLog open(Path file, RecordFormat format) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        EntryLog log = new EntryLog(channel, RecordOutput.of(format, CsvDelimiter.DEFAULT, Field.VERIFICATION, SCAN_FIELDS));
        if (channel.size() == 0) {
            log.writeAndForce(log.records.header());
        }
        return log;
    }

    void append(Record entry) throws IOException {
        writeAndForce(records.format(entry));
    }

    private void writeAndForce(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        // Metadata too: in append mode the new file length is what makes the record readable after a crash.
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
