package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.PemKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    @TempDir
    Path temp;

    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(temp);
    }

    @Test
    void keygen_withoutActivate_addsAKeyThatIsNotActive() throws Exception {
        Path home = cli.initHome();
        String first = Homes.activeKeyId(home);

        Cli.Result result = cli.run("keygen", "--home", "home");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        String newKey = result.out().strip();
        assertTrue(newKey.matches("[0-9a-f]{8}"), result::toString);
        assertEquals(first, Homes.activeKeyId(home));
        ECPublicKey publicKey = PemKeys.publicKeyFromPem(Files.readString(home.resolve("keys/" + newKey + ".pub.pem")));
        assertEquals(newKey, KeyId.of(publicKey).toString());
        assertEquals(publicKey, JwkKeys.publicKeyFromJwk(Files.readString(home.resolve("keys/" + newKey + ".jwk.json"))));
        assertTrue(Files.readString(home.resolve("keys/" + newKey + ".key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void keys_afterKeygenActivate_marksTheNewKeyActive() throws Exception {
        Path home = cli.initHome();
        String first = Homes.activeKeyId(home);
        String second = cli.run("keygen", "--home", "home", "--activate").out().strip();

        Cli.Result result = cli.run("keys", "--home", "home");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        Set<String> lines = result.out().lines().collect(Collectors.toSet());
        assertEquals(2, lines.size(), result::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(second + "\tactive\tplain\t")), result::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(first + "\t-\tplain\t")), result::toString);
        assertTrue(result.err().contains("2 keys"), result::toString);
    }

    @Test
    void keysJwks_printsEveryPublicKeyAsAJwkSet() throws Exception {
        Path home = cli.initHome();
        cli.run("keygen", "--home", "home");

        Cli.Result result = cli.run("keys", "--home", "home", "--jwks");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        List<ECPublicKey> keys = JwkKeys.publicKeysFromJwks(result.out());
        assertEquals(Set.copyOf(Homes.publicKeys(home)), Set.copyOf(keys));
    }

    @Test
    void keygen_noHome_exitsNoHome() {
        Cli.Result result = cli.run("keygen", "--home", "nowhere");

        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("gl-issue init"), result::toString);
    }

    @Test
    void keygen_passphraseFromEnvironment_encryptsAndIssueNeedsIt() throws Exception {
        Path home = cli.initHome();
        cli.variables.put("GL_PASS", "correct horse battery staple");
        String keyId = cli.run("keygen", "--home", "home", "--passphrase-env", "GL_PASS", "--activate").out().strip();
        String pem = Files.readString(home.resolve("keys/" + keyId + ".key.pem"));
        assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), pem);
        assertFalse(pem.contains("BEGIN PRIVATE KEY"));

        Cli.Result noPassphrase = cli.run("issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "green");
        cli.variables.put("WRONG", "incorrect horse");
        Cli.Result wrongPassphrase = cli.run("issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "green", "--passphrase-env", "WRONG");
        Cli.Result rightPassphrase = cli.run("issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "green", "--passphrase-env", "GL_PASS");

        assertEquals(ExitCode.KEY_ERROR.code(), noPassphrase.exitCode(), noPassphrase::toString);
        assertTrue(noPassphrase.err().contains("--passphrase-file"), noPassphrase::toString);
        assertEquals(ExitCode.KEY_ERROR.code(), wrongPassphrase.exitCode(), wrongPassphrase::toString);
        assertTrue(wrongPassphrase.err().contains("Wrong passphrase"), wrongPassphrase::toString);
        assertEquals("", wrongPassphrase.out());
        assertEquals(ExitCode.OK.code(), rightPassphrase.exitCode(), rightPassphrase::toString);
        assertTrue(Homes.verifier(home, cli.clock).verify(rightPassphrase.out().strip()).isValid());
        assertTrue(cli.run("keys", "--home", "home").out().contains(keyId + "\tactive\tencrypted"));
    }

    @Test
    void issue_encryptedKeyAskingForTooManyIterations_keyErrorAtOnceWithoutStackTrace() throws Exception {
        Path home = cli.initHome();
        cli.variables.put("GL_PASS", "correct horse battery staple");
        String keyId = cli.run("keygen", "--home", "home", "--passphrase-env", "GL_PASS", "--activate").out().strip();
        Path keyFile = home.resolve("keys/" + keyId + ".key.pem");
        // The PBKDF2 iteration count we write, INTEGER 600000, made 8388607: same length, over the cap.
        String pem = Files.readString(keyFile);
        String body = pem.replaceAll("-----[A-Z ]+-----|\\s", "");
        String der = HexFormat.of().formatHex(Base64.getDecoder().decode(body));
        assertEquals(1, der.split("02030927c0", -1).length - 1, "one iteration count in " + der);
        byte[] hostile = HexFormat.of().parseHex(der.replace("02030927c0", "02037fffff"));
        Files.writeString(keyFile, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(hostile)
                + "\n-----END ENCRYPTED PRIVATE KEY-----\n");

        Cli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cli.run("issue", "--home", "home",
                "--doc", "CNID", "--number", "11010519491231002X", "--colour", "green", "--passphrase-env", "GL_PASS"));

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("8388607 PBKDF2 iterations"), result::toString);
        assertFalse(result.err().contains("\tat "), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void keygenEncrypt_noTerminalAndNoPassphraseOption_refusesAndWritesNoKey() throws Exception {
        Path home = cli.initHome();

        Cli.Result result = cli.run("keygen", "--home", "home", "--encrypt");

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
        try (var files = Files.list(home.resolve("keys"))) {
            assertEquals(3, files.count(), "only the first key's three files");
        }
    }

    @Test
    void issue_keyEncryptedByOpenssl_decryptsWithPassphraseFile() throws Exception {
        // openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256: the key format is the common one, not ours alone.
        Path home = cli.initHome();
        String publicPem = resource("openssl-pbes2-p256.pub.pem");
        String keyId = KeyId.of(PemKeys.publicKeyFromPem(publicPem)).toString();
        Path keyFile = Files.writeString(home.resolve("keys/" + keyId + ".key.pem"), resource("openssl-pbes2-p256.key.pem"));
        if (HomePermissions.hasPosixPermissions(keyFile)) {
            // As 'openssl pkcs8 -out' leaves it under umask 077; a key readable by others is refused.
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(home.resolve("keys/" + keyId + ".pub.pem"), publicPem);
        Files.writeString(home.resolve("settings.properties"), "active-key=" + keyId + "\n");
        Files.writeString(cli.workingDirectory.resolve("pass.txt"), "open sesame\n");

        Cli.Result result = cli.run("issue", "--home", "home", "--doc", "PP-FRA", "--number", "18AV12345", "--colour", "red",
                "--passphrase-file", "pass.txt");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertEquals(keyId, Homes.verifier(home, cli.clock).verify(result.out().strip()).code().claims().keyId().toString());
    }

    private static String resource(String name) throws Exception {
        try (var in = KeysCommandTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    @Test
    void keysActivate_existingKey_becomesActiveAndSigns() throws Exception {
        Path home = cli.initHome();
        String second = cli.run("keygen", "--home", "home").out().strip();

        Cli.Result result = cli.run("keys", "activate", second, "--home", "home");
        Cli.Result issued = cli.run("issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "green");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertEquals(second, Homes.activeKeyId(home));
        assertEquals(second, Homes.verifier(home, cli.clock).verify(issued.out().strip()).code().claims().keyId().toString());
        assertNoTemporaryFiles(home);
    }

    @Test
    void keysRetire_inactiveKey_isListedRetiredAndCannotBeActivated() throws Exception {
        Path home = cli.initHome();
        String first = Homes.activeKeyId(home);
        String second = cli.run("keygen", "--home", "home", "--activate").out().strip();

        Cli.Result retired = cli.run("keys", "retire", first, "--home", "home");
        Cli.Result reactivate = cli.run("keys", "activate", first, "--home", "home");
        Cli.Result list = cli.run("keys", "--home", "home");

        assertEquals(ExitCode.OK.code(), retired.exitCode(), retired::toString);
        assertEquals(ExitCode.KEY_ERROR.code(), reactivate.exitCode(), reactivate::toString);
        assertTrue(reactivate.err().contains("retired"), reactivate::toString);
        assertEquals(second, Homes.activeKeyId(home));
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(first + "\tretired\t")), list::toString);
        assertTrue(Files.readString(home.resolve("settings.properties")).contains("retired-keys=" + first));
        assertNoTemporaryFiles(home);
    }

    @Test
    void keysRetire_activeKey_refusesAndKeepsSigning() throws Exception {
        Path home = cli.initHome();
        String active = Homes.activeKeyId(home);
        String settings = Files.readString(home.resolve("settings.properties"));

        Cli.Result result = cli.run("keys", "retire", active, "--home", "home");

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("activate another"), result::toString);
        assertEquals(settings, Files.readString(home.resolve("settings.properties")));
    }

    @Test
    void keysActivate_unknownOrMalformedId_refuses() throws Exception {
        Path home = cli.initHome();
        String settings = Files.readString(home.resolve("settings.properties"));

        Cli.Result unknown = cli.run("keys", "activate", "0badc0de", "--home", "home");
        Cli.Result malformed = cli.run("keys", "activate", "not-an-id", "--home", "home");

        assertEquals(ExitCode.KEY_ERROR.code(), unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("No key 0badc0de"), unknown::toString);
        assertEquals(ExitCode.KEY_ERROR.code(), malformed.exitCode(), malformed::toString);
        assertEquals(settings, Files.readString(home.resolve("settings.properties")));
    }

    @Test
    void issue_activeKeyRetiredByHand_refusesToSign() throws Exception {
        Path home = cli.initHome();
        String active = Homes.activeKeyId(home);
        Files.writeString(home.resolve("settings.properties"), "active-key=" + active + "\nretired-keys=" + active + "\n");

        Cli.Result result = cli.run("issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "green");

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void keysActivate_noHome_isNotConfigured() {
        Cli.Result result = cli.run("keys", "activate", "0badc0de", "--home", "nowhere");

        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode(), result::toString);
    }

    private static void assertNoTemporaryFiles(Path home) throws Exception {
        try (var files = Files.list(home)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList());
        }
    }
}
