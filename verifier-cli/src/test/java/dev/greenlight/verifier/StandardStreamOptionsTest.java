package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.P256KeyPairs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -} for the file options of gl-verify that take it from stdin or give it to stdout, beyond
 * {@code --image -} and {@code bulk -o -} ({@link CommandLineConventionsTest}): {@code --trust -}
 * and {@code scan --log -}, and the refusal when stdin would have to be two things at once.
 */
class StandardStreamOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Fixtures fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
    }

    private Fixtures.Result runWithStdin(String stdin, String... args) {
        return Fixtures.run(fx.context(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), args);
    }

    @Test
    void trustDash_jwksOnStdin_verifiesTheCodeArgument() throws IOException {
        IssuedCode code = fx.issue(Colour.GREEN);

        Fixtures.Result result = runWithStdin(Files.readString(fx.jwks), "verify", "--trust", "-", code.text());

        assertEquals(ExitCode.OK.code(), result.exitCode(), result.err());
        assertTrue(result.out().startsWith("VALID"), result.out());
    }

    @Test
    void trustDash_pemOnStdin_isRecognisedByItsArmour() throws IOException {
        IssuedCode code = fx.issue(Colour.GREEN);

        Fixtures.Result result = runWithStdin(Files.readString(fx.writePem()), "verify", "--trust", "-", code.text());

        assertEquals(ExitCode.OK.code(), result.exitCode(), result.err());
    }

    @Test
    void trustDash_otherKeyOnStdin_rejectsAsUnknownKey() {
        IssuedCode code = fx.issue(Colour.GREEN);
        String otherKey = JwkKeys.publicKeyToJwk((ECPublicKey) P256KeyPairs.generate(new SecureRandom()).getPublic());

        Fixtures.Result result = runWithStdin(otherKey, "verify", "--trust", "-", code.text());

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result.out() + result.err());
    }

    @Test
    void trustDash_notAKeyOnStdin_isAKeyErrorNamingStdin() {
        Fixtures.Result result = runWithStdin("hello\n", "verify", "--trust", "-", fx.issue(Colour.GREEN).text());

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("stdin"), result.err());
    }

    @Test
    void trustDash_codeFromStdinToo_isAUsageError() throws IOException {
        Fixtures.Result implicit = runWithStdin(Files.readString(fx.jwks), "verify", "--trust", "-");
        Fixtures.Result dash = runWithStdin(Files.readString(fx.jwks), "verify", "--trust", "-", "-");
        Fixtures.Result image = runWithStdin(Files.readString(fx.jwks), "verify", "--trust", "-", "--image", "-");

        for (Fixtures.Result result : List.of(implicit, dash, image)) {
            assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.err());
            assertTrue(result.err().contains("both read stdin"), result.err());
            assertEquals("", result.out());
        }
    }

    @Test
    void trustDash_bulkFromStdin_isAUsageError() throws IOException {
        Fixtures.Result result = runWithStdin(Files.readString(fx.jwks), "bulk", "--trust", "-", "-");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("bulk -"), result.err());
    }

    @Test
    void trustDash_bulkFromAFile_readsTheKeysFromStdin() throws IOException {
        Path codes = dir.resolve("codes.txt");
        Files.writeString(codes, fx.issue(Colour.GREEN).text() + "\n");

        Fixtures.Result result = runWithStdin(Files.readString(fx.jwks), "bulk", "--trust", "-", codes.toString());

        assertEquals(ExitCode.OK.code(), result.exitCode(), result.err());
        assertTrue(result.out().contains("\"verdict\":\"VALID\""), result.out());
    }

    @Test
    void trustDash_scan_isAUsageErrorAsScanReadsCodesFromStdin() throws IOException {
        Fixtures.Result result = runWithStdin(Files.readString(fx.jwks), "scan", "--trust", "-");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.err());
    }

    @Test
    void trustDash_twice_isAUsageError() throws IOException {
        Fixtures.Result result = runWithStdin(Files.readString(fx.jwks), "verify", "--trust", "-", "--trust", "-",
                fx.issue(Colour.GREEN).text());

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.err());
    }

    @Test
    void scanLogDash_stdoutCarriesOnlyTheLogAndTheDisplayGoesToStderr() throws IOException {
        IssuedCode green = fx.issue(Colour.GREEN);
        IssuedCode red = fx.issue(Colour.RED);

        Fixtures.Result result = runWithStdin(green.text() + "\n" + red.text() + "\n",
                "scan", "--trust", fx.jwks.toString(), "--log", "-", "--checkpoint", "gate-1");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result.err());
        List<String> lines = result.outLines();
        assertEquals(2, lines.size(), result.out());
        String[] decisions = {"PASS", "DENY"};
        for (int i = 0; i < lines.size(); i++) {
            JsonNode entry = JSON.readTree(lines.get(i));
            assertEquals(decisions[i], entry.get("decision").asText(), lines.get(i));
            assertEquals("gate-1", entry.get("checkpoint").asText(), lines.get(i));
        }
        assertTrue(result.err().contains(" PASS ") && result.err().contains(" DENY "), result.err());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
    }

    @Test
    void scanLogDash_csv_headerThenOneRowPerScan() {
        IssuedCode green = fx.issue(Colour.GREEN);

        Fixtures.Result result = runWithStdin(green.text() + "\n",
                "scan", "--trust", fx.jwks.toString(), "--log", "-", "--log-format", "csv");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result.err());
        List<String> lines = result.outLines();
        assertEquals(2, lines.size(), result.out());
        assertTrue(lines.get(0).contains("decision"), lines.get(0));
        assertTrue(lines.get(1).contains("PASS"), lines.get(1));
    }
}
