package dev.greenlight.cli.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.greenlight.cli.Terminal;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Records as CSV through jackson-dataformat-csv: the given columns in schema order, a cell quoted
 * whenever it holds the delimiter, a quote, a line end or surrounding space, an unknown field an
 * empty cell. A text cell that a spreadsheet would run as a formula (its first character
 * {@code = + - @}, a tab or a carriage return) gets a leading {@code '}: the cell's text then
 * starts with that quote ({@code specs/records.md}). Not thread-safe.
 */
public final class CsvRecordWriter implements RecordWriter {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            // Quote a cell when it needs it (delimiter, quote, line end, surrounding space), not whenever punctuation occurs.
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private final List<Field> columns;
    private final SequenceWriter rows;

    /**
     * @param columns the fields, in schema order
     * @param header  whether to begin with a header line of the column names
     */
    CsvRecordWriter(Writer out, List<Field> columns, char delimiter, boolean header) throws IOException {
        this.columns = List.copyOf(columns);
        CsvSchema.Builder schema = CsvSchema.builder().setColumnSeparator(CsvDelimiter.check(delimiter))
                .setUseHeader(false).setLineSeparator("\n").setNullValue("");
        for (Field column : columns) {
            schema.addColumn(column.key());
        }
        this.rows = MAPPER.writer(schema.build()).writeValues(out);
        if (header) {
            // The names, as one more row through the same library: they need no quoting, but nothing is hand-written.
            Map<String, Object> names = new HashMap<>();
            for (Field column : columns) {
                names.put(column.key(), column.key());
            }
            rows.write(names);
        }
    }

    @Override
    public void write(Record record) throws IOException {
        Map<String, Object> cells = new HashMap<>();
        for (Map.Entry<Field, Object> value : record.values().entrySet()) {
            if (!columns.contains(value.getKey())) {
                throw new IllegalArgumentException("field " + value.getKey().key() + " is not a column here: " + columns);
            }
            cells.put(value.getKey().key(), cell(value.getValue()));
        }
        rows.write(cells);
    }

    /** The text of a cell, guarded against formula injection. */
    static String cell(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof List<?> list) {
            return cell(list.stream().map(String.class::cast).collect(Collectors.joining(" ")));
        }
        if (!(value instanceof String string) || string.isEmpty()) {
            return value.toString();
        }
        // No escape sequence or bidi override reaches a terminal that shows the CSV (bulk to stdout):
        // CSV has no escapes of its own; quoting keeps the line ends.
        String text = Terminal.safe(string, true);
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    @Override
    public void flush() throws IOException {
        rows.flush();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
