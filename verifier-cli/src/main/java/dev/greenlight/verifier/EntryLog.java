package dev.greenlight.verifier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The checkpoint's entry log: one record per scan, appended and forced to the disk before the
 * verdict is shown, so that a power cut loses nothing the operator has seen. Not thread-safe.
 */
final class EntryLog implements Closeable {

    static final String[] COLUMNS = {
        "time", "checkpoint", "direction", "verdict", "reason", "colour", "key_id", "serial", "identity_hash", "temperature",
    };

    private static final JsonFactory JSON = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** One scan, as logged. Fields of an unverified code are null: they are not known to be true. */
    record Entry(Instant time, String checkpoint, String direction, String verdict, String reason, String colour,
                 String keyId, String serial, String identityHash, BigDecimal temperature) {

        String[] values() {
            return new String[] {
                time.toString(), checkpoint, direction, verdict, reason, colour, keyId, serial, identityHash,
                temperature == null ? null : temperature.toPlainString(),
            };
        }
    }

    private final FileChannel channel;
    private final RecordFormat format;

    private EntryLog(FileChannel channel, RecordFormat format) {
        this.channel = channel;
        this.format = format;
    }

    static EntryLog open(Path file, RecordFormat format) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        EntryLog log = new EntryLog(channel, format);
        if (format == RecordFormat.CSV && channel.size() == 0) {
            log.writeAndForce(String.join(",", COLUMNS) + "\n");
        }
        return log;
    }

    void append(Entry entry) throws IOException {
        StringWriter line = new StringWriter(256);
        String[] values = entry.values();
        if (format == RecordFormat.JSONL) {
            try (JsonGenerator json = JSON.createGenerator(line)) {
                json.writeStartObject();
                for (int i = 0; i < COLUMNS.length; i++) {
                    if (values[i] == null) {
                        json.writeNullField(COLUMNS[i]);
                    } else if (i == COLUMNS.length - 1) {
                        json.writeNumberField(COLUMNS[i], entry.temperature());
                    } else {
                        json.writeStringField(COLUMNS[i], values[i]);
                    }
                }
                json.writeEndObject();
            }
        } else {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.write(',');
                }
                if (values[i] != null) {
                    RecordFormat.csvField(line, values[i]);
                }
            }
        }
        line.write('\n');
        writeAndForce(line.toString());
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
