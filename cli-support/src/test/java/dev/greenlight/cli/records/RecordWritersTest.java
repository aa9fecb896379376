package dev.greenlight.cli.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordWritersTest {

    private static final List<Field> COLUMNS = List.of(Field.SCHEMA, Field.LINE, Field.ID, Field.VERDICT, Field.REASON,
            Field.MESSAGE, Field.TEMPERATURE);
    private static final String[] HOSTILE = {
        "plain", "a,b", "semi;colon", "tab\there", "say \"hi\"", "two\nlines", "cr\rlf\r\n", " padded ", "=1+2",
        "+SUM(A1)", "-2", "@cmd", "\t=tab first", "'already quoted", "", "中文 ü",
    };

    private static Record record(String id, String message) {
        return Record.inputError(InputProblem.MALFORMED_ROW, message).line(7).id(id).temperature(new BigDecimal("36.80")).build();
    }

    @Test
    void json_everyRecord_startsWithTheSchemaAndKeepsSchemaOrder() throws Exception {
        String text = RecordOutput.of(RecordFormat.JSONL, ',', COLUMNS).format(record("a", "m"));

        assertEquals("{\"schema\":\"greenlight.record/1\",\"line\":7,\"id\":\"a\",\"verdict\":\"INPUT_ERROR\","
                + "\"reason\":\"MALFORMED_ROW\",\"message\":\"m\",\"temperature\":36.80}\n", text);
    }

    @Test
    void rules_aJsonArrayAndOneCsvCellOfWords() throws Exception {
        List<Field> columns = List.of(Field.SCHEMA, Field.VERDICT, Field.MESSAGE, Field.COLOUR, Field.RULES);
        Record record = Record.builder(Verdict.ISSUED).message("issued").rules(List.of("YELLOW-FEVER", "YELLOW-RESPIRATORY")).build();

        String json = RecordOutput.of(RecordFormat.JSONL, ',', columns).format(record);
        String csv = RecordOutput.of(RecordFormat.CSV, ',', columns).format(record);

        assertEquals("{\"schema\":\"greenlight.record/1\",\"verdict\":\"ISSUED\",\"message\":\"issued\","
                + "\"rules\":[\"YELLOW-FEVER\",\"YELLOW-RESPIRATORY\"]}\n", json);
        assertEquals("greenlight.record/1,ISSUED,issued,,YELLOW-FEVER YELLOW-RESPIRATORY\n", csv);
        assertThrows(IllegalArgumentException.class, () -> Record.builder(Verdict.ISSUED).rules(List.of("A B")));
    }

    @Test
    void json_controlAndBidiCharacters_areEscaped() throws Exception {
        String hostile = "\u001b[31m\u0085\u009b\u007f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
                + "\u2028\u2029 ok 中文";
        String text = RecordOutput.of(RecordFormat.JSONL, ',', COLUMNS).format(record(hostile, "m"));

        for (char c : text.toCharArray()) {
            assertFalse(JsonLinesWriter.Escapes.mustEscape(c) && c != '\n', () -> "raw U+" + Integer.toHexString(c) + " in " + text);
        }
        assertEquals(1, text.chars().filter(c -> c == '\n').count());
        assertTrue(text.toLowerCase(java.util.Locale.ROOT).contains("\\u001b[31m\\u0085\\u009b\\u007f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069"
                + "\\u200e\\u200f\\u061c\\u2028\\u2029 ok 中文"), text);
        assertEquals(hostile, new ObjectMapper().readTree(text).get("id").asText());
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void csv_hostileStrings_roundTripThroughTheLibraryWithTheFormulaGuard(char delimiter) throws Exception {
        RecordOutput output = RecordOutput.of(RecordFormat.CSV, delimiter, COLUMNS);
        StringBuilder text = new StringBuilder(output.header());
        for (String hostile : HOSTILE) {
            text.append(output.format(record(hostile, hostile)));
        }

        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvSchema.emptySchema().withColumnSeparator(delimiter)).readValues(text.toString())) {
            assertEquals(List.of("schema", "line", "id", "verdict", "reason", "message", "temperature"), List.of(rows.nextValue()));
            for (String hostile : HOSTILE) {
                String[] row = rows.nextValue();
                String expected = hostile.isEmpty() || "=+-@\t\r".indexOf(hostile.charAt(0)) < 0 ? hostile : "'" + hostile;
                assertEquals(expected, row[2], () -> "id of " + hostile);
                assertEquals(expected, row[5], () -> "message of " + hostile);
                assertEquals("7", row[1]);
                assertEquals("36.80", row[6]);
                assertEquals(Record.SCHEMA, row[0]);
            }
            assertFalse(rows.hasNextValue());
        }
    }

    @Test
    void csv_unknownField_isAnEmptyCell() {
        RecordOutput output = RecordOutput.of(RecordFormat.CSV, ';', COLUMNS);
        String text = output.format(Record.builder(Verdict.VALID).message("valid").build());

        assertEquals("schema;line;id;verdict;reason;message;temperature\n", output.header());
        assertEquals("greenlight.record/1;;;VALID;;valid;\n", text);
    }

    @Test
    void writers_fieldOutsideTheColumns_isABug() {
        Record withCode = Record.builder(Verdict.VALID).message("valid").code("GL1:X").build();
        for (RecordFormat format : RecordFormat.values()) {
            assertThrows(IllegalArgumentException.class, () -> RecordOutput.of(format, ',', COLUMNS).format(withCode));
        }
    }

    @Test
    void delimiter_parsesTabAndRefusesQuotesAndFormulaCharacters() {
        assertEquals('\t', CsvDelimiter.parse("\\t"));
        assertEquals('\t', CsvDelimiter.parse("tab"));
        assertEquals('\t', CsvDelimiter.parse("\t"));
        assertEquals(';', CsvDelimiter.parse(";"));
        for (String bad : new String[] {"\"", "'", "=", "-", "a", "7", "\n", ";;", ""}) {
            assertThrows(IllegalArgumentException.class, () -> CsvDelimiter.parse(bad), bad);
        }
    }

    @Test
    void json_readsBackAsTheSameFields() throws Exception {
        JsonNode node = new ObjectMapper().readTree(RecordOutput.of(RecordFormat.JSONL, ',', COLUMNS).format(record("x", "y")));
        assertEquals(7, node.get("line").asInt());
        assertEquals(0, new BigDecimal("36.80").compareTo(node.get("temperature").decimalValue()));
    }
}
