package dev.greenlight.cli.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Records as JSON Lines through Jackson: one object per line, the fields a record knows in schema
 * order. Strings from outside (input text, file names, messages quoting input) may carry what a
 * terminal or an editor would obey, so besides JSON's own escapes every C0 and C1 control
 * character, DEL, the line and paragraph separators and the bidirectional formatting characters
 * (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) are written as {@code \}{@code uXXXX}.
 * Not thread-safe.
 */
public final class JsonLinesWriter implements RecordWriter {

    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .characterEscapes(new Escapes())
            .build();

    private final List<Field> fields;
    private final JsonGenerator json;

    JsonLinesWriter(Writer out, List<Field> fields) throws IOException {
        this.fields = List.copyOf(fields);
        this.json = JSON.createGenerator(out);
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(Record record) throws IOException {
        json.writeStartObject();
        for (Map.Entry<Field, Object> entry : record.values().entrySet()) {
            Field field = entry.getKey();
            if (!fields.contains(field)) {
                throw new IllegalArgumentException("field " + field.key() + " is not a column here: " + fields);
            }
            Object value = entry.getValue();
            switch (field.type()) {
                case INTEGER -> json.writeNumberField(field.key(), ((Number) value).longValue());
                case DECIMAL -> json.writeNumberField(field.key(), (BigDecimal) value);
                case BOOLEAN -> json.writeBooleanField(field.key(), (Boolean) value);
                case LIST -> {
                    json.writeArrayFieldStart(field.key());
                    for (Object item : (List<?>) value) {
                        json.writeString((String) item);
                    }
                    json.writeEndArray();
                }
                default -> json.writeStringField(field.key(), (String) value);
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }

    /** JSON's escapes, and {@code \}{@code uXXXX} for every character that could steer a terminal or reorder text. */
    static final class Escapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] ascii;

        Escapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii.clone();
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return mustEscape(c) ? new SerializedString(String.format("\\u%04x", c)) : null;
        }

        static boolean mustEscape(int c) {
            return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
                    || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        }
    }
}
