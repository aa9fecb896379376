package dev.greenlight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.rules.InvalidPolicyException.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTest {

    /** The example policy of specs/rules.md, as the tests load it. */
    static Policy example() {
        Path file = Path.of(System.getProperty("greenlight.specs.dir", "../specs"), "policy-example.json");
        try (InputStream in = Files.newInputStream(file)) {
            return Policy.load(in);
        } catch (IOException | InvalidPolicyException e) {
            throw new AssertionError("specs/policy-example.json does not load", e);
        }
    }

    private static final String VALID = """
            {
              "feverThresholdCelsius": 37.3,
              "lookbackDays": 14,
              "streakDays": 14,
              "zone": "Asia/Shanghai",
              "riskAreas": [
                { "region": "420100", "level": "HIGH", "from": "2026-11-01", "to": null },
                { "region": "110105", "level": "MEDIUM", "from": "2026-11-10", "to": "2026-11-30" }
              ]
            }
            """;

    private static Policy load(String json) throws IOException, InvalidPolicyException {
        return Policy.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static InvalidPolicyException refused(String json) {
        return assertThrows(InvalidPolicyException.class, () -> load(json));
    }

    @Test
    void load_exampleFile_hasTheStandardsNumbers() {
        Policy policy = example();

        assertEquals(BodyTemperature.parse("37.3"), policy.feverThreshold());
        assertEquals(14, policy.lookbackDays());
        assertEquals(14, policy.streakDays());
        assertEquals(ZoneId.of("Asia/Shanghai"), policy.zone());
        assertEquals(4, policy.riskAreas().size());
    }

    @Test
    void load_validPolicy_readsEveryField() throws Exception {
        Policy policy = load(VALID);

        assertEquals(new RiskArea(new RegionCode("420100"), RiskLevel.HIGH, LocalDate.of(2026, 11, 1), Optional.empty()),
                policy.riskAreas().get(0));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 30)), policy.riskAreas().get(1).to());
    }

    @Test
    void load_streamAfterwards_isNotClosed() throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                throw new AssertionError("closed the caller's stream");
            }
        };
        Policy.load(in);
    }

    @ParameterizedTest(name = "{0} missing")
    @CsvSource({
            "feverThresholdCelsius, feverThresholdCelsius",
            "lookbackDays, lookbackDays",
            "streakDays, streakDays",
            "zone, zone",
            "riskAreas, riskAreas",
    })
    void load_topLevelFieldMissing_namesIt(String field, String path) {
        String json = VALID.replaceFirst("\\s*\"" + field + "\": [^\\n]*\\n", "\n")
                .replaceFirst(",\\s*}\\s*$", "\n}");
        if (field.equals("riskAreas")) {
            json = "{ \"feverThresholdCelsius\": 37.3, \"lookbackDays\": 14, \"streakDays\": 14, \"zone\": \"Asia/Shanghai\" }";
        }

        InvalidPolicyException e = refused(json);

        assertEquals(Problem.MISSING_FIELD, e.problem(), e::getMessage);
        assertEquals(path, e.path());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"feverThresholdCelsius\": 37.3 | \"feverThresholdCelsius\": \"37.3\" | feverThresholdCelsius | WRONG_TYPE",
            "\"feverThresholdCelsius\": 37.3 | \"feverThresholdCelsius\": 37.25 | feverThresholdCelsius | INVALID_VALUE",
            "\"feverThresholdCelsius\": 37.3 | \"feverThresholdCelsius\": 73.0 | feverThresholdCelsius | INVALID_VALUE",
            "\"feverThresholdCelsius\": 37.3 | \"feverThresholdCelsius\": null | feverThresholdCelsius | MISSING_FIELD",
            "\"lookbackDays\": 14 | \"lookbackDays\": 14.5 | lookbackDays | WRONG_TYPE",
            "\"lookbackDays\": 14 | \"lookbackDays\": 0 | lookbackDays | INVALID_VALUE",
            "\"lookbackDays\": 14 | \"lookbackDays\": 9999999999 | lookbackDays | INVALID_VALUE",
            "\"streakDays\": 14 | \"streakDays\": -1 | streakDays | INVALID_VALUE",
            "\"streakDays\": 14 | \"streakDays\": \"14\" | streakDays | WRONG_TYPE",
            "\"zone\": \"Asia/Shanghai\" | \"zone\": \"Asia/Beijing\" | zone | INVALID_VALUE",
            "\"zone\": \"Asia/Shanghai\" | \"zone\": 8 | zone | WRONG_TYPE",
            "\"region\": \"420100\" | \"region\": \"4201\" | riskAreas[0].region | INVALID_VALUE",
            "\"region\": \"420100\" | \"region\": 420100 | riskAreas[0].region | WRONG_TYPE",
            "\"region\": \"420100\", | '' | riskAreas[0].region | MISSING_FIELD",
            "\"level\": \"MEDIUM\" | \"level\": \"LOW\" | riskAreas[1].level | INVALID_VALUE",
            "\"level\": \"MEDIUM\" | \"level\": \"medium\" | riskAreas[1].level | INVALID_VALUE",
            "\"from\": \"2026-11-10\" | \"from\": \"10/11/2026\" | riskAreas[1].from | INVALID_VALUE",
            "\"from\": \"2026-11-10\" | \"from\": null | riskAreas[1].from | MISSING_FIELD",
            "\"to\": \"2026-11-30\" | \"to\": \"2026-11-09\" | riskAreas[1].to | INVALID_VALUE",
            ", \"to\": \"2026-11-30\" | '' | riskAreas[1].to | MISSING_FIELD",
            "\"to\": null | \"to\": null, \"until\": null | riskAreas[0].until | UNKNOWN_FIELD",
            "\"zone\": | \"timezone\": \"UTC\", \"zone\": | timezone | UNKNOWN_FIELD",
    })
    void load_invalidField_namesItsPath(String original, String replacement, String path, Problem problem) {
        String json = VALID.replace(original, replacement);
        assertTrue(!json.equals(VALID), "the test's replacement did not apply: " + original);

        InvalidPolicyException e = refused(json);

        assertEquals(problem, e.problem(), e::getMessage);
        assertEquals(path, e.path(), e::getMessage);
        assertTrue(e.getMessage().startsWith(path + ": "), e::getMessage);
    }

    @Test
    void load_riskAreasNotAnArray_isWrongType() {
        InvalidPolicyException e = refused(
                "{ \"feverThresholdCelsius\": 37.3, \"lookbackDays\": 14, \"streakDays\": 14, \"zone\": \"UTC\", \"riskAreas\": {} }");

        assertEquals(Problem.WRONG_TYPE, e.problem());
        assertEquals("riskAreas", e.path());
    }

    @Test
    void load_riskAreaNotAnObject_namesItsIndex() {
        InvalidPolicyException e = refused(VALID.replace("\"riskAreas\": [", "\"riskAreas\": [ \"420100\","));

        assertEquals(Problem.WRONG_TYPE, e.problem());
        assertEquals("riskAreas[0]", e.path());
    }

    @Test
    void load_duplicateKey_isMalformed() {
        InvalidPolicyException e = refused(VALID.replace("\"lookbackDays\": 14,", "\"lookbackDays\": 14, \"lookbackDays\": 7,"));

        assertEquals(Problem.MALFORMED_JSON, e.problem());
    }

    @Test
    void load_trailingContent_isMalformed() {
        assertEquals(Problem.MALFORMED_JSON, refused(VALID + "{}").problem());
    }

    @Test
    void load_emptyOrNotJson_isMalformed() {
        assertEquals(Problem.MALFORMED_JSON, refused("").problem());
        assertEquals(Problem.MALFORMED_JSON, refused("feverThreshold = 37.3").problem());
    }

    @Test
    void load_notAnObject_isWrongType() {
        InvalidPolicyException e = refused("[]");

        assertEquals(Problem.WRONG_TYPE, e.problem());
        assertEquals("", e.path());
    }

    @Test
    void constructor_dayCountOutOfRange_isRefused() {
        BodyTemperature threshold = BodyTemperature.parse("37.3");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        assertThrows(IllegalArgumentException.class, () -> new Policy(threshold, 0, 14, zone, java.util.List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Policy(threshold, 14, 367, zone, java.util.List.of()));
    }
}
