package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Fixtures fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
    }

    private static List<JsonNode> records(String jsonLines) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isEmpty()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bulk_hostileLines_yieldOneRecordEachInOrder() throws IOException {
        IssuedCode green = fx.issue(Colour.GREEN);
        IssuedCode spaced = fx.issueWithSpace();
        IssuedCode shortLived = fx.issue("EXP1", Colour.GREEN, Duration.ofMinutes(1));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});     // BOM before line 1
        file.write(bytes(green.text() + "\n"));                                // 1 valid despite the BOM
        file.write(bytes("\n"));                                               // 2 empty
        file.write(bytes(spaced.text() + "\r\n"));                             // 3 valid, CRLF, space inside
        file.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0x80, '\n'}); // 4 binary junk
        file.write(bytes("x".repeat(1000) + "\n"));                            // 5 over the 300-byte cap
        file.write(bytes("hello world\n"));                                    // 6 not a code
        file.write(bytes(shortLived.text() + "\n"));                           // 7 expired an hour ago
        file.write(bytes("\r\n"));                                             // 8 empty after CR removal
        file.write(bytes(green.text()));                                       // 9 valid, no final newline
        Path input = dir.resolve("codes.txt");
        Files.write(input, file.toByteArray());

        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), "--max-line-bytes", "300",
                "--threads", "3", "--batch-size", "2", input.toString());

        assertEquals(1, result.exitCode(), result.err());
        List<JsonNode> records = records(result.out());
        assertEquals(9, records.size(), result.out());
        String[] expected = {"VALID", "EMPTY_LINE", "VALID", "NOT_UTF8", "LINE_TOO_LONG", "MALFORMED", "EXPIRED", "EMPTY_LINE", "VALID"};
        for (int i = 0; i < expected.length; i++) {
            JsonNode record = records.get(i);
            assertEquals(i + 1, record.get("line").asInt());
            String outcome = record.get("verdict").asText().equals("VALID") ? "VALID" : record.get("reason").asText();
            assertEquals(expected[i], outcome, "line " + (i + 1) + ": " + record);
        }
        assertEquals(spaced.claims().serial().toString(), records.get(2).get("serial").asText());
        assertTrue(records.get(4).get("message").asText().contains("line too long"));
        assertEquals("INPUT_ERROR", records.get(3).get("verdict").asText());
        assertEquals("REJECTED", records.get(6).get("verdict").asText());
        assertTrue(result.err().contains("9 records"), result.err());
        assertTrue(result.err().contains("EMPTY_LINE 2"), result.err());
        assertTrue(result.err().contains("GREEN 3"), result.err());
    }

    @Test
    void bulk_manyLinesOnSeveralThreads_keepInputOrder() throws IOException {
        IssuedCode[] codes = {fx.issue(Colour.GREEN), fx.issue(Colour.YELLOW), fx.issue(Colour.RED)};
        StringBuilder text = new StringBuilder();
        int lines = 2000;
        for (int i = 0; i < lines; i++) {
            text.append(i % 7 == 0 ? "junk " + i : codes[i % 3].text()).append('\n');
        }
        Path input = dir.resolve("many.txt");
        Files.writeString(input, text);

        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), "--threads", "4", "--batch-size", "13",
                "--quiet", input.toString());

        assertEquals(1, result.exitCode());
        assertEquals("", result.err(), "--quiet prints no summary");
        List<JsonNode> records = records(result.out());
        assertEquals(lines, records.size());
        for (int i = 0; i < lines; i++) {
            JsonNode record = records.get(i);
            assertEquals(i + 1, record.get("line").asInt());
            if (i % 7 == 0) {
                assertEquals("MALFORMED", record.get("reason").asText());
            } else {
                assertEquals(codes[i % 3].claims().colour().name().toLowerCase(java.util.Locale.ROOT), record.get("colour").asText(), "line " + (i + 1));
            }
        }
    }

    @Test
    void bulk_allValidToCsvFile_exitsZeroAndWritesHeaderAndRows() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append(fx.issue("CSV" + i, Colour.GREEN, Duration.ofHours(2)).text()).append('\n');
        }
        Path input = dir.resolve("ok.txt");
        Files.writeString(input, text);
        Path output = dir.resolve("out.csv");

        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), "--format", "csv", "-o", output.toString(),
                input.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.out(), "records go to the file, not stdout");
        List<String> rows = Files.readAllLines(output);
        assertEquals(21, rows.size());
        assertEquals("schema,line,verdict,reason,message,colour,key_id,serial,identity_hash,issued_at,expires_at", rows.get(0));
        assertTrue(rows.get(1).startsWith("greenlight.record/1,1,VALID,,valid,green,"), rows.get(1));
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".partial")), "no temporary file left");
        }
    }

    @Test
    void bulk_csvFieldsWithCommasAndQuotes_areQuoted() throws IOException {
        Path input = dir.resolve("long.txt");
        Files.writeString(input, "GL1:" + "A".repeat(1100) + "\n");
        Path images = Files.createDirectories(dir.resolve("odd"));
        Files.writeString(images.resolve("say \"hi\", ok.txt"), "not an image");

        Fixtures.Result lines = fx.run("bulk", "--trust", fx.jwks.toString(), "--format", "CSV", "--quiet", input.toString());
        Fixtures.Result files = fx.run("bulk", "--trust", fx.jwks.toString(), "--format", "csv", "--quiet", images.toString());

        assertEquals(1, lines.exitCode());
        String row = lines.out().split("\n")[1];
        assertTrue(row.startsWith("greenlight.record/1,1,REJECTED,MALFORMED,\"the text has 1104 characters, more than"), row);
        assertTrue(files.out().startsWith("schema,file,verdict,"), files.out());
        assertTrue(files.out().split("\n")[1].startsWith("greenlight.record/1,\"say \"\"hi\"\", ok.txt\",INPUT_ERROR,NOT_AN_IMAGE,"), files.out());
    }

    @Test
    void bulk_stdinWithHundredMegabyteLine_streamsItIntoOneRecord() {
        IssuedCode green = fx.issue(Colour.GREEN);
        long hugeLength = 100L * 1024 * 1024;
        InputStream huge = new InputStream() {
            private long left = hugeLength;

            @Override
            public int read() {
                return left-- > 0 ? 'A' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'A');
                left -= n;
                return n;
            }
        };
        InputStream stdin = new SequenceInputStream(new ByteArrayInputStream(bytes(green.text() + "\n")), huge);

        Fixtures.Result result = Fixtures.run(fx.context(stdin), "bulk", "--trust", fx.jwks.toString(), "-");

        assertEquals(1, result.exitCode(), result.err());
        String[] lines = result.out().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].contains("\"verdict\":\"VALID\""), lines[0]);
        assertTrue(lines[1].contains("\"reason\":\"LINE_TOO_LONG\""), lines[1]);
        assertTrue(lines[1].contains(Long.toString(hugeLength)), "the message gives the full length: " + lines[1]);
    }

    @Test
    void bulk_emptyInput_hasNoRecordsAndExitsZero() throws IOException {
        Path input = dir.resolve("empty.txt");
        Files.write(input, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), input.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.out());
        assertTrue(result.err().contains("0 records"), result.err());
    }

    @Test
    void bulk_missingInput_exitsThree() {
        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), dir.resolve("nope.txt").toString());

        assertEquals(3, result.exitCode());
        assertTrue(result.err().contains("nope.txt"), result.err());
    }

    @Test
    void bulk_imageDirectory_yieldsOneRecordPerFileInNameOrder() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        IssuedCode green = fx.issue(Colour.GREEN);
        IssuedCode red = fx.issue(Colour.RED);
        Fixtures.writePng(Fixtures.render(green.text(), 4), images.resolve("a-green.png"));
        Fixtures.writeJpeg(Fixtures.scaleAndRotate(Fixtures.render(red.text(), 4), 1.2, 200), images.resolve("b-red.jpg"), 0.5f);
        Files.writeString(images.resolve("c-notes.txt"), "not an image");
        Files.write(images.resolve("d-empty.png"), new byte[0]);
        byte[] png = Files.readAllBytes(images.resolve("a-green.png"));
        Files.write(images.resolve("e-truncated.png"), java.util.Arrays.copyOf(png, png.length / 2));
        Fixtures.writePng(new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB), images.resolve("f-blank.png"));
        Files.createDirectories(images.resolve("g-subdir"));
        Files.createSymbolicLink(images.resolve("h-dangling.png"), images.resolve("gone.png"));

        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), images.toString());

        assertEquals(1, result.exitCode(), result.err());
        List<JsonNode> records = records(result.out());
        assertEquals(7, records.size(), result.out());
        String[] files = {"a-green.png", "b-red.jpg", "c-notes.txt", "d-empty.png", "e-truncated.png", "f-blank.png", "h-dangling.png"};
        String[] outcomes = {"green", "red", "NOT_AN_IMAGE", "NOT_AN_IMAGE", "NOT_AN_IMAGE", "NO_QR_CODE", "UNREADABLE_FILE"};
        for (int i = 0; i < files.length; i++) {
            JsonNode record = records.get(i);
            assertEquals(files[i], record.get("file").asText());
            String outcome = record.get("verdict").asText().equals("VALID") ? record.get("colour").asText() : record.get("reason").asText();
            assertEquals(outcomes[i], outcome, record.toString());
        }
        assertTrue(result.err().contains("skipping 1 subdirectory"), result.err());
    }

    @Test
    void bulk_stderrIsTerminal_drawsProgressThenSummary() {
        String code = fx.issue(Colour.GREEN).text() + "\n";
        CliContext terminal = new CliContext(java.time.Clock.fixed(Fixtures.NOW, java.time.ZoneOffset.UTC),
                new ByteArrayInputStream(bytes(code.repeat(50))), java.util.Map.of(), dir.resolve("home"),
                new dev.greenlight.cli.Terminal(false, true, true), 2);

        Fixtures.Result shown = Fixtures.run(terminal, "bulk", "--trust", fx.jwks.toString(), "--batch-size", "10", "-");

        assertEquals(0, shown.exitCode(), shown.err());
        assertEquals(50, shown.out().split("\n").length);
        assertTrue(shown.err().startsWith("\r"), "progress redraws one line: " + shown.err());
        assertTrue(shown.err().contains("records/s"), shown.err());
    }

    @Test
    void bulk_badFormat_isUsageError() {
        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), "--format", "xml", "-");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("xml"), result.err());
    }
}
