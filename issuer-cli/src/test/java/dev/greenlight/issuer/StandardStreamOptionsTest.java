package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.revocation.RevocationList;
import dev.greenlight.codec.trust.Freshness;
import dev.greenlight.codec.trust.TrustListVerifier;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -} for every file option of gl-issue beyond {@code --png}, {@code --svg}, {@code -o} and
 * the batch input ({@link CommandLineConventionsTest}): {@code --passphrase-file -} reads stdin, and
 * is refused when stdin is the command's data too; {@code trust add -} reads the key from stdin,
 * {@code trust sign -o -} and {@code revoke publish -o -} write to stdout; a directory option
 * ({@code --home}, {@code --png-dir}, {@code --authority}) refuses {@code -} rather than create a
 * directory of that name.
 */
class StandardStreamOptionsTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String[] ISSUE = {"issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
        "--colour", "green"};

    private final Cli cli;

    StandardStreamOptionsTest(@TempDir Path temp) throws Exception {
        cli = new Cli(temp);
        cli.initHome();
    }

    private Cli.Result withStdin(String stdin, String... args) {
        cli.stdin = stdin.getBytes(StandardCharsets.UTF_8);
        try {
            return cli.run(args);
        } finally {
            cli.stdin = new byte[0];
        }
    }

    @Test
    void passphraseFileDash_encryptsANewKeyAndUnlocksIt() throws Exception {
        Cli.Result keygen = withStdin(PASSPHRASE + "\n", "keygen", "--home", "home", "--passphrase-file", "-", "--activate");
        assertEquals(ExitCode.OK.code(), keygen.exitCode(), keygen::toString);
        String keyId = keygen.out().strip();
        Path home = cli.workingDirectory.resolve("home");
        assertTrue(Files.readString(home.resolve("keys/" + keyId + ".key.pem")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));

        Cli.Result right = withStdin(PASSPHRASE + "\r\n", with(ISSUE, "--passphrase-file", "-"));
        Cli.Result wrong = withStdin("incorrect horse\n", with(ISSUE, "--passphrase-file", "-"));
        Cli.Result none = withStdin("", with(ISSUE, "--passphrase-file", "-"));

        assertEquals(ExitCode.OK.code(), right.exitCode(), right::toString);
        assertTrue(Homes.verifier(home, cli.clock).verify(right.out().strip()).isValid(), right::toString);
        assertEquals(ExitCode.KEY_ERROR.code(), wrong.exitCode(), wrong::toString);
        assertTrue(wrong.err().contains("Wrong passphrase"), wrong::toString);
        assertEquals(ExitCode.KEY_ERROR.code(), none.exitCode(), none::toString);
        assertFalse(wrong.err().contains("incorrect horse"), "a passphrase is never printed");
        assertFalse(Files.exists(cli.workingDirectory.resolve("-")), "no file named -");
    }

    @Test
    void passphraseFileDash_batchFromStdin_isAUsageErrorBeforeAnyRow() {
        Cli.Result result = withStdin(PASSPHRASE + "\nCNID,11010519491231002X,green\n",
                "batch", "-", "--home", "home", "--passphrase-file", "-");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("both read stdin"), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void passphraseFileDash_batchFromAFile_readsThePassphraseFromStdin() throws Exception {
        Files.writeString(cli.workingDirectory.resolve("people.csv"), "doc,number,colour\nCNID,11010519491231002X,green\n");

        Cli.Result result = withStdin(PASSPHRASE + "\n", "batch", "people.csv", "--home", "home", "--passphrase-file", "-");

        // The home's key is not encrypted, so the passphrase is not even asked for; stdin is free.
        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertTrue(result.out().contains("\"verdict\":\"ISSUED\""), result::toString);
    }

    @Test
    void passphraseFileDash_reissueHoldersFromStdin_isAUsageError() {
        Cli.Result result = withStdin("CNID:11010519491231002X\n",
                "reissue", "--home", "home", "--holders", "-", "--passphrase-file", "-");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("--holders -"), result::toString);
    }

    @Test
    void passphraseFileDash_pinFileDashToo_isAUsageErrorBeforeSigning() {
        Cli.Result result = withStdin(PASSPHRASE + "\n", with(ISSUE, "--passphrase-file", "-", "--pin-file", "-"));

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("--passphrase-file - and --pin-file - both read stdin"), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void homeDash_isAUsageErrorAndCreatesNothing() {
        Cli.Result issue = cli.run("issue", "--home", "-", "--doc", "CNID", "--number", "11010519491231002X", "--colour", "green");
        Cli.Result init = cli.run("init", "--home", "-");
        Cli.Result demo = cli.run("demo", "--home", "-");

        for (Cli.Result result : new Cli.Result[] {issue, init, demo}) {
            assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
            assertTrue(result.err().contains("--home names a directory"), result::toString);
        }
        assertFalse(Files.exists(cli.workingDirectory.resolve("-")), "no directory named -");
    }

    @Test
    void pngDirDash_isAUsageErrorAndCreatesNothing() throws Exception {
        Files.writeString(cli.workingDirectory.resolve("people.csv"), "doc,number,colour\nCNID,11010519491231002X,green\n");

        Cli.Result result = cli.run("batch", "people.csv", "--home", "home", "--png-dir", "-");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertFalse(Files.exists(cli.workingDirectory.resolve("-")), "no directory named -");
    }

    @Test
    void pkcs11Dash_isAUsageErrorBeforeAnyTokenIsOpened() {
        Cli.Result result = withStdin("library = /nonexistent.so\n", "keygen", "--home", "home", "--pkcs11", "-");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("--pkcs11 names a configuration file"), result::toString);
    }

    @Test
    void authorityDash_isAUsageErrorAndCreatesNothing() {
        Cli.Result init = cli.run("trust", "init", "--authority", "-");
        Cli.Result list = cli.run("trust", "list", "--authority", "-");
        Cli.Result revoke = cli.run("revoke", "--authority", "-", "--key", "1f2e3d4c", "--reason", "compromised");
        Cli.Result publish = cli.run("revoke", "publish", "--authority", "-", "-o", "list.jws");

        for (Cli.Result result : new Cli.Result[] {init, list, revoke, publish}) {
            assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
            assertTrue(result.err().contains("--authority names a directory"), result::toString);
        }
        assertFalse(Files.exists(cli.workingDirectory.resolve("-")), "no directory named -");
    }

    @Test
    void homeVariablesSetToDash_areUsageErrorsAndCreateNothing() {
        cli.variables.put(IssuerHome.ENVIRONMENT_VARIABLE, "-");
        cli.variables.put(AuthorityHome.ENVIRONMENT_VARIABLE, "-");

        Cli.Result init = cli.run("init");
        Cli.Result trustInit = cli.run("trust", "init");

        assertEquals(ExitCode.USAGE.code(), init.exitCode(), init::toString);
        assertTrue(init.err().contains("$" + IssuerHome.ENVIRONMENT_VARIABLE + " names a directory"), init::toString);
        assertEquals(ExitCode.USAGE.code(), trustInit.exitCode(), trustInit::toString);
        assertTrue(trustInit.err().contains("$" + AuthorityHome.ENVIRONMENT_VARIABLE + " names a directory"), trustInit::toString);
        assertFalse(Files.exists(cli.workingDirectory.resolve("-")), "no directory named -");
    }

    @Test
    void trustAddDash_readsAPemOrJwkKeyFromStdin() throws Exception {
        String keyId = Homes.activeKeyId(cli.workingDirectory.resolve("home"));
        String pem = Files.readString(cli.workingDirectory.resolve("home/keys/" + keyId + ".pub.pem"));
        String jwk = JwkKeys.publicKeyToJwk(PemKeys.publicKeyFromPem(pem));
        assertEquals(ExitCode.OK.code(), cli.run("trust", "init", "--authority", "a").exitCode());
        assertEquals(ExitCode.OK.code(), cli.run("trust", "init", "--authority", "b").exitCode());
        String[] add = {"--issuer", "Beijing", "--region", "110000", "--not-after", "2027-03-01T00:00:00Z"};

        Cli.Result fromPem = withStdin(pem, with(new String[] {"trust", "add", "-", "--authority", "a"}, add));
        Cli.Result fromJwk = withStdin(jwk, with(new String[] {"trust", "add", "-", "--authority", "b"}, add));
        Cli.Result notAKey = withStdin("hello\n", with(new String[] {"trust", "add", "-", "--authority", "b"}, add));

        assertEquals(ExitCode.OK.code(), fromPem.exitCode(), fromPem::toString);
        assertTrue(fromPem.err().contains("Added " + keyId), fromPem::toString);
        assertEquals(ExitCode.OK.code(), fromJwk.exitCode(), fromJwk::toString);
        assertTrue(fromJwk.err().contains("Added " + keyId), fromJwk::toString);
        assertEquals(ExitCode.KEY_ERROR.code(), notAKey.exitCode(), notAKey::toString);
        assertTrue(notAKey.err().contains("stdin: "), notAKey::toString);
        assertFalse(Files.exists(cli.workingDirectory.resolve("-")), "no file named -");
    }

    @Test
    void trustSignDash_writesOnlyTheSignedListToStdout() throws Exception {
        String keyId = Homes.activeKeyId(cli.workingDirectory.resolve("home"));
        assertEquals(ExitCode.OK.code(), cli.run("trust", "init", "--authority", "a").exitCode());
        assertEquals(ExitCode.OK.code(), cli.run("trust", "add", "home/keys/" + keyId + ".pub.pem", "--authority", "a",
                "--issuer", "Beijing", "--region", "110000", "--not-after", "2027-03-01T00:00:00Z").exitCode());

        Cli.Result result = cli.run("trust", "sign", "--authority", "a", "-o", "-");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        ECPublicKey root = PemKeys.publicKeyFromPem(Files.readString(cli.workingDirectory.resolve("a/root.pub.pem")));
        assertEquals(1, TrustListVerifier.of(root, Clock.fixed(cli.clock.instant(), ZoneOffset.UTC), Freshness.STRICT)
                .verify(result.out().strip()).entries().size());
        assertFalse(Files.exists(cli.workingDirectory.resolve("-")), "no file named -");
    }

    @Test
    void revokePublishDash_writesOnlyTheSignedListToStdout() throws Exception {
        String keyId = Homes.activeKeyId(cli.workingDirectory.resolve("home"));
        assertEquals(ExitCode.OK.code(), cli.run("trust", "init", "--authority", "a").exitCode());
        assertEquals(ExitCode.OK.code(), cli.run("revoke", "--authority", "a", "--key", keyId, "--reason", "compromised").exitCode());

        Cli.Result result = cli.run("revoke", "publish", "--authority", "a", "-o", "-");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        ECPublicKey root = PemKeys.publicKeyFromPem(Files.readString(cli.workingDirectory.resolve("a/root.pub.pem")));
        // publish writes the list's bytes to stdout raw, as for a file: the harness keeps those apart from printed text.
        assertEquals(1, RevocationList.verify(new String(result.stdoutBytes(), StandardCharsets.US_ASCII).strip(), root)
                .revokedKeys().size());
        assertEquals("", result.out());
        assertFalse(Files.exists(cli.workingDirectory.resolve("-")), "no file named -");
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
