package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.codec.Colour;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code lists that are not code lists: random binary, and a large mix of junk under a small heap. */
class HostileBulkLinesTest {

    @TempDir
    Path dir;

    private Fixtures fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
    }

    /** Lines as the spec counts them: LF-separated, a final line without LF counts, a leading BOM does not. */
    private static int lineCount(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int lines = 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        return start < bytes.length && bytes[bytes.length - 1] != '\n' ? lines + 1 : lines;
    }

    @Test
    void bulk_randomBinaryFile_yieldsOneRecordPerLineEachWithReason() throws IOException {
        byte[] junk = new byte[2 * 1024 * 1024];
        new Random(6).nextBytes(junk);
        Path input = dir.resolve("binary.txt");
        Files.write(input, junk);
        int expected = lineCount(junk);

        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), "--threads", "2", "--max-line-bytes", "300",
                input.toString());

        assertEquals(1, result.exitCode(), result.err());
        List<JsonNode> records = HostileImageTest.records(result.out());
        assertEquals(expected, records.size(), "count in = count out");
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            assertEquals(i + 1, record.get("line").asInt(), record::toString);
            assertFalse(record.get("verdict").asText().equals("VALID"), record::toString);
            assertFalse(record.get("reason").asText().isEmpty(), record::toString);
        }
        assertTrue(records.stream().anyMatch(r -> r.get("reason").asText().equals("NOT_UTF8")));
        assertTrue(records.stream().anyMatch(r -> r.get("reason").asText().equals("LINE_TOO_LONG")));
        assertTrue(result.err().contains(String.format("%,d records", expected)), result.err());
    }

    @Test
    void bulk_300000MixedLinesWithHeapCappedAt64MB_yieldsOneRecordPerLine() throws Exception {
        String valid = fx.issue(Colour.GREEN).text();
        Path input = dir.resolve("mixed.txt");
        int lines = 300_000;
        int expectedValid = 0;
        int expectedTooLong = 0;
        Random random = new Random(300);
        byte[] binary = new byte[40];
        byte[] megabyte = new byte[1024 * 1024];
        Arrays.fill(megabyte, (byte) 'A');
        byte[] overCap = Arrays.copyOf(megabyte, 5000);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(input), 1 << 16)) {
            for (int i = 0; i < lines; i++) {
                switch (i % 10) {
                    case 0 -> {
                        out.write((valid + "\n").getBytes(StandardCharsets.US_ASCII));
                        expectedValid++;
                    }
                    case 1 -> {
                        random.nextBytes(binary);
                        for (int b = 0; b < binary.length; b++) {
                            binary[b] = binary[b] == '\n' ? 0 : binary[b];
                        }
                        out.write(binary);
                        out.write('\n');
                    }
                    case 2 -> out.write('\n');
                    case 3 -> out.write(("junk " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    case 4 -> out.write(("GL1:" + valid.substring(4, 100) + "X" + valid.substring(101) + "\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    case 5 -> {
                        // Every 100th line too long for the 4096-byte cap; every 10,000th a megabyte.
                        if (i % 100 == 5) {
                            out.write(i % 10_000 == 5 ? megabyte : overCap);
                            expectedTooLong++;
                        } else {
                            out.write("x".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write('\n');
                    }
                    case 6 -> out.write((valid + " \n").getBytes(StandardCharsets.US_ASCII));
                    case 7 -> {
                        out.write((valid + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        expectedValid++;
                    }
                    case 8 -> out.write("\u00e9t\u00e9 \u2028 \u202e\n".getBytes(StandardCharsets.UTF_8));
                    default -> out.write(new byte[] {'G', 'L', '1', ':', (byte) 0xC3, 0x28, '\n'});
                }
            }
        }
        Path output = dir.resolve("out.jsonl");
        Path errors = dir.resolve("err.txt");

        Process process = HostileProcesses.verifierCli("64m", List.of("bulk", "--trust", fx.jwks.toString(),
                "--now", Fixtures.NOW.toString(), "--threads", "2", input.toString()), output, errors);

        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bulk did not finish");
        String err = Files.readString(errors, StandardCharsets.UTF_8);
        assertFalse(err.contains("OutOfMemoryError"), err);
        assertEquals(1, process.exitValue(), err);
        int records = 0;
        int valids = 0;
        int tooLong = 0;
        try (BufferedReader reader = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            String record;
            while ((record = reader.readLine()) != null) {
                records++;
                assertTrue(record.startsWith("{\"schema\":\"greenlight.record/1\",\"line\":" + records + ","), record);
                valids += record.contains("\"verdict\":\"VALID\"") ? 1 : 0;
                tooLong += record.contains("\"reason\":\"LINE_TOO_LONG\"") ? 1 : 0;
            }
        }
        assertEquals(lines, records, "count in = count out");
        assertEquals(expectedValid, valids);
        assertEquals(expectedTooLong, tooLong);
        assertTrue(err.contains(String.format("%,d records", lines)), err);
    }
}
