package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.CodeClaims;
import dev.greenlight.codec.CodeFormatException;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.SigningWindow;
import dev.greenlight.codec.Verifier;
import dev.greenlight.codec.revocation.RevocationList;
import dev.greenlight.codec.trust.TrustListDocument;
import dev.greenlight.codec.trust.TrustListEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -} for the file options of gl-verify that take it from stdin or give it to stdout, beyond
 * {@code --image -} and {@code bulk -o -} ({@link CommandLineConventionsTest}): {@code --trust -}
 * {@code --trust-list -}, {@code --root -}, {@code --revocations -} and {@code scan --log -}, and the
 * refusal when stdin would have to be two things at once; {@code --state-dir -} is refused, as a
 * directory cannot be a stream.
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

    private static final KeyPair ROOT = P256KeyPairs.generate(new SecureRandom());

    private Fixtures.Result runWithStdin(String stdin, String... args) {
        return Fixtures.run(fx.context(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), args);
    }

    private static String rootPem() {
        return PemKeys.publicKeyToPem((ECPublicKey) ROOT.getPublic());
    }

    private Path rootFile() throws IOException {
        return Files.writeString(dir.resolve("root.pub.pem"), rootPem());
    }

    /** A list trusting the fixture's issuer key, signed by ROOT, fresh at {@link Fixtures#NOW}. */
    private String trustList() {
        TrustListEntry entry = new TrustListEntry((ECPublicKey) fx.pair.getPublic(), "Issuer", "310000",
                new SigningWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
        return new TrustListDocument(1, Fixtures.ISSUED_AT, Duration.ofDays(1), List.of(entry)).sign((ECPrivateKey) ROOT.getPrivate()) + "\n";
    }

    private Path trustListFile() throws IOException {
        return Files.writeString(dir.resolve("list.jws"), trustList());
    }

    /** A base revocation list, signed by ROOT, revoking {@code code}. */
    private static String revocations(IssuedCode code) throws CodeFormatException {
        CodeClaims claims = Verifier.inspectUnverified(code.text()).claims();
        return RevocationList.base(1, Fixtures.ISSUED_AT).revokeSerial(claims.keyId(), claims.serial())
                .sign(ROOT.getPrivate(), null, KeyId.of((ECPublicKey) ROOT.getPublic()).toString()) + "\n";
    }

    private String state() {
        return dir.resolve("state").toString();
    }

    @Test
    void trustListDash_listOnStdin_trustsItsKeysAndNamesStdin() throws IOException {
        Fixtures.Result result = runWithStdin(trustList(), "verify", "--trust-list", "-", "--root", rootFile().toString(),
                "--state-dir", state(), fx.issue(Colour.GREEN).text());

        assertEquals(ExitCode.OK.code(), result.exitCode(), result.err());
        assertTrue(result.out().startsWith("VALID"), result.out());
        assertTrue(result.err().contains(") from stdin"), result.err());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
    }

    @Test
    void rootDash_rootOnStdin_checksTheListAgainstIt() throws IOException {
        Fixtures.Result right = runWithStdin(rootPem(), "verify", "--trust-list", trustListFile().toString(), "--root", "-",
                "--state-dir", state(), fx.issue(Colour.GREEN).text());
        String otherRoot = PemKeys.publicKeyToPem((ECPublicKey) P256KeyPairs.generate(new SecureRandom()).getPublic());
        Fixtures.Result wrong = runWithStdin(otherRoot, "verify", "--trust-list", trustListFile().toString(), "--root", "-",
                "--state-dir", state(), fx.issue(Colour.GREEN).text());

        assertEquals(ExitCode.OK.code(), right.exitCode(), right.err());
        assertEquals(ExitCode.KEY_ERROR.code(), wrong.exitCode(), wrong.err());
    }

    @Test
    void revocationsDash_listOnStdin_revokesTheCodeItNames() throws Exception {
        IssuedCode revoked = fx.issue(Colour.GREEN);

        Fixtures.Result result = runWithStdin(revocations(revoked), "verify", "--trust", fx.jwks.toString(),
                "--root", rootFile().toString(), "--revocations", "-", "--state-dir", state(), revoked.text());
        Fixtures.Result notAList = runWithStdin("hello\n", "verify", "--trust", fx.jwks.toString(),
                "--root", rootFile().toString(), "--revocations", "-", "--state-dir", state(), revoked.text());

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result.err());
        assertTrue(result.out().startsWith("REJECTED") && result.out().contains("REVOKED"), result.out());
        assertEquals(ExitCode.INVALID_INPUT.code(), notAList.exitCode(), notAList.err());
        assertTrue(notAList.err().contains("revocation list stdin refused"), notAList.err());
    }

    @Test
    void revocationsSummary_isShownUnlessBulkIsQuiet() throws Exception {
        IssuedCode revoked = fx.issue(Colour.GREEN);
        Path list = dir.resolve("revocations.jws");
        Files.writeString(list, revocations(revoked));

        Fixtures.Result loud = runWithStdin(revoked.text() + "\n", "bulk", "--trust", fx.jwks.toString(),
                "--root", rootFile().toString(), "--revocations", list.toString(), "--state-dir", state(), "-");
        Fixtures.Result quiet = runWithStdin(revoked.text() + "\n", "bulk", "--quiet", "--trust", fx.jwks.toString(),
                "--root", rootFile().toString(), "--revocations", list.toString(), "--state-dir", state(), "-");

        assertTrue(loud.err().contains("revocations: list"), loud.err());
        assertFalse(quiet.err().contains("revocations:"), quiet.err());
        assertTrue(quiet.out().contains("REVOKED"), quiet.out());
    }

    @Test
    void stateDirDash_isAUsageErrorAndCreatesNothing() throws IOException {
        Fixtures.Result result = runWithStdin("", "verify", "--trust-list", trustListFile().toString(), "--root",
                rootFile().toString(), "--state-dir", "-", fx.issue(Colour.GREEN).text());

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("--state-dir"), result.err());
        assertEquals("", result.out());
        assertFalse(Files.exists(Path.of("-")), "no directory named -");
    }

    @Test
    void stateVariableSetToDash_isAUsageErrorAndCreatesNothing() throws IOException {
        CliContext context = Fixtures.context(Fixtures.NOW, new ByteArrayInputStream(new byte[0]),
                Map.of(TrustListOptions.ENV_STATE, "-"), dir.resolve("home"));

        Fixtures.Result result = Fixtures.run(context, "verify", "--trust-list", trustListFile().toString(), "--root",
                rootFile().toString(), fx.issue(Colour.GREEN).text());

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("$" + TrustListOptions.ENV_STATE + " names a directory"), result.err());
        assertFalse(Files.exists(Path.of("-")), "no directory named -");
    }

    /**
     * Every pair of stdin readers is one usage error naming both, before anything is read or
     * printed: the documents (--trust, --trust-list, --root when a list needs it, --revocations)
     * with each other, with themselves, and with each way codes come from stdin.
     */
    @Test
    void dashDocuments_stdinWantedTwice_isOneUsageErrorNamingBoth() throws IOException {
        String list = trustListFile().toString();
        String root = rootFile().toString();
        String code = fx.issue(Colour.GREEN).text();
        String[][] lines = {
            {"verify", "--trust-list", "-", "--root", "-", code},
            {"verify", "--trust-list", "-", "--root", root},
            {"verify", "--trust-list", "-", "--root", root, "-"},
            {"verify", "--trust-list", "-", "--root", root, "--image", "-"},
            {"bulk", "--trust-list", "-", "--root", root, "-"},
            {"scan", "--trust-list", "-", "--root", root},
            {"verify", "--trust-list", list, "--root", "-"},
            {"bulk", "--trust-list", list, "--root", "-", "-"},
            {"scan", "--trust-list", list, "--root", "-"},
            {"verify", "--trust-list", "-", "--root", root, "--revocations", "-", code},
            {"verify", "--trust-list", list, "--root", "-", "--revocations", "-", code},
            {"verify", "--trust", fx.jwks.toString(), "--root", "-", "--revocations", "-", code},
            {"verify", "--trust", "-", "--root", root, "--revocations", "-", code},
            {"verify", "--trust", fx.jwks.toString(), "--root", root, "--revocations", "-", "--revocations", "-", code},
            {"verify", "--trust", fx.jwks.toString(), "--root", root, "--revocations", "-"},
            {"verify", "--trust", fx.jwks.toString(), "--root", root, "--revocations", "-", "--image", "-"},
            {"bulk", "--trust", fx.jwks.toString(), "--root", root, "--revocations", "-", "-"},
            {"scan", "--trust", fx.jwks.toString(), "--root", root, "--revocations", "-"},
        };
        List<String> failures = new ArrayList<>();
        for (String[] line : lines) {
            List<String> args = new ArrayList<>(List.of(line));
            args.addAll(1, List.of("--state-dir", state()));
            Fixtures.Result result = runWithStdin(trustList(), args.toArray(String[]::new));
            boolean named = result.err().contains("both read stdin") || result.err().contains("given more than once");
            if (result.exitCode() != ExitCode.USAGE.code() || !named || !result.out().isEmpty()) {
                failures.add(String.join(" ", line) + " -> " + result.exitCode() + " " + result.err().strip());
            }
        }
        assertEquals(List.of(), failures);
        assertFalse(Files.exists(dir.resolve("state").resolve("trust-list")), "no list was read, none recorded");
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
