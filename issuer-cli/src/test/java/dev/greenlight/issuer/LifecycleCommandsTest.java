package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** declare, check-in, release and status, as a black box, over a simulated fortnight with --now. */
class LifecycleCommandsTest {

    static final String HOLDER = "CNID:11010519491231002X";
    /** 09:00 in Shanghai, the example policy's zone, on 2026-12-01. */
    static final Instant DAY_0 = Instant.parse("2026-12-01T01:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(temp);
        cli.initHome();
    }

    static String day(int n) {
        return DAY_0.plus(n, ChronoUnit.DAYS).toString();
    }

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--home";
        all[args.length + 1] = "home";
        return cli.run(all);
    }

    private JsonNode json(Cli.Result result) throws Exception {
        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        return JSON.readTree(result.out());
    }

    private JsonNode checkIn(int day) throws Exception {
        return json(run("check-in", HOLDER, "--temperature", "36.6", "--now", day(day), "--json"));
    }

    @Test
    void declare_fever_yellowWithTheReasonInTextAndJson() throws Exception {
        Cli.Result text = run("declare", HOLDER, "--temperature", "38.0", "--now", day(0));

        assertEquals(ExitCode.OK.code(), text.exitCode(), text::toString);
        assertTrue(text.out().contains("colour:  yellow (was none)"), text::toString);
        assertTrue(text.out().contains("YELLOW-FEVER: Temperature 38.0 °C is 37.3 °C or more."), text::toString);
        assertTrue(text.out().contains("streak:  0 of 14 days"), text::toString);

        JsonNode status = json(run("status", HOLDER, "--json"));
        assertEquals("greenlight.record/1", status.get("schema").asText());
        assertEquals("STATUS", status.get("verdict").asText());
        assertEquals("yellow", status.get("colour").asText());
        assertEquals("YELLOW-FEVER", status.get("reasons").get(0).get("rule").asText());
        assertEquals(1, status.get("history").size());
    }

    @Test
    void declare_neverStoresOrPrintsTheIdentity() throws Exception {
        Cli.Result result = run("declare", HOLDER, "--temperature", "38.0", "--now", day(0), "--json");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        String hash = Homes.identitySecret(cli.workingDirectory.resolve("home"))
                .pseudonymOf(Identity.of("CNID", "11010519491231002X")).toString();
        assertEquals(hash, json(result).get("identity_hash").asText());
        assertFalse(result.out().contains("11010519491231002X") || result.err().contains("11010519491231002X"));
        byte[] database = Files.readAllBytes(cli.workingDirectory.resolve("home/registry.db"));
        assertFalse(new String(database, java.nio.charset.StandardCharsets.ISO_8859_1).contains("11010519491231002X"));
    }

    @Test
    void fortnight_feverThenFourteenCleanCheckIns_turnsGreenOnTheFourteenth() throws Exception {
        json(run("declare", HOLDER, "--temperature", "38.0", "--now", day(0), "--json"));

        for (int day = 1; day <= 13; day++) {
            JsonNode after = checkIn(day);
            assertEquals("yellow", after.get("colour").asText(), "day " + day);
            assertEquals(day, after.get("streak_days").asInt(), "day " + day);
            assertFalse(after.get("changed").asBoolean());
        }
        JsonNode fourteenth = checkIn(14);

        assertEquals("green", fourteenth.get("colour").asText());
        assertTrue(fourteenth.get("changed").asBoolean());
        assertEquals("GREEN-CHECK-INS-COMPLETE", fourteenth.get("reasons").get(0).get("rule").asText());
        JsonNode status = json(run("status", HOLDER, "--json"));
        assertEquals(2, status.get("history").size());
        assertEquals("yellow", status.get("history").get(1).get("from").asText());
        assertEquals("green", status.get("history").get(1).get("to").asText());
    }

    @Test
    void checkIn_missedDay_restartsTheStreak() throws Exception {
        json(run("declare", HOLDER, "--temperature", "38.0", "--now", day(0), "--json"));
        for (int day = 1; day <= 5; day++) {
            checkIn(day);
        }

        JsonNode afterGap = checkIn(7);

        assertEquals("yellow", afterGap.get("colour").asText());
        assertEquals(1, afterGap.get("streak_days").asInt());
        assertEquals(day(7).substring(0, 10), afterGap.get("streak_first").asText());
    }

    @Test
    void release_red_turnsYellow_andAYellowHolderIsRefused() throws Exception {
        JsonNode red = json(run("declare", HOLDER, "--temperature", "36.6", "--case", "confirmed", "--now", day(0), "--json"));
        assertEquals("red", red.get("colour").asText());
        assertEquals("RED-CONFIRMED", red.get("reasons").get(0).get("rule").asText());

        JsonNode released = json(run("release", HOLDER, "--certificate", "WH-2026-118842", "--now", day(3), "--json"));
        Cli.Result again = run("release", HOLDER, "--certificate", "WH-2026-118842", "--now", day(4));

        assertEquals("yellow", released.get("colour").asText());
        assertEquals("YELLOW-RELEASED", released.get("reasons").get(0).get("rule").asText());
        assertEquals(ExitCode.INVALID_INPUT.code(), again.exitCode(), again::toString);
        assertTrue(again.err().contains("NOT_RED"), again::toString);
    }

    @Test
    void checkIn_beforeAnyDeclaration_isRefused() {
        Cli.Result result = run("check-in", HOLDER, "--temperature", "36.6", "--now", day(0));

        assertEquals(ExitCode.INVALID_INPUT.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("declare"), result::toString);
    }

    @Test
    void checkIn_clockWentBackwards_isRefusedAndNothingRecorded() throws Exception {
        json(run("declare", HOLDER, "--temperature", "38.0", "--now", day(2), "--json"));

        Cli.Result result = run("check-in", HOLDER, "--temperature", "36.6", "--now", day(1));

        assertEquals(ExitCode.INVALID_INPUT.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("CLOCK_WENT_BACKWARDS"), result::toString);
        assertEquals(1, json(run("status", HOLDER, "--json")).get("history").size());
    }

    @Test
    void declare_badOptions_exitWithTheirCode() {
        assertEquals(ExitCode.USAGE.code(), run("declare", HOLDER, "--temperature", "36.6", "--now", "yesterday").exitCode());
        assertEquals(ExitCode.INVALID_INPUT.code(), run("declare", HOLDER, "--temperature", "36.65").exitCode());
        assertEquals(ExitCode.INVALID_INPUT.code(), run("declare", HOLDER, "--temperature", "36.6", "--symptom", "hiccups").exitCode());
        assertEquals(ExitCode.INVALID_INPUT.code(), run("declare", "11010519491231002X", "--temperature", "36.6").exitCode());
        assertEquals(ExitCode.USAGE.code(), run("declare", HOLDER, "--temperature", "36.6", "--override", "red").exitCode());
    }

    @Test
    void declare_stayInAHighRiskArea_red() throws Exception {
        JsonNode red = json(run("declare", HOLDER, "--temperature", "36.6", "--stay", "420106:2026-11-28..2026-11-30",
                "--now", day(0), "--json"));

        assertEquals("red", red.get("colour").asText());
        assertEquals("RED-HIGH-RISK-AREA", red.get("reasons").get(0).get("rule").asText());
    }

    private java.util.List<JsonNode> reissue(int day) throws Exception {
        Files.writeString(cli.workingDirectory.resolve("holders.txt"), "# the community's holders\n" + HOLDER + "\n\nPP-FRA:18AV12345\n");
        Cli.Result result = run("reissue", "--holders", "holders.txt", "--now", day(day));
        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        java.util.List<JsonNode> records = new java.util.ArrayList<>();
        for (String line : result.out().split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    @Test
    void reissue_fortnight_issuesOncePerDayAndAGreenCodeAfterTheChange() throws Exception {
        json(run("declare", HOLDER, "--temperature", "38.0", "--now", day(0), "--json"));

        java.util.List<JsonNode> first = reissue(0);
        java.util.List<JsonNode> rerun = reissue(0);
        for (int day = 1; day <= 13; day++) {
            checkIn(day);
        }
        java.util.List<JsonNode> dayThirteen = reissue(13);
        checkIn(14);
        java.util.List<JsonNode> afterGreen = reissue(14);
        java.util.List<JsonNode> afterGreenRerun = reissue(14);

        assertEquals(1, first.size(), first::toString);
        assertEquals("ISSUED", first.get(0).get("verdict").asText());
        assertEquals("yellow", first.get(0).get("colour").asText());
        assertEquals(2, first.get(0).get("line").asInt(), "the line of the holder in holders.txt");
        assertEquals(java.util.List.of(), rerun, "a re-run the same day issues nothing twice");
        assertEquals("yellow", dayThirteen.get(0).get("colour").asText());
        assertEquals(1, afterGreen.size(), afterGreen::toString);
        assertEquals("green", afterGreen.get(0).get("colour").asText());
        assertTrue(afterGreen.get(0).get("message").asText().contains("colour changed from yellow"), afterGreen::toString);
        assertEquals(java.util.List.of(), afterGreenRerun);
        dev.greenlight.codec.VerificationResult verified = Homes.verifier(cli.workingDirectory.resolve("home"),
                java.time.Clock.fixed(Instant.parse(day(14)), java.time.ZoneOffset.UTC)).verify(afterGreen.get(0).get("code").asText());
        assertTrue(verified.isValid(), verified::toString);
        assertEquals(dev.greenlight.codec.Colour.GREEN, verified.signedClaims().colour());
        JsonNode status = json(run("status", HOLDER, "--json"));
        assertTrue(status.get("message").asText().endsWith(", 3 codes issued"), status::toString);
    }

    @Test
    void reissue_colourChangedTheSameDayAsTheDailyCode_issuesTheNewColourToo() throws Exception {
        json(run("declare", HOLDER, "--temperature", "36.6", "--now", day(0), "--json"));
        assertEquals("green", reissue(0).get(0).get("colour").asText());

        json(run("check-in", HOLDER, "--temperature", "38.2", "--now", DAY_0.plusSeconds(3600).toString(), "--json"));
        Cli.Result later = run("reissue", "--holders", "holders.txt", "--now", DAY_0.plusSeconds(7200).toString());

        assertEquals(ExitCode.OK.code(), later.exitCode(), later::toString);
        assertEquals("yellow", JSON.readTree(later.out().strip()).get("colour").asText());
    }

    @Test
    void reissue_badLine_isAnInputErrorRecordAndTheOthersAreIssued() throws Exception {
        json(run("declare", HOLDER, "--temperature", "36.6", "--now", day(0), "--json"));
        Files.writeString(cli.workingDirectory.resolve("holders.txt"), "11010519491231002X\n" + HOLDER + "\n");

        Cli.Result result = run("reissue", "--holders", "holders.txt", "--now", day(0));

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
        String[] lines = result.out().strip().split("\n");
        assertEquals("INPUT_ERROR", JSON.readTree(lines[0]).get("verdict").asText());
        assertEquals("INVALID_IDENTITY", JSON.readTree(lines[0]).get("reason").asText());
        assertEquals("ISSUED", JSON.readTree(lines[1]).get("verdict").asText());
        assertTrue(result.err().contains("issued: 1, not due: 0, already issued: 0, not in the registry: 0, failed: 1"), result::toString);
    }

    @Test
    void reissue_withoutHolders_scansTheRegistryAndIssuesForEveryDueHolderOnce() throws Exception {
        String other = "PP-FRA:18AV12345";
        json(run("declare", HOLDER, "--temperature", "38.0", "--now", day(0), "--json"));
        json(run("declare", other, "--temperature", "36.6", "--now", day(0), "--json"));
        checkIn(1);
        json(run("check-in", other, "--temperature", "36.5", "--now", day(1), "--json"));

        Cli.Result first = run("reissue", "--now", day(1));
        Cli.Result rerun = run("reissue", "--now", day(1));

        assertEquals(ExitCode.OK.code(), first.exitCode(), first::toString);
        String[] lines = first.out().strip().split("\n");
        assertEquals(2, lines.length, first::toString);
        java.util.Map<String, String> colourByHash = new java.util.HashMap<>();
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            assertEquals("ISSUED", record.get("verdict").asText(), line);
            assertFalse(record.has("line"), "a registry scan reads no lines: " + line);
            colourByHash.put(record.get("identity_hash").asText(), record.get("colour").asText());
            dev.greenlight.codec.VerificationResult verified = Homes.verifier(cli.workingDirectory.resolve("home"),
                    java.time.Clock.fixed(Instant.parse(day(1)), java.time.ZoneOffset.UTC)).verify(record.get("code").asText());
            assertTrue(verified.isValid(), verified::toString);
            assertEquals(record.get("identity_hash").asText(), verified.signedClaims().identityHash().toString());
        }
        dev.greenlight.codec.IdentitySecret secret = Homes.identitySecret(cli.workingDirectory.resolve("home"));
        assertEquals(java.util.Map.of(
                secret.pseudonymOf(Identity.of("CNID", "11010519491231002X")).toString(), "yellow",
                secret.pseudonymOf(Identity.of("PP-FRA", "18AV12345")).toString(), "green"), colourByHash);
        assertTrue(first.err().startsWith("issued: 2, not due: 0, already issued: 0, not in the registry: 0, failed: 0"),
                first::toString);
        assertEquals(ExitCode.OK.code(), rerun.exitCode(), rerun::toString);
        assertEquals("", rerun.out().strip(), "a re-run the same day issues nothing twice");
        assertTrue(rerun.err().startsWith("issued: 0, not due: 2"), "today's codes are not due again: " + rerun);
    }

    @Test
    void reissue_colourChangesWhileTheCodeIsValidForDays_theScanIssuesTheNewColourAtOnce() throws Exception {
        Path settings = cli.workingDirectory.resolve("home").resolve("settings.properties");
        Files.writeString(settings, Files.readString(settings).replaceAll("(?m)^default-validity=.*$", "default-validity=7d"));
        String other = "PP-FRA:18AV12345";
        json(run("declare", HOLDER, "--temperature", "36.6", "--now", day(0), "--json"));
        json(run("declare", other, "--temperature", "36.6", "--now", day(0), "--json"));
        Cli.Result first = run("reissue", "--now", day(0));
        assertEquals(ExitCode.OK.code(), first.exitCode(), first::toString);
        json(run("check-in", HOLDER, "--temperature", "38.4", "--now", day(1), "--json"));

        Cli.Result nextDay = run("reissue", "--now", day(1));

        assertEquals(ExitCode.OK.code(), nextDay.exitCode(), nextDay::toString);
        assertFalse(nextDay.out().isBlank(), () -> "the yellow holder's green code is valid 6 more days: " + nextDay);
        String[] lines = nextDay.out().strip().split("\n");
        assertEquals(1, lines.length, nextDay::toString);
        JsonNode record = JSON.readTree(lines[0]);
        assertEquals("yellow", record.get("colour").asText());
        assertEquals("issued: colour changed from green", record.get("message").asText());
        dev.greenlight.codec.IdentitySecret secret = Homes.identitySecret(cli.workingDirectory.resolve("home"));
        assertEquals(secret.pseudonymOf(Identity.of("CNID", "11010519491231002X")).toString(), record.get("identity_hash").asText());
        assertTrue(nextDay.err().startsWith("issued: 1, not due: 0, already issued: 0"), nextDay::toString);
        assertEquals("", run("reissue", "--now", day(1)).out().strip(), "the yellow code is the latest now");
        Cli.Result toFile = run("reissue", "--now", day(9), "-o", "day-9.jsonl");
        assertEquals(ExitCode.OK.code(), toFile.exitCode(), toFile::toString);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cli.workingDirectory.resolve("day-9.jsonl"))), "identity hashes are personal data");
    }

    @Test
    void registryUrlSetting_choosesTheDatabase() throws Exception {
        Path home = cli.workingDirectory.resolve("home");
        Path settings = home.resolve("settings.properties");
        Path elsewhere = cli.workingDirectory.resolve("shared.db");
        Files.writeString(settings, Files.readString(settings).replaceAll("(?m)^registry\\.url=.*$",
                "registry.url=jdbc:sqlite:" + elsewhere.toString().replace("\\", "\\\\")));

        json(run("declare", HOLDER, "--temperature", "38.0", "--now", day(0), "--json"));
        Files.writeString(settings, Files.readString(settings).replaceAll("(?m)^registry\\.url=.*$", "registry.url=jdbc:mysql://db/x"));
        Cli.Result unsupported = run("status", HOLDER);

        assertTrue(Files.size(elsewhere) > 0);
        assertEquals(ExitCode.NOT_CONFIGURED.code(), unsupported.exitCode(), unsupported::toString);
    }
}
