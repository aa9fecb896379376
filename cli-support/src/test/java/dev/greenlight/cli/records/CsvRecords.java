package dev.greenlight.cli.records;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads CSV records back as the tests of both tools check them: one map per row, by header name. */
public final class CsvRecords {

    private CsvRecords() {
    }

    /** The rows of {@code text}, whose first line is the header, split on {@code delimiter}. */
    public static List<Map<String, String>> read(String text, char delimiter) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(delimiter)).readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
