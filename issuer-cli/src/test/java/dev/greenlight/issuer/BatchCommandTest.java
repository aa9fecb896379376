package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {

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

    @Test
    void batch_csvWithQuotesCrlfAndBom_issuesEveryRowInOrder() throws Exception {
        write("people.csv", "\uFEFFdocument_type,number,colour,validity\r\n"
                + "CNID,\"11010519491231002X\",green,\r\n"
                + "\"PP-FRA\",18AV12345,\"Red\",12h\r\n"
                + "cnid,440304199001010011,yellow,\"90m\"\r\n");

        Cli.Result result = cli.run("batch", "people.csv", "--home", "home", "-o", "codes.jsonl");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("rows: 3, issued: 3, failed: 0"), result::toString);
        List<JsonNode> records = readRecords("codes.jsonl");
        assertEquals(3, records.size());
        assertCode(records.get(0), 1, 2, Identity.of("CNID", "11010519491231002X"), "green", Duration.ofHours(24));
        assertCode(records.get(1), 2, 3, Identity.of("PP-FRA", "18AV12345"), "red", Duration.ofHours(12));
        assertCode(records.get(2), 3, 4, Identity.of("CNID", "440304199001010011"), "yellow", Duration.ofMinutes(90));
    }

    @Test
    void batch_headerInAnotherOrderWithoutValidity_usesTheDefault() throws Exception {
        write("people.csv", "Color,Number,Doc\nred,11010519491231002X,CNID\n");

        Cli.Result result = cli.run("batch", "people.csv", "--home", "home");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        List<JsonNode> records = parseLines(result.out());
        assertCode(records.get(0), 1, 2, Identity.of("CNID", "11010519491231002X"), "red", Duration.ofHours(24));
    }

    @Test
    void batch_everyKindOfBadRow_becomesAnErrorRecordAndTheBatchGoesOn() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(("document_type,number,colour,validity\n"
                + "CNID,110105194912310021,green,\n"          // row 1: wrong check character
                + "CNID,11010519491231002X,blue,\n"           // row 2: unknown colour
                + "CNID,11010519491231002X,green,3 weeks\n"   // row 3: bad validity
                + "CNID,11010519491231002X,green,0m\n"        // row 4: validity out of range
                + "CNID,11010519491231002X,green\n"           // row 5: a column missing
                + "CNID,11010519491231002X,green,,extra\n"    // row 6: a column too many
                + "PP-FRA,18AV12345,red,\n"                   // row 7: fine
                + "CNID,11010519491231002X,gr").getBytes(StandardCharsets.UTF_8));
        input.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});   // row 8: invalid UTF-8
        input.writeBytes(("een,\n"
                + "XX,123,green,\n"                            // row 9: unknown document type
                + "CNID,\"1101\"05,green,\n"                   // row 10: text after a closing quote
                + "CNID," + "9".repeat(70_000) + ",green,\n"   // row 11: too long
                + "CNID,11010519491231002X,green,\n"          // row 12: fine
                + "CNID,\"11010519491231002X,green,\n"         // row 13: quote never closed
        ).getBytes(StandardCharsets.UTF_8));
        Files.write(cli.workingDirectory.resolve("bad.csv"), input.toByteArray());

        Cli.Result result = cli.run("batch", "bad.csv", "--home", "home", "-o", "codes.jsonl");

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("rows: 13, issued: 2, failed: 11"), result::toString);
        List<JsonNode> records = readRecords("codes.jsonl");
        String[] expected = {"INVALID_IDENTITY", "UNKNOWN_COLOUR", "BAD_VALIDITY", "BAD_VALIDITY", "WRONG_COLUMN_COUNT",
            "WRONG_COLUMN_COUNT", null, "NOT_UTF8", "INVALID_IDENTITY", "MALFORMED_ROW", "ROW_TOO_LONG", null,
            "MALFORMED_ROW"};
        assertEquals(expected.length, records.size());
        for (int i = 0; i < expected.length; i++) {
            JsonNode record = records.get(i);
            assertEquals(i + 1, record.get("row").asInt(), record::toString);
            assertEquals("greenlight.record/1", record.get("schema").asText(), record::toString);
            if (expected[i] == null) {
                assertEquals("ISSUED", record.get("verdict").asText(), record::toString);
            } else {
                assertEquals("INPUT_ERROR", record.get("verdict").asText(), record::toString);
                assertEquals(expected[i], record.get("reason").asText(), record::toString);
                assertFalse(record.get("message").asText().isBlank(), record::toString);
                assertFalse(record.has("code"), record::toString);
            }
        }
        assertEquals(2, records.get(0).get("line").asInt());
        assertTrue(records.get(4).get("message").asText().contains("3 cells, the header 4 columns"), records.get(4)::toString);
        assertTrue(records.get(4).get("message").asText().startsWith("line 6:"), records.get(4)::toString);
        assertTrue(records.get(1).get("message").asText().startsWith("line 3, column colour:"), records.get(1)::toString);
        assertTrue(records.get(2).get("message").asText().startsWith("line 4, column validity:"), records.get(2)::toString);
    }

    @Test
    void batch_jsonLines_issuesAndReportsBadLines() throws Exception {
        write("people.jsonl", "{\"document_type\":\"CNID\",\"number\":\"11010519491231002X\",\"colour\":\"green\"}\n"
                + "\n"
                + "{\"doc\":\"PP-DEU\",\"number\":\"C01X00T47\",\"color\":\"yellow\",\"validity\":\"2h\"}\r\n"
                + "{\"document_type\":\"CNID\",\"number\":\"11010519491231002X\"}\n"
                + "not json\n"
                + "{\"document_type\":\"CNID\",\"number\":\"11010519491231002X\",\"colour\":\"red\",\"name\":\"Li\"}\n");

        Cli.Result result = cli.run("batch", "people.jsonl", "--home", "home", "-o", "codes.jsonl");

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
        List<JsonNode> records = readRecords("codes.jsonl");
        assertEquals(5, records.size());
        assertCode(records.get(0), 1, 1, Identity.of("CNID", "11010519491231002X"), "green", Duration.ofHours(24));
        assertCode(records.get(1), 2, 3, Identity.of("PP-DEU", "C01X00T47"), "yellow", Duration.ofHours(2));
        assertEquals("WRONG_FIELDS", records.get(2).get("reason").asText());
        assertEquals("MALFORMED_ROW", records.get(3).get("reason").asText());
        assertEquals("WRONG_FIELDS", records.get(4).get("reason").asText());
        assertEquals(6, records.get(4).get("line").asInt());
    }

    @Test
    void batch_manyThreadsSmallChunks_outputFollowsInputOrder() throws Exception {
        StringBuilder csv = new StringBuilder("document_type,number,colour\n");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String number = cnid(String.format("1101051980%02d%02d%03d", 1 + i % 12, 1 + i % 28, i));
            numbers.add(number);
            csv.append("CNID,").append(number).append(",green\n");
        }
        write("people.csv", csv.toString());

        Cli.Result result = cli.run("batch", "people.csv", "--home", "home", "-o", "codes.jsonl", "--threads", "4",
                "--chunk-rows", "3");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        List<JsonNode> records = readRecords("codes.jsonl");
        IdentitySecret secret = Homes.identitySecret(home);
        assertEquals(numbers.size(), records.size());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(i + 1, records.get(i).get("row").asInt());
            assertEquals(secret.pseudonymOf(Identity.of("CNID", numbers.get(i))).toString(),
                    records.get(i).get("identity_hash").asText(), "row " + (i + 1));
        }
    }

    @Test
    void batchPngDir_writesOnePngPerCodeThatDecodesToItsText() throws Exception {
        write("people.csv", "doc,number,colour\nCNID,11010519491231002X,green\nCNID,1,green\nPP-FRA,18AV12345,red\n");

        Cli.Result result = cli.run("batch", "people.csv", "--home", "home", "-o", "codes.jsonl", "--png-dir", "qr",
                "--scale", "3");

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
        List<JsonNode> records = readRecords("codes.jsonl");
        try (Stream<Path> pngs = Files.list(cli.workingDirectory.resolve("qr"))) {
            assertEquals(2, pngs.count());
        }
        for (JsonNode record : List.of(records.get(0), records.get(2))) {
            Path png = cli.workingDirectory.resolve("qr").resolve(record.get("png").asText());
            assertEquals(record.get("code").asText(), QrDecoding.decode(ImageIO.read(png.toFile())));
        }
    }

    @Test
    void batch_stdinToStdout_writesRecordsOnStdoutAndTheSummaryOnStderr() throws Exception {
        cli.stdin = "doc,number,colour\nCNID,11010519491231002X,green\nCNID,11010519491231002X,pink\n"
                .getBytes(StandardCharsets.UTF_8);

        Cli.Result result = cli.run("batch", "-", "--home", "home");

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
        List<JsonNode> records = parseLines(result.out());
        assertEquals(2, records.size());
        assertCode(records.get(0), 1, 2, Identity.of("CNID", "11010519491231002X"), "green", Duration.ofHours(24));
        assertEquals("UNKNOWN_COLOUR", records.get(1).get("reason").asText());
        assertFalse(result.err().contains("GL1:"), result::toString);
        assertTrue(result.err().contains("rows: 2, issued: 1, failed: 1"), result::toString);
    }

    @Test
    void batchQuiet_allRowsFine_printsNothingOnStderr() throws Exception {
        write("people.csv", "doc,number,colour\nCNID,11010519491231002X,green\n");

        Cli.Result result = cli.run("batch", "people.csv", "--home", "home", "-o", "codes.jsonl", "--quiet");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertEquals("", result.err());
        assertEquals("", result.out());
    }

    @Test
    void batch_existingOutput_refusesWithoutForceAndReplacesWithIt() throws Exception {
        write("people.csv", "doc,number,colour\nCNID,11010519491231002X,green\n");
        write("codes.jsonl", "precious\n");

        Cli.Result refused = cli.run("batch", "people.csv", "--home", "home", "-o", "codes.jsonl");
        String kept = Files.readString(cli.workingDirectory.resolve("codes.jsonl"));
        Cli.Result forced = cli.run("batch", "people.csv", "--home", "home", "-o", "codes.jsonl", "--force");

        assertEquals(ExitCode.ALREADY_EXISTS.code(), refused.exitCode(), refused::toString);
        assertEquals("precious\n", kept);
        assertEquals(ExitCode.OK.code(), forced.exitCode(), forced::toString);
        assertEquals(1, readRecords("codes.jsonl").size());
    }

    @Test
    void batch_unusableHeader_exitsInvalidInputAndLeavesNoFile() throws Exception {
        write("people.csv", "doc,number,mood\nCNID,11010519491231002X,green\n");

        Cli.Result result = cli.run("batch", "people.csv", "--home", "home", "-o", "codes.jsonl");

        assertEquals(ExitCode.INVALID_INPUT.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("mood"), result::toString);
        try (Stream<Path> files = Files.list(cli.workingDirectory)) {
            assertEquals(List.of("home", "people.csv"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void batch_missingInput_exitsIoError() {
        Cli.Result result = cli.run("batch", "missing.csv", "--home", "home", "-o", "codes.jsonl");

        assertEquals(ExitCode.IO_ERROR.code(), result.exitCode(), result::toString);
        assertFalse(Files.exists(cli.workingDirectory.resolve("codes.jsonl")));
    }

    @Test
    @Timeout(60)
    void batch_whileRunning_writesATemporaryFileAndRenamesItAtTheEnd() throws Exception {
        Path fifo = cli.workingDirectory.resolve("rows.csv");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        Path output = cli.workingDirectory.resolve("codes.jsonl");

        List<Path> partialWhileRunning;
        CompletableFuture<Cli.Result> batch;
        // Read-write: opening a FIFO write-only would block until the batch opens it for reading.
        try (SeekableByteChannel rows = Files.newByteChannel(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            batch = CompletableFuture.supplyAsync(
                    () -> cli.run("batch", "rows.csv", "--format", "csv", "--home", "home", "-o", "codes.jsonl"));
            rows.write(ByteBuffer.wrap("doc,number,colour\nCNID,11010519491231002X,green\n".getBytes(StandardCharsets.US_ASCII)));
            partialWhileRunning = waitForPartialFile(batch);
            assertFalse(Files.exists(output), "the output must not exist before the batch is complete");
            rows.write(ByteBuffer.wrap("PP-FRA,18AV12345,red\n".getBytes(StandardCharsets.US_ASCII)));
        }
        Cli.Result result = batch.get(30, TimeUnit.SECONDS);

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertEquals(1, partialWhileRunning.size());
        assertTrue(partialWhileRunning.get(0).getFileName().toString().startsWith(".codes.jsonl."));
        assertEquals(2, readRecords("codes.jsonl").size());
        assertTrue(partialFiles().isEmpty(), "the temporary file is gone");
    }

    private List<Path> waitForPartialFile(CompletableFuture<Cli.Result> batch) throws Exception {
        for (int i = 0; i < 1500; i++) {
            if (batch.isDone()) {
                throw new AssertionError("the batch ended early: " + batch.get());
            }
            List<Path> partial = partialFiles();
            if (!partial.isEmpty()) {
                return partial;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no temporary output file appeared");
    }

    private List<Path> partialFiles() throws IOException {
        try (Stream<Path> files = Files.list(cli.workingDirectory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    private static boolean mkfifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void assertCode(JsonNode record, int row, int line, Identity identity, String colour, Duration validity)
            throws IOException {
        assertEquals("ISSUED", record.get("verdict").asText(), record::toString);
        assertEquals("greenlight.record/1", record.get("schema").asText(), record::toString);
        assertEquals(row, record.get("row").asInt());
        assertEquals(line, record.get("line").asInt());
        Verifier verifier = Homes.verifier(home, cli.clock);
        VerificationResult verdict = verifier.verify(record.get("code").asText());
        assertTrue(verdict.isValid(), verdict::toString);
        assertEquals(colour, record.get("colour").asText());
        assertEquals(colour, verdict.code().claims().colour().name().toLowerCase(java.util.Locale.ROOT));
        assertEquals(verdict.code().claims().serial().toString(), record.get("serial").asText());
        assertEquals(Homes.activeKeyId(home), record.get("key_id").asText());
        assertEquals(Homes.identitySecret(home).pseudonymOf(identity).toString(), record.get("identity_hash").asText());
        assertEquals(verdict.code().claims().identityHash().toString(), record.get("identity_hash").asText());
        assertEquals(Cli.NOW.toString(), record.get("issued_at").asText());
        assertEquals(Cli.NOW.plus(validity).toString(), record.get("expires_at").asText());
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(cli.workingDirectory.resolve(name), content);
    }

    private List<JsonNode> readRecords(String name) throws IOException {
        return parseLines(Files.readString(cli.workingDirectory.resolve(name)));
    }

    /** The records of a JSON Lines output. */
    static List<JsonNode> parseLines(String text) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    /** The 17 digits and their ISO 7064 MOD 11-2 check character. */
    static String cnid(String body) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
