package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.records.CsvRecords;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** batch --colours-from-declarations: the colour rules and the home's policy give each row's colour and its rule ids. */
class BatchDeclarationsTest {

    @TempDir
    Path temp;

    private Cli cli;
    private Path home;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(temp);
        cli.initHome();
        home = cli.workingDirectory.resolve("home");
        // The clock of Cli is 2026-03-01: list an area then, so that the home's policy is seen to decide.
        Files.writeString(home.resolve("policy.json"), """
                {"feverThresholdCelsius": 37.3, "lookbackDays": 14, "streakDays": 14, "zone": "Asia/Shanghai",
                 "riskAreas": [{"region": "420100", "level": "HIGH", "from": "2026-02-01", "to": null}]}
                """);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(cli.workingDirectory.resolve(name), content);
    }

    private static List<String> rules(JsonNode record) {
        List<String> ids = new ArrayList<>();
        record.get("rules").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Test
    void csv_eachRowsDeclaration_givesTheColourAndItsRulesAndABadFieldIsAnErrorNamingIt() throws Exception {
        write("declarations.csv", """
                id,document_type,number,temperature,symptoms,case,contact_on,stays,isolation
                fever,CNID,11010519491231002X,38.1,dry-cough sore-throat,,,,
                contact,PP-FRA,18AV12345,36.6,,close-contact,2026-02-25,,
                wuhan,PP-CHN,E12345678,36.5,,,,420106:2026-02-20..2026-02-22,
                well,PP-DEU,C01X00T47,36.5,,,,,
                two-decimals,CNID,11010519491231002X,37.25,,,,,
                cough,CNID,11010519491231002X,36.5,coughing,,,,
                tomorrow,CNID,11010519491231002X,36.5,,,2026-03-02,,
                isolated,CNID,11010519491231002X,36.5,,,,,hospital
                """);

        Cli.Result result = cli.run("batch", "--colours-from-declarations", "declarations.csv", "--home", "home");

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
        List<JsonNode> records = BatchCommandTest.parseLines(result.out());
        assertEquals(8, records.size(), "one record per row: " + result);
        for (int i = 0; i < 4; i++) {
            assertEquals("ISSUED", records.get(i).get("verdict").asText(), records.get(i)::toString);
        }
        assertEquals(List.of("fever", "contact", "wuhan", "well", "two-decimals", "cough", "tomorrow", "isolated"),
                records.stream().map(r -> r.get("id").asText()).toList());
        assertEquals("yellow", records.get(0).get("colour").asText());
        assertEquals(List.of("YELLOW-FEVER", "YELLOW-RESPIRATORY"), rules(records.get(0)));
        assertTrue(records.get(0).get("message").asText().contains("Temperature 38.1 °C is 37.3 °C or more."), records.get(0)::toString);
        assertEquals("red", records.get(1).get("colour").asText());
        assertEquals(List.of("RED-CLOSE-CONTACT", "RED-CASE-CONTACT"), rules(records.get(1)));
        assertEquals("red", records.get(2).get("colour").asText());
        assertEquals(List.of("RED-HIGH-RISK-AREA"), rules(records.get(2)), "the home's policy.json lists 420100");
        assertEquals("green", records.get(3).get("colour").asText());
        assertEquals(List.of("GREEN-NO-RISK"), rules(records.get(3)));
        Map<Integer, String> columns = Map.of(4, "temperature", 5, "symptoms", 6, "contact_on", 7, "isolation");
        columns.forEach((i, column) -> {
            JsonNode error = records.get(i);
            assertEquals("INPUT_ERROR", error.get("verdict").asText(), error::toString);
            assertEquals("INVALID_DECLARATION", error.get("reason").asText(), error::toString);
            assertTrue(error.get("message").asText().startsWith("line " + (i + 2) + ", column " + column), error::toString);
            assertFalse(error.has("colour") || error.has("rules"), error::toString);
        });
        Clock clock = Clock.fixed(Cli.NOW, ZoneOffset.UTC);
        VerificationResult verified = Homes.verifier(home, clock).verify(records.get(1).get("code").asText());
        assertEquals(Colour.RED, verified.signedClaims().colour());
        assertEquals(Homes.identitySecret(home).pseudonymOf(Identity.of("PP-FRA", "18AV12345")), verified.signedClaims().identityHash());
        assertTrue(result.err().contains("rows: 8, issued: 4, failed: 4"), result::toString);
    }

    @Test
    void jsonLines_overrideAndCsvOutput_rulesInOneCellAndTheAuthoritysTextGuarded() throws Exception {
        write("declarations.jsonl", """
                {"doc": "CNID", "number": "11010519491231002X", "temperature": 36.6, "override": "yellow", "reason": "=cmd|' /C calc'!A0 \\u001b[2J\\u202e", "authority": "Community 12"}
                {"doc": "CNID", "number": "11010519491231002X", "temperature": "36.6", "override": "yellow"}
                {"doc": "CNID", "number": "11010519491231002X", "temperature": "36.6", "isolation": "home", "symptoms": "fatigue"}
                """);

        Cli.Result result = cli.run("batch", "--colours-from-declarations", "declarations.jsonl", "--home", "home",
                "-o", "codes.csv");

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result::toString);
        String csv = Files.readString(cli.workingDirectory.resolve("codes.csv"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cli.workingDirectory.resolve("codes.csv"))), "identity hashes are personal data");
        assertTrue(csv.startsWith("schema,line,row,id,verdict,reason,message,colour,rules,key_id,serial,identity_hash,issued_at,"
                + "expires_at,code\n"), csv);
        assertFalse(csv.contains("\u001b") || csv.contains("\u202e"), csv);
        List<Map<String, String>> rows = CsvRecords.read(csv, ',');
        assertEquals("yellow", rows.get(0).get("colour"));
        assertEquals("YELLOW-OVERRIDE", rows.get(0).get("rules"));
        assertTrue(rows.get(0).get("message").contains("Community 12"), rows.get(0)::toString);
        assertEquals("INVALID_DECLARATION", rows.get(1).get("reason"));
        assertTrue(rows.get(1).get("message").startsWith("line 2, column reason: "), rows.get(1)::toString);
        assertEquals("YELLOW-MALAISE YELLOW-ISOLATION", rows.get(2).get("rules"));
    }

    @Test
    void batch_recordsNothingInTheRegistry() throws Exception {
        write("declarations.csv", "doc,number,temperature\nCNID,11010519491231002X,38.5\n");

        Cli.Result result = cli.run("batch", "--colours-from-declarations", "declarations.csv", "--home", "home");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertEquals("yellow", BatchCommandTest.parseLines(result.out()).get(0).get("colour").asText());
        try (Registry registry = Registry.open(Registry.defaultUrl(home))) {
            assertEquals(java.util.Optional.empty(),
                    registry.holder(Homes.identitySecret(home).pseudonymOf(Identity.of("CNID", "11010519491231002X"))));
        }
    }

    @Test
    void batch_colourColumnOrPngDir_refusedWithTheColumnsNamed() throws Exception {
        write("people.csv", "doc,number,colour\nCNID,11010519491231002X,green\n");

        Cli.Result colour = cli.run("batch", "--colours-from-declarations", "people.csv", "--home", "home");
        Cli.Result png = cli.run("batch", "--colours-from-declarations", "people.csv", "--png-dir", "qr", "--home", "home");

        assertEquals(ExitCode.INVALID_INPUT.code(), colour.exitCode(), colour::toString);
        assertTrue(colour.err().contains("colour"), colour::toString);
        assertEquals(ExitCode.USAGE.code(), png.exitCode(), png::toString);
    }
}
