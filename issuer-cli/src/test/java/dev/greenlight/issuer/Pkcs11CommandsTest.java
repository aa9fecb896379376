package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.SoftHsm;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.VerificationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gl-issue with its signing key in a real PKCS#11 token: SoftHSM2 through SunPKCS11
 * ({@link SoftHsm}; skipped where SoftHSM2 is missing, failed under {@code CI=true}). Each test
 * generates keys under labels of its own, as the tokens live as long as the test JVM. The codes'
 * way through {@code gl-verify} is {@code Pkcs11EndToEndTest} in verifier-cli.
 */
class Pkcs11CommandsTest {

    private static final String[] HOLDER = {"--doc", "CNID", "--number", "11010519491231002X"};

    @TempDir
    Path temp;

    private Cli cli;
    private SoftHsm hsm;
    private Path home;
    private Path pinFile;

    @BeforeEach
    void setUp() throws IOException {
        hsm = SoftHsm.require();
        cli = new Cli(temp);
        home = cli.initHome();
        pinFile = temp.resolve("pin");
        Files.writeString(pinFile, SoftHsm.PIN + "\n");
    }

    private String config() {
        return hsm.config(SoftHsm.ISSUER).toString();
    }

    private static String label() {
        return "test-" + UUID.randomUUID();
    }

    /** Generates a key in the token and makes it the home's active key; returns its id. */
    private String keygenInToken() {
        Cli.Result result = cli.run("keygen", "--home", "home", "--pkcs11", config(), "--label", label(),
                "--pin-file", pinFile.toString(), "--activate");
        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        return result.out().strip();
    }

    private static void assertNoPin(Cli.Result result) {
        assertFalse(result.out().contains(SoftHsm.PIN) || result.err().contains(SoftHsm.PIN), "the PIN was printed: " + result);
    }

    @Test
    void keygenPkcs11_recordsTheTokenKeyAndNoPrivateKeyFile() throws IOException {
        Cli.Result result = cli.run("keygen", "--home", "home", "--pkcs11", config(), "--pin-file", pinFile.toString(),
                "--activate");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        String keyId = result.out().strip();
        assertTrue(keyId.matches("[0-9a-f]{8}"), result::toString);
        assertEquals(keyId, Homes.activeKeyId(home));
        Path keys = home.resolve("keys");
        assertFalse(Files.exists(keys.resolve(keyId + ".key.pem")));
        String reference = Files.readString(keys.resolve(keyId + ".pkcs11"), StandardCharsets.ISO_8859_1);
        assertTrue(reference.contains("label=greenlight-" + keyId), reference);
        assertTrue(reference.contains("config=" + hsm.config(SoftHsm.ISSUER).toAbsolutePath()), reference);
        ECPublicKey publicKey = PemKeys.publicKeyFromPem(Files.readString(keys.resolve(keyId + ".pub.pem")));
        assertEquals(keyId, KeyId.of(publicKey).toString());
        assertEquals(publicKey, JwkKeys.publicKeyFromJwk(Files.readString(keys.resolve(keyId + ".jwk.json"))));
        Cli.Result list = cli.run("keys", "--home", "home");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(keyId + "\tactive\tpkcs11\t")), list::toString);
        assertNoPin(result);
    }

    @Test
    void issue_keyInToken_codeVerifiesUnderTheKeysPublicKey() throws IOException {
        String keyId = keygenInToken();

        Cli.Result result = cli.run(concat(new String[] {"issue", "--home", "home", "--colour", "red", "--pin-file", pinFile.toString()},
                HOLDER));

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        VerificationResult verified = Homes.verifier(home, Clock.fixed(Cli.NOW, ZoneOffset.UTC)).verify(result.out().strip());
        assertTrue(verified.isValid(), verified::toString);
        assertEquals(keyId, verified.code().claims().keyId().toString());
        assertTrue(result.err().contains("key " + keyId), result::toString);
        assertNoPin(result);
    }

    @Test
    void issue_pinFromEachSource_isAccepted() throws IOException {
        keygenInToken();
        String[] issue = concat(new String[] {"issue", "--home", "home", "--colour", "green"}, HOLDER);

        cli.variables.put(PinOptions.PIN_VARIABLE, SoftHsm.PIN);
        Cli.Result fromDefaultVariable = cli.run(issue);
        cli.variables.remove(PinOptions.PIN_VARIABLE);
        cli.variables.put("HSM_PIN", SoftHsm.PIN);
        Cli.Result fromNamedVariable = cli.run(concat(issue, new String[] {"--pin-env", "HSM_PIN"}));
        cli.stdin = (SoftHsm.PIN + "\n").getBytes(StandardCharsets.UTF_8);
        Cli.Result fromStdin = cli.run(concat(issue, new String[] {"--pin-file", "-"}));

        for (Cli.Result result : new Cli.Result[] {fromDefaultVariable, fromNamedVariable, fromStdin}) {
            assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
            assertTrue(result.out().startsWith("GL1:"), result::toString);
            assertNoPin(result);
        }
    }

    @Test
    void batchFromStdin_pinOnTheFirstLineOfStdin_rowsAfterIt() throws IOException {
        String keyId = keygenInToken();
        cli.stdin = (SoftHsm.PIN + "\ndocument_type,number,colour\nCNID,11010519491231002X,green\nPP-FRA,18AV12345,red\n")
                .getBytes(StandardCharsets.UTF_8);

        Cli.Result result = cli.run("batch", "-", "--home", "home", "--pin-file", "-", "--quiet");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        var verifier = Homes.verifier(home, Clock.fixed(Cli.NOW, ZoneOffset.UTC));
        var records = result.out().lines().map(line -> {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertEquals(2, records.size(), result::toString);
        for (var record : records) {
            assertEquals("ISSUED", record.get("verdict").asText(), record.toString());
            assertEquals(keyId, record.get("key_id").asText());
            assertTrue(verifier.verify(record.get("code").asText()).isValid(), record.toString());
        }
        assertNoPin(result);
    }

    @Test
    void issue_keyInTokenWithoutAnyPin_isAKeyErrorNamingTheOptions() {
        keygenInToken();

        Cli.Result result = cli.run(concat(new String[] {"issue", "--home", "home", "--colour", "green"}, HOLDER));

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("A PIN is needed and there is no terminal to ask: use --pin-file or $GREENLIGHT_PKCS11_PIN"),
                result::toString);
    }

    @Test
    void keygenPkcs11_wrongPin_isAKeyErrorThatNeverPrintsThePin() throws IOException {
        // The pin-check token: no test of this JVM logs in to it, so the token itself judges the PIN.
        String wrong = "999" + SoftHsm.PIN;
        Files.writeString(pinFile, wrong + "\n");

        Cli.Result result = cli.run("keygen", "--home", "home", "--pkcs11", hsm.config(SoftHsm.PIN_CHECK).toString(),
                "--pin-file", pinFile.toString());

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("refused the PIN (CKR_PIN_INCORRECT)"), result::toString);
        assertFalse(result.err().contains(wrong) || result.out().contains(wrong), result::toString);
    }

    @Test
    void keygenPkcs11Existing_labelNotInToken_isAKeyErrorListingWhatIsThere() {
        String present = label();
        assertEquals(0, cli.run("keygen", "--home", "home", "--pkcs11", config(), "--label", present,
                "--pin-file", pinFile.toString()).exitCode());

        Cli.Result result = cli.run("keygen", "--home", "home", "--pkcs11", config(), "--label", "no-such-key", "--existing",
                "--pin-file", pinFile.toString());

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("No private key labelled 'no-such-key'"), result::toString);
        assertTrue(result.err().contains("'" + present + "'"), result::toString);
    }

    @Test
    void keygenPkcs11Existing_adoptsTheKeyIntoASecondHome_whichSignsWithIt() throws IOException {
        String label = label();
        String keyId = cli.run("keygen", "--home", "home", "--pkcs11", config(), "--label", label,
                "--pin-file", pinFile.toString()).out().strip();
        assertEquals(ExitCode.OK.code(), cli.run("init", "--home", "node-2").exitCode());

        Cli.Result adopted = cli.run("keygen", "--home", "node-2", "--pkcs11", config(), "--label", label, "--existing",
                "--activate", "--pin-file", pinFile.toString());
        Cli.Result issued = cli.run(concat(new String[] {"issue", "--home", "node-2", "--colour", "green",
            "--pin-file", pinFile.toString()}, HOLDER));

        assertEquals(ExitCode.OK.code(), adopted.exitCode(), adopted::toString);
        assertEquals(keyId, adopted.out().strip());
        assertEquals(ExitCode.OK.code(), issued.exitCode(), issued::toString);
        assertTrue(Homes.verifier(cli.workingDirectory.resolve("node-2"), Clock.fixed(Cli.NOW, ZoneOffset.UTC))
                .verify(issued.out().strip()).isValid());
    }

    @Test
    void keygenPkcs11_labelTaken_isRefusedAsExisting() {
        String label = label();
        assertEquals(0, cli.run("keygen", "--home", "home", "--pkcs11", config(), "--label", label,
                "--pin-file", pinFile.toString()).exitCode());

        Cli.Result result = cli.run("keygen", "--home", "home", "--pkcs11", config(), "--label", label,
                "--pin-file", pinFile.toString());

        assertEquals(ExitCode.ALREADY_EXISTS.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("already holds '" + label + "'"), result::toString);
    }

    @Test
    void keygenPkcs11_libraryNotFound_isNotSetUp() throws IOException {
        Path config = temp.resolve("missing-library.cfg");
        Files.writeString(config, "name = nowhere\nlibrary = " + temp.resolve("libnowhere.so") + "\nslotListIndex = 0\n");

        Cli.Result result = cli.run("keygen", "--home", "home", "--pkcs11", config.toString(), "--pin-file", pinFile.toString());

        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("libnowhere.so"), result::toString);
        assertTrue(result.err().contains("check its 'library' path"), result::toString);
    }

    @Test
    void keygenPkcs11_configurationFileMissing_isNotSetUp() {
        Cli.Result result = cli.run("keygen", "--home", "home", "--pkcs11", "no-such.cfg", "--pin-file", pinFile.toString());

        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("no-such.cfg does not exist"), result::toString);
    }

    @Test
    void keygenPkcs11_withAPassphraseOption_isAUsageError() {
        Cli.Result result = cli.run("keygen", "--home", "home", "--pkcs11", config(), "--encrypt",
                "--pin-file", pinFile.toString());

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
    }

    @Test
    void issue_tokenLabelNowHoldsAnotherKey_isAKeyErrorBeforeAnyCode() throws IOException {
        String keyId = keygenInToken();
        String otherLabel = label();
        assertEquals(0, cli.run("keygen", "--home", "home", "--pkcs11", config(), "--label", otherLabel,
                "--pin-file", pinFile.toString()).exitCode());
        // The active key's record pointed at the other key's label: a slip when editing it by hand.
        Path reference = home.resolve("keys/" + keyId + ".pkcs11");
        Files.writeString(reference, Files.readString(reference).replaceAll("label=.*", "label=" + otherLabel));

        Cli.Result result = cli.run(concat(new String[] {"issue", "--home", "home", "--colour", "green",
            "--pin-file", pinFile.toString()}, HOLDER));

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("not the active key " + keyId), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void keysActivate_tokenKeyAfterAFileKey_signsInTheTokenFromThen() throws IOException {
        String fileKey = Homes.activeKeyId(home);
        String tokenKey = cli.run("keygen", "--home", "home", "--pkcs11", config(), "--label", label(),
                "--pin-file", pinFile.toString()).out().strip();
        String[] issue = concat(new String[] {"issue", "--home", "home", "--colour", "green", "--pin-file", pinFile.toString()}, HOLDER);

        String before = cli.run(issue).out().strip();
        assertEquals(0, cli.run("keys", "activate", "--home", "home", tokenKey).exitCode());
        String after = cli.run(issue).out().strip();

        var verifier = Homes.verifier(home, Clock.fixed(Cli.NOW, ZoneOffset.UTC));
        assertEquals(fileKey, verifier.verify(before).code().claims().keyId().toString());
        assertEquals(tokenKey, verifier.verify(after).code().claims().keyId().toString());
        assertNotEquals(fileKey, tokenKey);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
