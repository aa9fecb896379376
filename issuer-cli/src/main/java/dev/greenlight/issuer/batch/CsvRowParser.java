package dev.greenlight.issuer.batch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * CSV as RFC 4180 writes it: comma-separated, fields optionally in double quotes, a quote inside a
 * quoted field doubled. The header names the columns, in any order ({@link Column}). Unquoted
 * fields are taken as they are: the codec strips surrounding spaces from what it parses.
 * Immutable and thread-safe.
 */
final class CsvRowParser implements RowParser {

    private final Column[] columnAt;

    private CsvRowParser(Column[] columnAt) {
        this.columnAt = columnAt;
    }

    /** @throws IllegalArgumentException if the header lacks a column, repeats one or names an unknown one */
    static CsvRowParser fromHeader(String header) {
        List<String> names;
        try {
            names = split(header);
        } catch (RowError.RowException e) {
            throw new IllegalArgumentException("The CSV header is malformed: " + e.getMessage());
        }
        Column[] columnAt = new Column[names.size()];
        Map<Column, Integer> seen = new EnumMap<>(Column.class);
        for (int i = 0; i < names.size(); i++) {
            Column column = Column.named(names.get(i));
            if (column == null) {
                throw new IllegalArgumentException("Unknown CSV column '" + names.get(i) + "'; the columns are "
                        + Column.NAMES_HELP);
            }
            if (seen.put(column, i) != null) {
                throw new IllegalArgumentException("The CSV header names the column " + column.canonicalName() + " twice");
            }
            columnAt[i] = column;
        }
        for (Column column : Column.values()) {
            if (column.required() && !seen.containsKey(column)) {
                throw new IllegalArgumentException("The CSV header has no column " + column.canonicalName()
                        + "; the columns are " + Column.NAMES_HELP);
            }
        }
        return new CsvRowParser(columnAt);
    }

    @Override
    public Row parse(String record) throws RowError.RowException {
        List<String> fields = split(record);
        if (fields.size() != columnAt.length) {
            throw new RowError.RowException(RowError.Kind.WRONG_COLUMN_COUNT,
                    "the row has " + fields.size() + (fields.size() == 1 ? " column" : " columns")
                            + ", the header " + columnAt.length);
        }
        String[] values = new String[Column.values().length];
        for (int i = 0; i < columnAt.length; i++) {
            values[columnAt[i].ordinal()] = fields.get(i);
        }
        String validity = values[Column.VALIDITY.ordinal()];
        return new Row(values[Column.DOCUMENT_TYPE.ordinal()], values[Column.NUMBER.ordinal()],
                values[Column.COLOUR.ordinal()], validity == null || validity.isBlank() ? null : validity);
    }

    static List<String> split(String record) throws RowError.RowException {
        List<String> fields = new ArrayList<>(4);
        StringBuilder field = new StringBuilder(24);
        int i = 0;
        int n = record.length();
        while (true) {
            field.setLength(0);
            if (i < n && record.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new RowError.RowException(RowError.Kind.MALFORMED_ROW, "a quoted field is not closed");
                    }
                    char c = record.charAt(i++);
                    if (c == '"') {
                        if (i < n && record.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && record.charAt(i) != ',') {
                    throw new RowError.RowException(RowError.Kind.MALFORMED_ROW,
                            "text after the closing quote of field " + (fields.size() + 1));
                }
            } else {
                while (i < n && record.charAt(i) != ',') {
                    char c = record.charAt(i++);
                    if (c == '"') {
                        throw new RowError.RowException(RowError.Kind.MALFORMED_ROW,
                                "a quote inside unquoted field " + (fields.size() + 1) + " (quote the whole field)");
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
