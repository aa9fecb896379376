package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectAndHelpTest {

    @TempDir
    Path dir;

    private Fixtures fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
    }

    @Test
    void inspect_codeWithoutAnyTrust_isShownLabelledUnverified() {
        IssuedCode code = fx.issue(Colour.RED);

        Fixtures.Result result = fx.run("inspect", code.text());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("UNVERIFIED"), result.out());
        assertTrue(result.out().contains("RED (unverified)"), result.out());
        assertTrue(result.out().contains(code.claims().serial().toString()));
    }

    @Test
    void inspect_json_saysUnverified() throws IOException {
        IssuedCode code = fx.issue(Colour.GREEN);

        Fixtures.Result result = Fixtures.run(fx.context(code.text() + "\n"), "inspect", "--json");

        assertEquals(0, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals("UNVERIFIED", json.get("verdict").asText());
        assertEquals("greenlight.record/1", json.get("schema").asText());
        assertEquals("green", json.get("colour").asText());
        assertTrue(json.get("message").asText().contains("NOT checked"));
        assertEquals(code.claims().identityHash().toString(), json.get("identity_hash").asText());
    }

    @Test
    void inspect_notACode_exitsOneWithReason() {
        Fixtures.Result result = fx.run("inspect", "GL2:ABC");

        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("UNSUPPORTED_VERSION"), result.out());
    }

    @Test
    void help_ofEachCommand_listsExitCodes() {
        for (String command : new String[] {"verify", "bulk", "scan", "inspect"}) {
            Fixtures.Result result = fx.run(command, "--help");

            assertEquals(0, result.exitCode(), command);
            assertTrue(result.out().contains("Exit codes:"), command + ": " + result.out());
        }
        Fixtures.Result root = fx.run("--help");
        for (ExitCode code : ExitCode.values()) {
            boolean listed = root.out().lines().anyMatch(l -> l.strip().startsWith(code.code() + " "));
            // 5 since issue 13: a revocation list refused (malformed, wrong base, rollback).
            assertEquals(code != ExitCode.SELF_CHECK_FAILED,
                    listed, code + " in " + root.out());
        }
        // picocli pads the codes to the widest, "70".
        assertTrue(root.out().matches("(?s).*\\n +2 +invalid command line.*"), root.out());
        assertTrue(root.out().matches("(?s).*\\n +70 +internal error.*"), root.out());
    }

    @Test
    void noCommand_printsUsageToStderrAndExitsTwo() {
        Fixtures.Result result = fx.run();

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Usage: gl-verify"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void unknownOption_exitsTwo() {
        Fixtures.Result result = fx.run("verify", "--bogus");

        assertEquals(2, result.exitCode());
    }
}
