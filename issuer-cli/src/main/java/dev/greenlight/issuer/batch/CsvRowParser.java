package dev.greenlight.issuer.batch;

import dev.greenlight.cli.records.CsvDelimiter;
import dev.greenlight.cli.records.CsvInputException;
import dev.greenlight.cli.records.CsvRowReader;

/**
 * CSV rows of a batch input, read by the strict {@link CsvRowReader} (jackson-dataformat-csv):
 * the header names the {@link Column}s, in any order. Cells are taken as they are: the codec
 * strips surrounding spaces from what it parses. Immutable and thread-safe.
 */
final class CsvRowParser implements RowParser {

    private final CsvRowReader reader;

    private CsvRowParser(CsvRowReader reader) {
        this.reader = reader;
    }

    /** @throws IllegalArgumentException naming the line and column, if the header lacks a column, repeats one or names an unknown one */
    static CsvRowParser fromHeader(String header, long line, char delimiter) {
        return new CsvRowParser(BatchColumn.csvReader(Column.values(), header, line, delimiter));
    }

    /** A comma-separated header on line 1. */
    static CsvRowParser fromHeader(String header) {
        return fromHeader(header, 1, CsvDelimiter.DEFAULT);
    }

    @Override
    public Row parse(String record, long line) throws RowError.RowException {
        String[] cells;
        try {
            cells = reader.row(record, line);
        } catch (CsvInputException e) {
            throw new RowError.RowException(e.problem(), e.getMessage());
        }
        String validity = cells[Column.VALIDITY.ordinal()];
        return new Row(cells[Column.DOCUMENT_TYPE.ordinal()], cells[Column.NUMBER.ordinal()],
                cells[Column.COLOUR.ordinal()], validity == null || validity.isBlank() ? null : validity,
                cells[Column.ID.ordinal()]);
    }
}
