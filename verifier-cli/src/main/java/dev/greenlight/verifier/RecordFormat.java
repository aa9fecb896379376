package dev.greenlight.verifier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.greenlight.codec.VerifiedCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * How records are written: JSON Lines (one object per line) or CSV (RFC 4180 quoting, a header).
 * Both carry the same columns; absent values are JSON null or an empty CSV field.
 * Thread-safe: workers format their batches in parallel.
 */
enum RecordFormat {
    JSONL, CSV;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    static final String[] VALUE_COLUMNS = {
        "verdict", "reason", "message", "colour", "key_id", "serial", "identity_hash", "issued_at", "expires_at",
    };

    /**
     * @param inputColumn "line" (written as a number) or "file"; null writes no input column
     */
    String header(String inputColumn) {
        if (this != CSV) {
            return "";
        }
        StringBuilder header = new StringBuilder();
        if (inputColumn != null) {
            header.append(inputColumn).append(',');
        }
        header.append(String.join(",", VALUE_COLUMNS)).append('\n');
        return header.toString();
    }

    /** Appends one record and its line end. */
    void write(Writer out, String inputColumn, Object input, Outcome outcome) {
        try {
            if (this == JSONL) {
                writeJson(out, inputColumn, input, outcome);
            } else {
                writeCsv(out, inputColumn, input, outcome);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeJson(Writer out, String inputColumn, Object input, Outcome outcome) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            if (inputColumn != null) {
                if (input instanceof Number number) {
                    json.writeNumberField(inputColumn, number.longValue());
                } else {
                    json.writeStringField(inputColumn, String.valueOf(input));
                }
            }
            String[] values = values(outcome);
            for (int i = 0; i < VALUE_COLUMNS.length; i++) {
                if (values[i] == null) {
                    json.writeNullField(VALUE_COLUMNS[i]);
                } else {
                    json.writeStringField(VALUE_COLUMNS[i], values[i]);
                }
            }
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeCsv(Writer out, String inputColumn, Object input, Outcome outcome) throws IOException {
        if (inputColumn != null) {
            csvField(out, String.valueOf(input));
            out.write(',');
        }
        String[] values = values(outcome);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            if (values[i] != null) {
                csvField(out, values[i]);
            }
        }
        out.write('\n');
    }

    static void csvField(Writer out, String value) throws IOException {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    static String[] values(Outcome outcome) {
        VerifiedCode code = outcome.code();
        if (code == null) {
            return new String[] {outcome.verdict().name(), outcome.reason(), outcome.message(), null, null, null, null, null, null};
        }
        return new String[] {
            outcome.verdict().name(), outcome.reason(), outcome.message(), code.colour().name(), code.keyId().toString(),
            code.serial().toString(), code.identityHash().toString(), code.issuedAt().toString(), code.expiresAt().toString(),
        };
    }
}
