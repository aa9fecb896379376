package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.codec.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch inputs that are not what they claim: random binary, and a CSV with every trap at once. */
class HostileBatchInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Cli cli;
    private Path home;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(temp);
        home = cli.initHome();
    }

    /** Rows of an input without quotes, counted as the batch defines them: non-empty LF-separated records, CR dropped. */
    private static int rowsWithoutQuotes(byte[] bytes, int from) {
        int rows = 0;
        int length = 0;
        boolean lastWasCr = false;
        for (int i = from; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') {
                length++;
                lastWasCr = bytes[i] == '\r';
                continue;
            }
            rows += length - (lastWasCr ? 1 : 0) > 0 ? 1 : 0;
            length = 0;
            lastWasCr = false;
        }
        return rows;
    }

    private List<JsonNode> records(String name) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readString(cli.workingDirectory.resolve(name)).split("\n")) {
            if (!line.isEmpty()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    private static void assertOneErrorRecordPerRow(List<JsonNode> records, int rows) {
        assertEquals(rows, records.size(), "count in = count out");
        for (int i = 0; i < rows; i++) {
            JsonNode record = records.get(i);
            assertEquals(i + 1, record.get("row").asInt(), record::toString);
            assertEquals("INPUT_ERROR", record.get("verdict").asText(), record::toString);
            assertFalse(record.get("reason").asText().equals("INTERNAL_ERROR"), record::toString);
            assertFalse(record.get("message").asText().isBlank(), record::toString);
        }
    }

    @Test
    void batch_randomBinaryAsJsonLines_yieldsOneErrorRecordPerRow() throws Exception {
        byte[] junk = new byte[1024 * 1024];
        new Random(6).nextBytes(junk);
        junk[0] = 'x'; // not a BOM by chance
        Files.write(cli.workingDirectory.resolve("junk.bin"), junk);

        Cli.Result result = cli.run("batch", "junk.bin", "--format", "jsonl", "--home", "home", "-o", "out.jsonl");

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
        int rows = rowsWithoutQuotes(junk, 0);
        assertOneErrorRecordPerRow(records("out.jsonl"), rows);
        assertTrue(result.err().contains("rows: " + rows + ", issued: 0, failed: " + rows), result::toString);
    }

    @Test
    void batch_csvHeaderThenRandomBinary_yieldsOneErrorRecordPerRow() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes("document_type,number,colour,validity\n".getBytes(StandardCharsets.US_ASCII));
        int header = input.size();
        byte[] junk = new byte[1024 * 1024];
        new Random(7).nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
            // Quotes would join lines into records; the CSV quote rules have their own tests.
            junk[i] = junk[i] == '"' ? (byte) 'q' : junk[i];
        }
        input.writeBytes(junk);
        byte[] bytes = input.toByteArray();
        Files.write(cli.workingDirectory.resolve("junk.csv"), bytes);

        Cli.Result result = cli.run("batch", "junk.csv", "--home", "home", "-o", "out.jsonl");

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
        assertOneErrorRecordPerRow(records("out.jsonl"), rowsWithoutQuotes(bytes, header));
    }

    @Test
    void batch_csvWithBomCrlfEmptyLinesQuotedNewlineBadUtf8AndTruncatedLastLine_yieldsOneRecordPerRow() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        input.writeBytes(("document_type,number,colour,validity\r\n"        // line 1
                + "CNID,11010519491231002X,green,\r\n"                         // line 2, row 1: ok
                + "\r\n"                                                       // line 3: empty, not a row
                + "\n"                                                         // line 4: empty, not a row
                + "\"PP-FRA\",\"18AV\n12345\",red,\r\n"                        // lines 5-6, row 2: newline inside the number
                + "CNID,1101051949123").getBytes(StandardCharsets.US_ASCII)); // line 7, row 3: invalid UTF-8
        input.writeBytes(new byte[] {(byte) 0xC3, 0x28});
        input.writeBytes(("002X,green,\n"
                + "PP-FRA,18AV12345,yellow,90m\r\n"                            // line 8, row 4: ok
                + "\r\n"                                                       // line 9: empty
                + "CNID,11010519491231002X,gre,").getBytes(StandardCharsets.US_ASCII)); // line 10, row 5: cut off
        Files.write(cli.workingDirectory.resolve("hostile.csv"), input.toByteArray());

        Cli.Result result = cli.run("batch", "hostile.csv", "--home", "home", "-o", "out.jsonl");

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
        List<JsonNode> records = records("out.jsonl");
        assertEquals(5, records.size(), "count in = count out: " + records);
        String[] expected = {null, "INVALID_IDENTITY", "NOT_UTF8", null, "UNKNOWN_COLOUR"};
        int[] lines = {2, 5, 7, 8, 10};
        Verifier verifier = Homes.verifier(home, cli.clock);
        for (int i = 0; i < expected.length; i++) {
            JsonNode record = records.get(i);
            assertEquals(i + 1, record.get("row").asInt(), record::toString);
            assertEquals(lines[i], record.get("line").asInt(), record::toString);
            if (expected[i] == null) {
                assertEquals("ISSUED", record.get("verdict").asText(), record::toString);
                assertTrue(verifier.verify(record.get("code").asText()).isValid(), record::toString);
            } else {
                assertEquals(expected[i], record.get("reason").asText(), record::toString);
                assertFalse(record.get("message").asText().isBlank(), record::toString);
            }
        }
        assertEquals("yellow", records.get(3).get("colour").asText());
        assertTrue(result.err().contains("rows: 5, issued: 2, failed: 3"), result::toString);
    }
}
