package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.records.CsvRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** batch writes the one record schema (specs/records.md): ids passed through, CSV in and out with --delimiter. */
class BatchRecordsTest {

    private static final String SCHEMA = "greenlight.record/1";

    @TempDir
    Path temp;

    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(temp);
        cli.initHome();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(cli.workingDirectory.resolve(name), content);
    }


    @Test
    void batch_csvIdColumn_isPassedThroughToIssuedAndErrorRecords() throws Exception {
        write("people.csv", "id,doc,number,colour\nA-1,CNID,11010519491231002X,GREEN\n\"B,2\",CNID,11010519491231002X,blue\n"
                + ",CNID,11010519491231002X,red\n");

        Cli.Result result = cli.run("batch", "people.csv", "--home", "home");

        List<JsonNode> records = BatchCommandTest.parseLines(result.out());
        assertEquals(3, records.size(), result::toString);
        assertEquals("A-1", records.get(0).get("id").asText());
        assertEquals("ISSUED", records.get(0).get("verdict").asText());
        assertEquals("green", records.get(0).get("colour").asText(), "colours are lower-case whatever the input says");
        assertEquals("B,2", records.get(1).get("id").asText());
        assertEquals("UNKNOWN_COLOUR", records.get(1).get("reason").asText());
        assertEquals("", records.get(2).get("id").asText(), "an empty id is the caller's, kept as given");
        for (JsonNode record : records) {
            assertEquals(SCHEMA, record.get("schema").asText(), record::toString);
        }
    }

    @Test
    void batch_jsonLinesId_stringOrNumber_isPassedThroughEvenOnAnError() throws Exception {
        write("people.jsonl", "{\"id\":\"x-7\",\"doc\":\"CNID\",\"number\":\"11010519491231002X\",\"colour\":\"yellow\"}\n"
                + "{\"id\":42,\"doc\":\"CNID\",\"number\":\"11010519491231002X\",\"colour\":\"red\",\"nmae\":\"Li\"}\n"
                + "{\"doc\":\"CNID\",\"number\":\"11010519491231002X\",\"colour\":\"red\"}\n");

        List<JsonNode> records = BatchCommandTest.parseLines(cli.run("batch", "people.jsonl", "--home", "home").out());

        assertEquals("x-7", records.get(0).get("id").asText());
        assertEquals("yellow", records.get(0).get("colour").asText());
        assertEquals("42", records.get(1).get("id").asText());
        assertEquals("WRONG_FIELDS", records.get(1).get("reason").asText());
        assertFalse(records.get(2).has("id"), "no id given, none written");
    }

    @Test
    void batch_jsonLinesFedAsCsv_saysToUseFormatJsonl() throws Exception {
        write("people.txt", "{\"doc\":\"CNID\",\"number\":\"11010519491231002X\",\"colour\":\"green\"}\n");

        Cli.Result result = cli.run("batch", "people.txt", "--home", "home");

        assertEquals(5, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--format jsonl"), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void batch_headerErrors_nameTheLineAndColumn() throws Exception {
        write("unknown.csv", "doc,number,colour,valdity\n");
        write("twice.csv", "doc,number,colour,color\n");
        write("missing.csv", "doc,colour\n");

        String unknown = cli.run("batch", "unknown.csv", "--home", "home").err();
        String twice = cli.run("batch", "twice.csv", "--home", "home").err();
        String missing = cli.run("batch", "missing.csv", "--home", "home").err();

        assertTrue(unknown.contains("line 1, column 4: unknown column 'valdity'"), unknown);
        assertTrue(twice.contains("line 1, column 4: the column colour again"), twice);
        assertTrue(missing.contains("line 1: the header has no column number"), missing);
    }

    @Test
    void batch_semicolonAndTabDelimiters_readAndWriteCsv() throws Exception {
        for (String delimiter : new String[] {";", "\\t"}) {
            char c = delimiter.equals(";") ? ';' : '\t';
            String d = String.valueOf(c);
            write("people.csv", String.join(d, "id", "doc", "number", "colour") + "\n"
                    + String.join(d, "a,1", "CNID", "11010519491231002X", "red") + "\n"
                    + String.join(d, "b", "CNID", "11010519491231002X") + "\n");
            Files.deleteIfExists(cli.workingDirectory.resolve("codes.csv"));

            Cli.Result result = cli.run("batch", "people.csv", "--home", "home", "--delimiter", delimiter, "-o", "codes.csv");

            assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
            String text = Files.readString(cli.workingDirectory.resolve("codes.csv"));
            assertTrue(text.startsWith(String.join(d, "schema", "line", "row", "id", "verdict") + d), text);
            List<Map<String, String>> rows = CsvRecords.read(text, c);
            assertEquals(2, rows.size(), text);
            assertEquals(SCHEMA, rows.get(0).get("schema"));
            assertEquals("a,1", rows.get(0).get("id"));
            assertEquals("red", rows.get(0).get("colour"));
            assertTrue(rows.get(0).get("code").startsWith("GL1:"), rows.get(0)::toString);
            assertEquals("WRONG_COLUMN_COUNT", rows.get(1).get("reason"));
            assertEquals("3", rows.get(1).get("line"));
            assertTrue(rows.get(1).get("message").startsWith("line 3:"), rows.get(1)::toString);
        }
    }

    @Test
    void batch_hostileIdsToCsv_roundTripWithTheFormulaGuard() throws Exception {
        String[] ids = {"=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "say \"hi\"", "two\nlines", "a,b", " padded "};
        StringBuilder input = new StringBuilder("id,doc,number,colour\n");
        for (String id : ids) {
            input.append('"').append(id.replace("\"", "\"\"")).append("\",CNID,11010519491231002X,green\n");
        }
        write("people.csv", input.toString());

        Cli.Result result = cli.run("batch", "people.csv", "--home", "home", "--output-format", "csv");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        List<Map<String, String>> rows = CsvRecords.read(result.out(), ',');
        assertEquals(ids.length, rows.size(), result.out());
        for (int i = 0; i < ids.length; i++) {
            String expected = "=+-@".indexOf(ids[i].charAt(0)) >= 0 ? "'" + ids[i] : ids[i];
            assertEquals(expected, rows.get(i).get("id"), result.out());
            assertEquals("ISSUED", rows.get(i).get("verdict"));
        }
    }

    @Test
    void batch_delimiterWithJsonLinesInAndOut_isAUsageError() throws Exception {
        write("people.jsonl", "{}\n");

        Cli.Result result = cli.run("batch", "people.jsonl", "--home", "home", "--delimiter", ";");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("--delimiter"), result::toString);
    }
}
