package dev.greenlight.cli.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** specs/records.md and the code say the same: the fields in CSV order, every input problem, the schema's name. */
class RecordsSpecTest {

    private static String spec() throws IOException {
        String configured = System.getProperty("greenlight.specs.dir");
        Path specs = configured != null ? Path.of(configured) : Path.of("..", "specs");
        return Files.readString(specs.resolve("records.md"));
    }

    @Test
    void fieldsTable_listsEveryFieldInColumnOrder() throws IOException {
        String spec = spec();
        String table = spec.substring(spec.indexOf("## Fields"), spec.indexOf("### Spellings"));
        List<String> listed = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(table);
        while (row.find()) {
            listed.add(row.group(1));
        }
        List<String> fields = new ArrayList<>();
        for (Field field : Field.values()) {
            fields.add(field.key());
        }

        assertEquals(fields, listed);
    }

    @Test
    void fieldsTable_givesEachFieldTheJsonTypeTheWritersUse() throws IOException {
        String spec = spec();
        String table = spec.substring(spec.indexOf("## Fields"), spec.indexOf("### Spellings"));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| ([a-z ]+) \\|").matcher(table);
        int rows = 0;
        while (row.find()) {
            Field field = Field.valueOf(row.group(1).toUpperCase(java.util.Locale.ROOT));
            String expected = switch (field.type()) {
                case STRING -> "string";
                case INTEGER -> "integer";
                case DECIMAL -> "number";
                case BOOLEAN -> "boolean";
                case LIST -> "array of strings";
            };
            assertEquals(expected, row.group(2), field.key());
            rows++;
        }

        assertEquals(Field.values().length, rows);
    }

    @Test
    void reasons_listEveryInputProblemAndTheSchemaName() throws IOException {
        String spec = spec();

        for (InputProblem problem : InputProblem.values()) {
            assertTrue(spec.contains("| `" + problem.name() + "` |"), problem::name);
        }
        assertTrue(spec.startsWith("# Output records, schema `" + Record.SCHEMA + "`"));
    }
}
