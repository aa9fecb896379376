package dev.greenlight.issuer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.cli.records.CsvDelimiter;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordOutput;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.Verifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fuzz targets for what {@code gl-issue batch} reads: the byte stream cut into records
 * ({@link RecordReader}), each parsed as CSV or JSON Lines and issued ({@link RowProcessor}).
 * Property: every row of the input yields exactly one output record, a code that verifies or an
 * INPUT_ERROR with a reason, never an exception and never an {@code INTERNAL_ERROR}.
 *
 * <p>In {@code ./mvnw -B verify} these run in Jazzer's regression mode over the committed corpus in
 * {@code src/test/resources/dev/greenlight/issuer/batch/FuzzBatchInputTestInputs/<method>/} (the
 * last byte of a seed picks the format: odd CSV, even JSON Lines). To fuzz for real (SECURITY.md):
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl issuer-cli -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest='FuzzBatchInputTest#batchRows_anyBytes_oneRecordPerRow'
 * </pre>
 */
class FuzzBatchInputTest {

    private static final String HEADER = "document_type,number,colour,validity";
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final KeyPair PAIR = P256KeyPairs.generate(new SecureRandom());
    private static final Issuer ISSUER = Issuer.builder(IdentitySecret.generate(new SecureRandom()), Clock.fixed(NOW, ZoneOffset.UTC))
            .signingKey((ECPrivateKey) PAIR.getPrivate())
            .build();
    private static final Verifier VERIFIER = Verifier.builder(TrustedKeys.of(List.of((ECPublicKey) PAIR.getPublic())),
            Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RowParser CSV = CsvRowParser.fromHeader(HEADER);
    private static final RowParser JSONL = new JsonRowParser();
    private static final RecordOutput OUTPUT = RecordOutput.of(RecordFormat.JSONL, CsvDelimiter.DEFAULT, BatchRunner.OUTPUT_FIELDS);

    /** Minutes, 1 to 65535, as the CLI's parser promises: anything else an IllegalArgumentException with a reason. */
    private static Duration validity(String text) {
        long minutes = Long.parseLong(text.strip());
        if (minutes < 1 || minutes > 65_535) {
            throw new IllegalArgumentException("validity out of range: " + minutes);
        }
        return Duration.ofMinutes(minutes);
    }

    /**
     * The number of rows, counted independently of the reader: a BOM at the start is skipped,
     * records end at an LF outside CSV quotes, one CR before it is dropped, empty records are not rows.
     */
    static int rowCount(byte[] input, boolean csv) {
        int start = input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB
                && (input[2] & 0xFF) == 0xBF ? 3 : 0;
        int rows = 0;
        long length = 0;
        boolean lastWasCr = false;
        boolean quoted = false;
        for (int i = start; i <= input.length; i++) {
            boolean end = i == input.length;
            if (!end && (input[i] != '\n' || quoted)) {
                quoted ^= csv && input[i] == '"';
                length++;
                lastWasCr = input[i] == '\r';
                continue;
            }
            if (length - (lastWasCr ? 1 : 0) > 0) {
                rows++;
            }
            length = 0;
            lastWasCr = false;
        }
        return rows;
    }

    @FuzzTest
    // Printable ASCII only: a control character in a Jazzer dictionary stops the fuzzing run at once.
    @DictionaryEntries({"\"", ",", "\"\"", "CNID", "PP-FRA", "11010519491231002X",
        "green", "{\"document_type\":", "\"number\":", "\"colour\":", "\"validity\":", "}"})
    void batchRows_anyBytes_oneRecordPerRow(FuzzedDataProvider data) throws IOException {
        boolean csv = data.consumeBoolean();
        byte[] input = data.consumeRemainingAsBytes();
        RecordReader reader = new RecordReader(new ByteArrayInputStream(input), csv);
        RowProcessor processor = new RowProcessor(ISSUER, csv ? CSV : JSONL, FuzzBatchInputTest::validity, null, null);

        int rows = 0;
        InputRecord record;
        while ((record = reader.next()) != null) {
            rows++;
            Record done = processor.process(record);
            boolean issued = done.verdict() == Verdict.ISSUED;

            String text = OUTPUT.format(done);
            assertTrue(text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, () -> "one JSON line: " + text);
            JsonNode json = JSON.readTree(text);
            assertEquals(rows, json.get("row").asLong(), text);
            assertEquals(issued ? "ISSUED" : "INPUT_ERROR", json.get("verdict").asText(), text);
            if (issued) {
                assertTrue(VERIFIER.verify(json.get("code").asText()).isValid(), text);
            } else {
                assertNotEquals("INTERNAL_ERROR", json.get("reason").asText(), text);
                assertFalse(json.get("message").asText().isBlank(), text);
            }
        }
        assertEquals(rowCount(input, csv), rows, "count in = count out");
        assertEquals(input.length, reader.bytesConsumed());
    }

    @FuzzTest
    @DictionaryEntries({",", "\"", "document_type", "doc", "number", "colour", "color", "validity"})
    void csvHeader_anyText_parserOrIllegalArgument(byte[] bytes) {
        // As BatchRunner hands it over: the header record decoded as UTF-8.
        String header = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertNotNull(CsvRowParser.fromHeader(header));
        } catch (IllegalArgumentException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }
}
