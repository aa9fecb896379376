package dev.greenlight.issuer.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.records.CsvInputException;
import dev.greenlight.cli.records.CsvRowReader;
import dev.greenlight.cli.records.InputProblem;
import java.util.Map;

/**
 * A row of {@code batch --colours-from-declarations} as text, one cell per {@link DeclarationColumn}
 * (null where the row gives none): from CSV through the strict {@link CsvRowReader}, or from a JSON
 * Lines object as {@link JsonRowParser} reads one. Immutable and thread-safe.
 */
final class DeclarationRowParser {

    /** Null for JSON Lines. */
    private final CsvRowReader csv;

    private DeclarationRowParser(CsvRowReader csv) {
        this.csv = csv;
    }

    /** @throws IllegalArgumentException naming the line and column, if the header lacks a column, repeats one or names an unknown one */
    static DeclarationRowParser csv(String header, long line, char delimiter) {
        return new DeclarationRowParser(BatchColumn.csvReader(DeclarationColumn.values(), header, line, delimiter));
    }

    static DeclarationRowParser json() {
        return new DeclarationRowParser(null);
    }

    /** The cells, indexed by {@link DeclarationColumn#ordinal()}; an empty cell is null. */
    String[] parse(String record, long line) throws RowError.RowException {
        String[] cells;
        if (csv != null) {
            try {
                cells = csv.row(record, line);
            } catch (CsvInputException e) {
                throw new RowError.RowException(e.problem(), e.getMessage());
            }
        } else {
            JsonNode node = JsonRowParser.object(record, line);
            JsonNode id = node.get(DeclarationColumn.ID.canonicalName());
            try {
                cells = json(node, line);
            } catch (RowError.RowException e) {
                throw e.forId(id != null && (id.isTextual() || id.isNumber()) ? id.asText() : null);
            }
        }
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null && cells[i].isBlank()) {
                cells[i] = null;
            }
        }
        return cells;
    }

    private static String[] json(JsonNode node, long line) throws RowError.RowException {
        String[] values = new String[DeclarationColumn.values().length];
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            DeclarationColumn column = BatchColumn.named(DeclarationColumn.values(), field.getKey());
            if (column == null) {
                throw new RowError.RowException(InputProblem.WRONG_FIELDS, "line " + line + ": unknown field '" + field.getKey()
                        + "'; the fields are " + DeclarationColumn.NAMES_HELP);
            }
            values[column.ordinal()] = JsonRowParser.text(field.getKey(), field.getValue(), line);
        }
        for (DeclarationColumn column : DeclarationColumn.values()) {
            if (column.required() && values[column.ordinal()] == null) {
                throw new RowError.RowException(InputProblem.WRONG_FIELDS, "line " + line + ": no field " + column.canonicalName());
            }
        }
        return values;
    }
}
