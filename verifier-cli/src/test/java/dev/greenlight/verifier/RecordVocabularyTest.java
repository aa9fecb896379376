package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.cli.records.CsvRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify, bulk, inspect and the scan log speak one record schema (specs/records.md). */
class RecordVocabularyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "greenlight.record/1";

    @TempDir
    Path dir;

    private Fixtures fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
    }


    @Test
    void everyCommand_writesTheSchemaFieldAndSpellsColoursLowerCase() throws IOException {
        IssuedCode yellow = fx.issue(Colour.YELLOW);
        Path input = dir.resolve("codes.txt");
        Files.writeString(input, yellow.text() + "\n");
        Path jsonLog = dir.resolve("gate.jsonl");
        Path csvLog = dir.resolve("gate.csv");

        List<JsonNode> records = new ArrayList<>();
        records.add(JSON.readTree(fx.run("verify", "--json", "--trust", fx.jwks.toString(), yellow.text()).out()));
        records.add(JSON.readTree(fx.run("bulk", "--quiet", "--trust", fx.jwks.toString(), input.toString()).out()));
        records.add(JSON.readTree(fx.run("inspect", "--json", yellow.text()).out()));
        Fixtures.run(fx.context(yellow.text() + "\n"), "scan", "--trust", fx.jwks.toString(), "--log", jsonLog.toString());
        records.add(JSON.readTree(Files.readString(jsonLog)));
        for (JsonNode record : records) {
            assertEquals(SCHEMA, record.get("schema").asText(), record::toString);
            assertEquals("yellow", record.get("colour").asText(), record::toString);
            assertFalse(record.get("message").asText().isEmpty(), record::toString);
        }

        List<Map<String, String>> rows = new ArrayList<>();
        rows.addAll(CsvRecords.read(fx.run("bulk", "--quiet", "--format", "csv", "--trust", fx.jwks.toString(), input.toString()).out(), ','));
        Fixtures.run(fx.context(yellow.text() + "\n"), "scan", "--trust", fx.jwks.toString(), "--log", csvLog.toString());
        rows.addAll(CsvRecords.read(Files.readString(csvLog), ','));
        assertEquals(2, rows.size());
        for (Map<String, String> row : rows) {
            assertEquals(SCHEMA, row.get("schema"), row::toString);
            assertEquals("yellow", row.get("colour"), row::toString);
        }
    }

    @Test
    void expiredCode_carriesExpiresAtInVerifyAndBulk_butAForgedOneCarriesNoClaims() throws IOException {
        IssuedCode expired = fx.issue("EXP1", Colour.GREEN, Duration.ofMinutes(10));
        String text = expired.text();
        // The last Base45 character changed: the signature fails, so the fields are nobody's word.
        String forged = text.substring(0, text.length() - 1) + (text.endsWith("0") ? "1" : "0");
        Path input = dir.resolve("codes.txt");
        Files.writeString(input, text + "\n" + forged + "\n");

        JsonNode verified = JSON.readTree(fx.run("verify", "--json", "--trust", fx.jwks.toString(), text).out());
        String[] bulk = fx.run("bulk", "--quiet", "--trust", fx.jwks.toString(), input.toString()).out().split("\n");

        for (JsonNode record : List.of(verified, JSON.readTree(bulk[0]))) {
            assertEquals("REJECTED", record.get("verdict").asText(), record::toString);
            assertEquals("EXPIRED", record.get("reason").asText());
            assertEquals(expired.claims().expiresAt().toString(), record.get("expires_at").asText());
            assertEquals(expired.claims().serial().toString(), record.get("serial").asText());
            assertEquals("green", record.get("colour").asText());
        }
        JsonNode bad = JSON.readTree(bulk[1]);
        assertEquals("REJECTED", bad.get("verdict").asText(), bad::toString);
        for (String claim : new String[] {"colour", "key_id", "serial", "identity_hash", "issued_at", "expires_at"}) {
            assertFalse(bad.has(claim), () -> claim + " of a code that failed its checks: " + bad);
        }
    }

    @Test
    void bulk_delimiterSemicolonAndTab_splitCsvOnThem() throws IOException {
        Path input = dir.resolve("codes.txt");
        Files.writeString(input, fx.issue(Colour.RED).text() + "\nnot, a; code\n");

        for (String delimiter : new String[] {";", "\\t", "tab"}) {
            Fixtures.Result result = fx.run("bulk", "--quiet", "--format", "csv", "--delimiter", delimiter,
                    "--trust", fx.jwks.toString(), input.toString());
            char c = delimiter.equals(";") ? ';' : '\t';
            assertTrue(result.out().startsWith("schema" + c + "line" + c + "verdict" + c), result.out());
            List<Map<String, String>> rows = CsvRecords.read(result.out(), c);
            assertEquals("red", rows.get(0).get("colour"), rows::toString);
            assertEquals("2", rows.get(1).get("line"));
            assertEquals("MALFORMED", rows.get(1).get("reason"));
        }
    }

    @Test
    void bulk_delimiterWithJsonLines_isAUsageError() {
        Fixtures.Result result = fx.run("bulk", "--delimiter", ";", "--trust", fx.jwks.toString(), "-");

        assertEquals(ExitCode.USAGE.code(), result.exitCode());
        assertTrue(result.err().contains("--delimiter"), result.err());
    }
}
