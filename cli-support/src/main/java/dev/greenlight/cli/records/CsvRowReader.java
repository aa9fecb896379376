package dev.greenlight.cli.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Strict CSV input with a header, through jackson-dataformat-csv: RFC 4180 quoting, a chosen
 * delimiter, columns in any order. The header must name every required column, each column once,
 * and no column the input does not have; every row must have as many cells as the header. Each
 * error names its line, and the column where there is one.
 *
 * <p>It reads one record at a time, as the caller cuts them from the input (a batch cuts bytes
 * at line ends outside quotes, caps their length and checks their UTF-8 before this sees them), so
 * that memory stays constant whatever the input's size and one bad row spoils only itself; rows
 * may be read on several threads. Immutable and thread-safe once the header is read.
 */
public final class CsvRowReader {

    private static final CsvMapper MAPPER = new CsvMapper();

    private final ObjectReader cells;
    private final List<String> columns;
    private final int[] positionOfCell;

    private CsvRowReader(ObjectReader cells, List<String> columns, int[] positionOfCell) {
        this.cells = cells;
        this.columns = columns;
        this.positionOfCell = positionOfCell;
    }

    /**
     * Reads the header.
     *
     * @param header   the header record's text
     * @param line     the line it is on, for messages
     * @param columns  the canonical column names, in the order {@link #row} returns them
     * @param required the columns a header must name
     * @param aliases  other names of columns (normalised: lower case, {@code _} for spaces and hyphens), to canonical names
     * @throws IllegalArgumentException naming the line and the column, if the header is unusable;
     *                                  for a JSON Lines file it says to use {@code --format jsonl}
     */
    public static CsvRowReader fromHeader(String header, long line, char delimiter, List<String> columns,
                                          Set<String> required, Map<String, String> aliases) {
        String start = header.stripLeading();
        if (start.startsWith("{")) {
            throw new IllegalArgumentException("line " + line + " is a JSON object, not a CSV header: "
                    + "for JSON Lines input use --format jsonl");
        }
        ObjectReader cells = MAPPER.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(CsvDelimiter.check(delimiter)))
                .with(CsvParser.Feature.WRAP_AS_ARRAY);
        String[] names;
        try {
            names = split(cells, header, line);
        } catch (CsvInputException e) {
            throw new IllegalArgumentException("the CSV header is malformed: " + e.getMessage(), e);
        }
        String help = "; the columns are " + String.join(", ", columns) + " ("
                + String.join(", ", columns.stream().filter(required::contains).toList()) + " required)";
        int[] positionOfCell = new int[names.length];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String normalised = names[i].strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            String canonical = columns.contains(normalised) ? normalised : aliases.get(normalised);
            if (canonical == null) {
                throw new IllegalArgumentException("line " + line + ", column " + (i + 1) + ": unknown column '"
                        + names[i] + "'" + help);
            }
            Integer before = seen.put(canonical, i);
            if (before != null) {
                throw new IllegalArgumentException("line " + line + ", column " + (i + 1) + ": the column " + canonical
                        + " again (first as column " + (before + 1) + ")");
            }
            positionOfCell[i] = columns.indexOf(canonical);
        }
        for (String column : required) {
            if (!seen.containsKey(column)) {
                throw new IllegalArgumentException("line " + line + ": the header has no column " + column + help);
            }
        }
        return new CsvRowReader(cells, List.copyOf(columns), positionOfCell);
    }

    /**
     * @param record one record's text, without its line end
     * @param line   the line it starts on, for messages
     * @return the cells in the order of the columns given to {@link #fromHeader}, null for a column the header lacks
     * @throws CsvInputException if the record is not one CSV row with a cell for each column of the header
     */
    public String[] row(String record, long line) throws CsvInputException {
        String[] found = split(cells, record, line);
        if (found.length != positionOfCell.length) {
            throw new CsvInputException(InputProblem.WRONG_COLUMN_COUNT, "line " + line + ": the row has " + found.length
                    + (found.length == 1 ? " cell" : " cells") + ", the header " + positionOfCell.length + " columns");
        }
        String[] values = new String[columns.size()];
        for (int i = 0; i < found.length; i++) {
            values[positionOfCell[i]] = found[i];
        }
        return values;
    }

    private static String[] split(ObjectReader cells, String record, long line) throws CsvInputException {
        try (MappingIterator<String[]> rows = cells.readValues(record)) {
            if (!rows.hasNextValue()) {
                return new String[] {""};
            }
            String[] first = rows.nextValue();
            if (rows.hasNextValue()) {
                throw new CsvInputException(InputProblem.MALFORMED_ROW,
                        "line " + line + ": a carriage return outside quotes (quote the cell that holds it)");
            }
            return first;
        } catch (JsonProcessingException e) {
            throw new CsvInputException(InputProblem.MALFORMED_ROW, "line " + line + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CsvInputException(InputProblem.MALFORMED_ROW, "line " + line + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // MappingIterator wraps parse errors in RuntimeJsonMappingException from hasNextValue.
            Throwable cause = e.getCause() instanceof JsonProcessingException json ? json : e;
            String message = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.toString();
            throw new CsvInputException(InputProblem.MALFORMED_ROW, "line " + line + ": " + message);
        }
    }
}
