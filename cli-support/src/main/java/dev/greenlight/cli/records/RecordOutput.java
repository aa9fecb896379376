package dev.greenlight.cli.records;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a command writes: a format, the fields it may emit (the CSV columns, in schema order) and
 * a CSV delimiter. Immutable and thread-safe: workers each open a {@link #writer} over their own
 * buffer, and the header is written once, by whoever owns the output.
 */
public final class RecordOutput {

    private final RecordFormat format;
    private final List<Field> columns;
    private final char delimiter;

    private RecordOutput(RecordFormat format, List<Field> columns, char delimiter) {
        this.format = Objects.requireNonNull(format, "format");
        Set<Field> sorted = EnumSet.copyOf(columns);
        if (!sorted.contains(Field.SCHEMA) || sorted.size() != columns.size()) {
            throw new IllegalArgumentException("columns must include schema and name each field once: " + columns);
        }
        this.columns = List.copyOf(sorted);
        this.delimiter = CsvDelimiter.check(delimiter);
    }

    /**
     * @param delimiter the CSV delimiter ({@link CsvDelimiter})
     * @param columns   fields the command may emit, with {@code more}; in any order, they are written in schema order
     */
    public static RecordOutput of(RecordFormat format, char delimiter, List<Field> columns, Field... more) {
        List<Field> all = new ArrayList<>(columns);
        all.addAll(List.of(more));
        return new RecordOutput(format, all, delimiter);
    }

    public RecordFormat format() {
        return format;
    }

    /** @return the fields, in schema order */
    public List<Field> columns() {
        return columns;
    }

    /** @return the CSV header line with its line feed, or "" for JSON Lines, which has none */
    public String header() {
        if (format == RecordFormat.JSONL) {
            return "";
        }
        StringWriter text = new StringWriter();
        try (CsvRecordWriter csv = new CsvRecordWriter(text, columns, delimiter, true)) {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A writer of records without a header. */
    public RecordWriter writer(Writer out) {
        try {
            return format == RecordFormat.JSONL ? new JsonLinesWriter(out, columns)
                    : new CsvRecordWriter(out, columns, delimiter, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record as text, with its line feed. */
    public String format(Record record) {
        return format(List.of(record));
    }

    /** Records as text, each with its line feed, without a header: a worker's share of an output. */
    public String format(List<Record> records) {
        StringWriter text = new StringWriter(records.size() * 256);
        try (RecordWriter writer = writer(text)) {
            for (Record record : records) {
                writer.write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
