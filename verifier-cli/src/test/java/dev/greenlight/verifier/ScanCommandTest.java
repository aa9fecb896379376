package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Fixtures fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
    }

    private CliContext session(Clock clock, String stdin, boolean terminal) {
        return new CliContext(clock, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of(),
                dir.resolve("home"), new dev.greenlight.cli.Terminal(terminal, false, true), 1);
    }

    private static List<JsonNode> readLog(Path log) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            entries.add(JSON.readTree(line));
        }
        return entries;
    }

    private static List<String> verdictLines(String out) {
        List<String> verdicts = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith(" PASS ") || line.startsWith(" DENY ")) {
                verdicts.add(line);
            }
        }
        return verdicts;
    }

    @Test
    void scan_sessionFromPipe_showsEachVerdictAndLogsEveryScan() throws IOException {
        IssuedCode green = fx.issue(Colour.GREEN);
        IssuedCode yellow = fx.issue(Colour.YELLOW);
        IssuedCode red = fx.issue(Colour.RED);
        IssuedCode expired = fx.issue("OLD1", Colour.GREEN, Duration.ofMinutes(30));
        IssuedCode feverish = fx.issue("HOT1", Colour.GREEN, Duration.ofHours(24));
        IssuedCode normal = fx.issue("OK1", Colour.GREEN, Duration.ofHours(24));
        String stdin = green.text() + "\n"
                + green.text() + "\r\n"          // repeat within the window
                + "\n"                           // stray Enter: ignored
                + yellow.text() + "\n"
                + red.text() + "\n"
                + expired.text() + "\n"
                + "not a code\n"
                + feverish.text() + ";37.3\n"    // at the threshold: denied
                + normal.text() + "\t36,8 °C\n"; // TAB separator, comma decimal
        Path log = dir.resolve("gate.jsonl");

        Fixtures.Result result = Fixtures.run(session(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), stdin, false),
                "scan", "--trust", fx.jwks.toString(), "--log", log.toString(), "--checkpoint", "north-gate", "--direction", "out");

        assertEquals(0, result.exitCode(), result.err());
        List<String> verdicts = verdictLines(result.out());
        assertEquals(8, verdicts.size(), result.out());
        assertTrue(verdicts.get(0).startsWith(" PASS ") && verdicts.get(0).contains("Green code: pass."), verdicts.get(0));
        assertTrue(verdicts.get(1).startsWith(" PASS "), "the repeat is decided afresh; by default only a warning");
        assertTrue(result.out().contains("REPEAT"), result.out());
        assertTrue(verdicts.get(2).startsWith(" DENY ") && verdicts.get(2).contains("home isolation and do the daily health check-in"));
        assertTrue(verdicts.get(3).startsWith(" DENY ") && verdicts.get(3).contains("village or community"));
        assertTrue(verdicts.get(4).contains("obtain a fresh code"), verdicts.get(4));
        assertTrue(verdicts.get(5).contains("obtain a fresh code"), verdicts.get(5));
        assertTrue(verdicts.get(6).startsWith(" DENY ") && verdicts.get(6).contains("medical check"), verdicts.get(6));
        assertTrue(verdicts.get(7).startsWith(" PASS "), verdicts.get(7));
        assertTrue(result.out().contains("#   #  ####   # # #"), "large block letters in plain text: " + result.out());
        assertFalse(result.out().contains("\u001b["), "no ANSI when stdout is not a terminal");

        List<JsonNode> entries = readLog(log);
        assertEquals(8, entries.size(), "the repeat is logged too; the empty line is not");
        String[] decisions = {"PASS", "PASS", "DENY", "DENY", "DENY", "DENY", "DENY", "PASS"};
        String[] codeVerdicts = {"VALID", "VALID", "VALID", "VALID", "REJECTED", "REJECTED", "VALID", "VALID"};
        String[] reasons = {null, null, "YELLOW_CODE", "RED_CODE", "EXPIRED", "MALFORMED", "FEVER", null};
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            assertEquals(decisions[i], entry.get("decision").asText(), entry.toString());
            assertEquals(codeVerdicts[i], entry.get("verdict").asText(), entry.toString());
            assertEquals(reasons[i], entry.has("reason") ? entry.get("reason").asText() : null, entry.toString());
            assertEquals("greenlight.record/1", entry.get("schema").asText());
            assertFalse(entry.get("message").asText().isBlank(), entry.toString());
            assertEquals("north-gate", entry.get("checkpoint").asText());
            assertEquals("out", entry.get("direction").asText());
            assertEquals(Fixtures.NOW.toString(), entry.get("time").asText());
            assertEquals(i == 1, entry.get("repeat").asBoolean(), entry.toString());
        }
        assertEquals(green.claims().identityHash().toString(), entries.get(0).get("identity_hash").asText());
        assertEquals(green.claims().serial().toString(), entries.get(0).get("serial").asText());
        assertEquals("green", entries.get(0).get("colour").asText());
        assertEquals(expired.claims().expiresAt().toString(), entries.get(4).get("expires_at").asText(),
                "an expired code's signature checked out: its claims are logged");
        assertFalse(entries.get(5).has("identity_hash"), "a malformed code's fields are not trusted, not logged");
        assertEquals(new BigDecimal("37.3"), entries.get(6).get("temperature").decimalValue());
        assertEquals(new BigDecimal("36.8"), entries.get(7).get("temperature").decimalValue());
        assertTrue(result.err().contains("3 PASS, 5 DENY; 1 repeats"), result.err());
    }

    @Test
    void scan_sameCodeWithinAndAfterTheRepeatWindow_isLoggedEachTimeAndFlaggedWithin() throws IOException {
        IssuedCode green = fx.issue(Colour.GREEN);
        // Each scan reads the clock once and the verifier once more: 25 s per read.
        Clock clock = TestClock.stepping(Fixtures.NOW, Duration.ofSeconds(25));
        Path log = dir.resolve("gate.jsonl");
        String stdin = green.text() + "\n" + green.text() + "\n" + green.text() + "\n";

        Fixtures.Result result = Fixtures.run(session(clock, stdin, false),
                "scan", "--trust", fx.jwks.toString(), "--log", log.toString(), "--repeat-window", "60s");

        assertEquals(0, result.exitCode(), result.err());
        List<JsonNode> entries = readLog(log);
        assertEquals(3, entries.size(), "every scan is logged");
        assertEquals(Fixtures.NOW.toString(), entries.get(0).get("time").asText());
        assertEquals(Fixtures.NOW.plusSeconds(50).toString(), entries.get(1).get("time").asText());
        assertEquals(Fixtures.NOW.plusSeconds(100).toString(), entries.get(2).get("time").asText());
        assertFalse(entries.get(0).get("repeat").asBoolean());
        assertTrue(entries.get(1).get("repeat").asBoolean(), "50 s after the first scan: a repeat");
        assertFalse(entries.get(2).get("repeat").asBoolean(), "100 s after the first scan: the window has passed");
    }

    @Test
    void scan_sameCodeWithANewTemperature_isDecidedOnTheNewReading() throws IOException {
        IssuedCode green = fx.issue(Colour.GREEN);
        Path log = dir.resolve("gate.jsonl");
        String stdin = green.text() + ";36.6\n" + green.text() + ";39.5\n";

        Fixtures.Result result = Fixtures.run(session(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), stdin, false),
                "scan", "--trust", fx.jwks.toString(), "--log", log.toString());

        assertEquals(0, result.exitCode(), result.err());
        List<String> verdicts = verdictLines(result.out());
        assertEquals(2, verdicts.size(), result.out());
        assertTrue(verdicts.get(0).startsWith(" PASS "), verdicts.get(0));
        assertTrue(verdicts.get(1).startsWith(" DENY ") && verdicts.get(1).contains("medical check"), verdicts.get(1));
        List<JsonNode> entries = readLog(log);
        assertEquals(2, entries.size());
        assertEquals("FEVER", entries.get(1).get("reason").asText());
        assertEquals(new BigDecimal("39.5"), entries.get(1).get("temperature").decimalValue());
        assertTrue(entries.get(1).get("repeat").asBoolean());
    }

    @Test
    void scan_codeExpiredSinceItsFirstScan_isDeniedOnTheRepeat() throws IOException {
        // Valid until NOW + 30 min; the clock moves 20 min per read (one for the scan, one for the verifier).
        IssuedCode code = fx.issue("EXP1", Colour.GREEN, Duration.ofMinutes(90));
        Clock clock = TestClock.stepping(Fixtures.NOW, Duration.ofMinutes(20));
        Path log = dir.resolve("gate.jsonl");

        Fixtures.Result result = Fixtures.run(session(clock, code.text() + "\n" + code.text() + "\n", false),
                "scan", "--trust", fx.jwks.toString(), "--log", log.toString(), "--repeat-window", "24h");

        assertEquals(0, result.exitCode(), result.err());
        List<String> verdicts = verdictLines(result.out());
        assertTrue(verdicts.get(0).startsWith(" PASS "), verdicts.get(0));
        assertTrue(verdicts.get(1).startsWith(" DENY "), "expired since the first scan: " + verdicts.get(1));
        List<JsonNode> entries = readLog(log);
        assertEquals("EXPIRED", entries.get(1).get("reason").asText());
        assertTrue(entries.get(1).get("repeat").asBoolean());
    }

    @Test
    void scan_onRepeatDeny_deniesARepeatThatWouldPassAndLogsIt() throws IOException {
        IssuedCode green = fx.issue(Colour.GREEN);
        Path log = dir.resolve("gate.jsonl");

        Fixtures.Result result = Fixtures.run(session(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC),
                        green.text() + "\n" + green.text() + "\n", false),
                "scan", "--trust", fx.jwks.toString(), "--log", log.toString(), "--on-repeat=deny");

        assertEquals(0, result.exitCode(), result.err());
        List<JsonNode> entries = readLog(log);
        assertEquals(2, entries.size());
        assertEquals("PASS", entries.get(0).get("decision").asText());
        assertEquals("DENY", entries.get(1).get("decision").asText());
        assertEquals("REPEAT", entries.get(1).get("reason").asText());
        assertTrue(entries.get(1).get("repeat").asBoolean());
    }

    @Test
    void scan_repeatWindowOverADay_isUsageError() {
        Fixtures.Result result = Fixtures.run(session(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), "", false),
                "scan", "--trust", fx.jwks.toString(), "--repeat-window", "25h");

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("--repeat-window"), result.err());
    }

    @Test
    void scan_temperaturePrompt_readsNextLineAndAppliesTheFeverRule() throws IOException {
        IssuedCode first = fx.issue("T1", Colour.GREEN, Duration.ofHours(24));
        IssuedCode second = fx.issue("T2", Colour.GREEN, Duration.ofHours(24));
        IssuedCode yellow = fx.issue(Colour.YELLOW);
        IssuedCode feverishYellow = fx.issue("T3", Colour.YELLOW, Duration.ofHours(24));
        IssuedCode expired = fx.issue("T4", Colour.GREEN, Duration.ofMinutes(30));
        IssuedCode red = fx.issue(Colour.RED);
        String stdin = first.text() + "\n36.6\n"
                + second.text() + "\nhot\n37.9\n"   // a typo, then the reading
                + yellow.text() + "\n36.5\n"
                + feverishYellow.text() + "\n38.0\n" // a fever outranks yellow: a doctor, not home
                + expired.text() + "\n38.2\n"        // and outranks a code that did not verify
                + red.text() + "\n";                 // not prompted: no reading changes red
        Path log = dir.resolve("gate.csv");

        Fixtures.Result result = Fixtures.run(session(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), stdin, false),
                "scan", "--trust", fx.jwks.toString(), "--log", log.toString(), "--temperature");

        assertEquals(0, result.exitCode(), result.err());
        List<String> verdicts = verdictLines(result.out());
        assertEquals(6, verdicts.size(), result.out());
        assertTrue(verdicts.get(0).startsWith(" PASS "));
        assertTrue(verdicts.get(1).startsWith(" DENY ") && verdicts.get(1).contains("37.9 °C"), verdicts.get(1));
        assertTrue(verdicts.get(2).contains("home isolation"));
        assertTrue(verdicts.get(3).contains("medical check"), verdicts.get(3));
        assertTrue(verdicts.get(4).contains("medical check"), verdicts.get(4));
        assertTrue(verdicts.get(5).contains("village or community"), verdicts.get(5));
        assertEquals(6, result.err().split("Temperature \\(°C\\)", -1).length - 1, "one prompt per reading: " + result.err());
        List<String> rows = Files.readAllLines(log);
        assertEquals(7, rows.size());
        assertEquals("schema,time,checkpoint,direction,verdict,decision,reason,message,colour,key_id,serial,identity_hash,"
                + "issued_at,expires_at,temperature,repeat", rows.get(0));
        assertTrue(rows.get(1).contains(",VALID,PASS,,") && rows.get(1).contains(",green,") && rows.get(1).endsWith(",36.6,false"), rows.get(1));
        assertTrue(rows.get(2).contains(",VALID,DENY,FEVER,") && rows.get(2).contains(",green,") && rows.get(2).endsWith(",37.9,false"), rows.get(2));
        assertTrue(rows.get(3).contains(",VALID,DENY,YELLOW_CODE,") && rows.get(3).contains(",yellow,") && rows.get(3).endsWith(",36.5,false"), rows.get(3));
        assertTrue(rows.get(4).contains(",VALID,DENY,FEVER,") && rows.get(4).endsWith(",38.0,false"), rows.get(4));
        assertTrue(rows.get(5).contains(",REJECTED,DENY,FEVER,") && rows.get(5).endsWith(",38.2,false"), rows.get(5));
        assertTrue(rows.get(6).contains(",VALID,DENY,RED_CODE,") && rows.get(6).endsWith(",,false"), rows.get(6));
    }

    @Test
    void scan_existingCsvLog_isAppendedWithoutSecondHeader() throws IOException {
        Path log = dir.resolve("gate.csv");
        String stdin = fx.issue(Colour.GREEN).text() + "\n";
        for (int session = 0; session < 2; session++) {
            Fixtures.Result result = Fixtures.run(session(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), stdin, false),
                    "scan", "--trust", fx.jwks.toString(), "--log", log.toString());
            assertEquals(0, result.exitCode(), result.err());
        }

        List<String> rows = Files.readAllLines(log);

        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("schema,time,"));
        assertFalse(rows.get(2).startsWith("schema,"));
    }

    @Test
    void scan_onTerminal_usesAnsiColourAndBlockLetters() {
        Fixtures.Result result = Fixtures.run(session(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), fx.issue(Colour.RED).text() + "\n", true),
                "scan", "--trust", fx.jwks.toString());

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("\u001b[1;97;41m DENY \u001b[0m"), result.out());
        assertTrue(result.out().contains("\u2588"), result.out());
        assertTrue(result.err().contains("NOT recorded"), "warns that without --log nothing is recorded");
    }

    @Test
    void scan_badDirection_isUsageError() {
        Fixtures.Result result = Fixtures.run(session(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), "", false),
                "scan", "--trust", fx.jwks.toString(), "--direction", "sideways");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("sideways"));
    }

    @Test
    void parseTemperature_readingsAsTyped_areParsedOrRefused() {
        assertEquals(new BigDecimal("36.6"), ScanCommand.parseTemperature("36.6"));
        assertEquals(new BigDecimal("37.3"), ScanCommand.parseTemperature(" 37,3 °C "));
        assertEquals(new BigDecimal("38"), ScanCommand.parseTemperature("38C"));
        assertNull(ScanCommand.parseTemperature("98.6"), "Fahrenheit is not accepted silently");
        assertNull(ScanCommand.parseTemperature("hot"));
        assertNull(ScanCommand.parseTemperature(""));
    }
}
