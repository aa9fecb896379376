package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.EncryptedPrivateKeys;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.trust.Freshness;
import dev.greenlight.codec.trust.TrustList;
import dev.greenlight.codec.trust.TrustListEntry;
import dev.greenlight.codec.trust.TrustListException;
import dev.greenlight.codec.trust.TrustListVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustCommandTest {

    private static final String NOT_AFTER = "2027-03-01T00:00:00Z";

    @TempDir
    Path temp;

    private Cli cli;
    private Path home;
    private String issuerKey;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(temp);
        home = cli.initHome();
        issuerKey = Homes.activeKeyId(home);
    }

    private Cli.Result trust(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "trust";
        all[1] = args[0];
        all[2] = "--authority=authority";
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return cli.run(all);
    }

    private Path authority() {
        return cli.workingDirectory.resolve("authority");
    }

    private Cli.Result addIssuerKey() {
        return trust("add", "home/keys/" + issuerKey + ".pub.pem", "--issuer", "Beijing Municipal Health Commission",
                "--region", "110000", "--not-after", NOT_AFTER);
    }

    private TrustList verifySigned(Path file, Instant now) throws Exception {
        ECPublicKey root = PemKeys.publicKeyFromPem(Files.readString(authority().resolve("root.pub.pem")));
        return TrustListVerifier.of(root, Clock.fixed(now, ZoneOffset.UTC), Freshness.STRICT)
                .verify(Files.readString(file).strip());
    }

    @Test
    void init_createsTheRootWithPrivateFilesAndPrintsOnlyItsKeyId() throws Exception {
        Cli.Result result = trust("init");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        ECPublicKey root = PemKeys.publicKeyFromPem(Files.readString(authority().resolve("root.pub.pem")));
        assertEquals(KeyId.of(root).toString(), result.out().strip());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(authority())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(authority().resolve("root.key.pem"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(authority().resolve("root.pub.pem"))));
        assertFalse((result.out() + result.err()).contains("PRIVATE KEY"), result::toString);
        assertTrue(Files.readString(authority().resolve("root.key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void init_withoutAuthorityOption_usesTheEnvironmentVariableElseHome() {
        assertEquals(ExitCode.OK.code(), cli.run("trust", "init").exitCode());
        assertTrue(Files.isRegularFile(cli.userHome.resolve(".greenlight/authority/root.pub.pem")));

        cli.variables.put(AuthorityHome.ENVIRONMENT_VARIABLE, "elsewhere");
        assertEquals(ExitCode.OK.code(), cli.run("trust", "init").exitCode());
        assertTrue(Files.isRegularFile(cli.workingDirectory.resolve("elsewhere/root.pub.pem")));
    }

    @Test
    void init_twice_isRefusedAndTheRootKept() throws Exception {
        trust("init");
        String before = Files.readString(authority().resolve("root.key.pem"));

        Cli.Result again = trust("init");

        assertEquals(ExitCode.ALREADY_EXISTS.code(), again.exitCode(), again::toString);
        assertEquals(before, Files.readString(authority().resolve("root.key.pem")));
    }

    @Test
    void addAndSign_publishesAListThatVerifiesWithTheKeyAndItsWindow() throws Exception {
        trust("init");
        Cli.Result added = addIssuerKey();
        assertEquals(ExitCode.OK.code(), added.exitCode(), added::toString);

        Cli.Result signed = trust("sign", "-o", "list-1.jws");

        assertEquals(ExitCode.OK.code(), signed.exitCode(), signed::toString);
        TrustList list = verifySigned(cli.workingDirectory.resolve("list-1.jws"), Cli.NOW);
        assertEquals(1, list.sequence());
        assertEquals(Cli.NOW, list.issuedAt());
        TrustListEntry entry = list.entries().get(0);
        assertEquals(issuerKey, entry.keyId().toString());
        assertEquals("110000", entry.region());
        assertEquals(Cli.NOW, entry.window().notBefore());
        assertEquals(Instant.parse(NOT_AFTER), entry.window().notAfter());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.workingDirectory.resolve("list-1.jws"))));
    }

    @Test
    void sign_again_raisesTheSequenceAndRefusesToOverwriteWithoutForce() throws Exception {
        trust("init");
        addIssuerKey();
        trust("sign", "-o", "list.jws");
        String first = Files.readString(cli.workingDirectory.resolve("list.jws"));

        Cli.Result refused = trust("sign", "-o", "list.jws");
        Cli.Result forced = trust("sign", "-o", "list.jws", "--force", "--max-age", "3d");

        assertEquals(ExitCode.ALREADY_EXISTS.code(), refused.exitCode(), refused::toString);
        assertEquals(ExitCode.OK.code(), forced.exitCode(), forced::toString);
        TrustList second = verifySigned(cli.workingDirectory.resolve("list.jws"), Cli.NOW);
        // The refused run never signed: the number it would have used is still free.
        assertEquals(2, second.sequence());
        assertEquals(java.time.Duration.ofDays(3), second.maxAge());
        ECPublicKey root = PemKeys.publicKeyFromPem(Files.readString(authority().resolve("root.pub.pem")));
        TrustListException rollback = assertThrows(TrustListException.class, () -> TrustListVerifier.of(root,
                Clock.fixed(Cli.NOW, ZoneOffset.UTC),
                Freshness.STRICT)
                .verify(first.strip(), OptionalLong.of(2)));
        assertEquals(TrustListException.Reason.ROLLBACK, rollback.reason());
    }

    @Test
    void list_showsEachKeyWithItsWindowAndState() {
        trust("init");
        addIssuerKey();

        Cli.Result listed = trust("list");

        assertEquals(ExitCode.OK.code(), listed.exitCode(), listed::toString);
        assertEquals(List.of(issuerKey + "\t110000\t" + Cli.NOW + "\t" + NOT_AFTER + "\tsigning\tBeijing Municipal Health Commission"),
                listed.out().lines().toList());
        assertTrue(listed.err().contains("never signed"), listed::toString);
        Cli.Result later = trust("list", "--now", "2027-03-01T00:00:00Z");
        assertTrue(later.out().contains("\tclosed\t"), later::toString);
    }

    @Test
    void retire_shortensTheWindowAndNeverLengthensIt() throws Exception {
        trust("init");
        addIssuerKey();

        Cli.Result longer = trust("retire", issuerKey, "--not-after", "2028-01-01T00:00:00Z");
        Cli.Result empty = trust("retire", issuerKey, "--not-after", Cli.NOW.toString());
        Cli.Result shorter = trust("retire", issuerKey, "--not-after", "2026-06-01T00:00:00Z");

        assertEquals(ExitCode.INVALID_INPUT.code(), longer.exitCode(), longer::toString);
        assertTrue(longer.err().contains("never lengthens"), longer::toString);
        assertEquals(ExitCode.INVALID_INPUT.code(), empty.exitCode(), empty::toString);
        assertTrue(empty.err().contains("trust remove"), empty::toString);
        assertEquals(ExitCode.OK.code(), shorter.exitCode(), shorter::toString);
        trust("sign", "-o", "list.jws");
        assertEquals(Instant.parse("2026-06-01T00:00:00Z"),
                verifySigned(cli.workingDirectory.resolve("list.jws"), Cli.NOW).entries().get(0).window().notAfter());
    }

    @Test
    void retire_withoutNotAfter_endsTheWindowNow() throws Exception {
        trust("init");
        addIssuerKey();

        Cli.Result retired = trust("retire", issuerKey, "--now", "2026-04-01T10:00:00.750Z");

        assertEquals(ExitCode.OK.code(), retired.exitCode(), retired::toString);
        trust("sign", "-o", "list.jws");
        assertEquals(Instant.parse("2026-04-01T10:00:00Z"),
                verifySigned(cli.workingDirectory.resolve("list.jws"), Cli.NOW).entries().get(0).window().notAfter());
    }

    @Test
    void remove_refusedWhileTheKeyMaySignAndDoneOnceItsWindowClosed() throws Exception {
        trust("init");
        addIssuerKey();

        Cli.Result early = trust("remove", issuerKey);
        Cli.Result late = trust("remove", issuerKey, "--now", NOT_AFTER);

        assertEquals(ExitCode.INVALID_INPUT.code(), early.exitCode(), early::toString);
        assertEquals(ExitCode.OK.code(), late.exitCode(), late::toString);
        trust("sign", "-o", "list.jws");
        assertTrue(verifySigned(cli.workingDirectory.resolve("list.jws"), Cli.NOW).entries().isEmpty());
    }

    @Test
    void retireAndRemove_unknownOrMalformedKeyId_areKeyAndUsageErrors() {
        trust("init");
        addIssuerKey();

        assertEquals(ExitCode.KEY_ERROR.code(), trust("retire", "00000000").exitCode());
        assertEquals(ExitCode.USAGE.code(), trust("remove", "not-a-kid").exitCode());
    }

    @Test
    void add_fromAJwk_theSameKeyTwice_andBadInput_areHandled() throws Exception {
        trust("init");
        Cli.Result jwk = trust("add", "home/keys/" + issuerKey + ".jwk.json", "--issuer", "X", "--region", "440300",
                "--not-before", "2026-01-01T00:00:00Z", "--not-after", NOT_AFTER);
        assertEquals(ExitCode.OK.code(), jwk.exitCode(), jwk::toString);

        Cli.Result again = addIssuerKey();
        assertEquals(ExitCode.INVALID_INPUT.code(), again.exitCode(), again::toString);

        cli.run("keygen", "--home", "home");
        String other = cli.run("keys", "--home", "home").out().lines().filter(l -> !l.startsWith(issuerKey)).findFirst()
                .orElseThrow().split("\t")[0];
        Cli.Result region = trust("add", "home/keys/" + other + ".pub.pem", "--issuer", "X", "--region", "990000", "--not-after", NOT_AFTER);
        Cli.Result name = trust("add", "home/keys/" + other + ".pub.pem", "--issuer", "X\u001b]8;;http://evil\u0007", "--region",
                "110000", "--not-after", NOT_AFTER);
        Cli.Result window = trust("add", "home/keys/" + other + ".pub.pem", "--issuer", "X", "--region", "110000",
                "--not-before", NOT_AFTER, "--not-after", NOT_AFTER);
        Cli.Result fraction = trust("add", "home/keys/" + other + ".pub.pem", "--issuer", "X", "--region", "110000",
                "--not-after", "2027-03-01T00:00:00.5Z");
        Files.writeString(cli.workingDirectory.resolve("garbage.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        Cli.Result garbage = trust("add", "garbage.pem", "--issuer", "X", "--region", "110000", "--not-after", NOT_AFTER);

        assertEquals(ExitCode.INVALID_INPUT.code(), region.exitCode(), region::toString);
        assertEquals(ExitCode.INVALID_INPUT.code(), name.exitCode(), name::toString);
        assertFalse(name.err().contains("\u001b"), name::toString);
        assertEquals(ExitCode.INVALID_INPUT.code(), window.exitCode(), window::toString);
        assertEquals(ExitCode.USAGE.code(), fraction.exitCode(), fraction::toString);
        assertEquals(ExitCode.KEY_ERROR.code(), garbage.exitCode(), garbage::toString);
        assertEquals(1, trust("list").out().lines().count());
    }

    @Test
    void sign_withAnEncryptedRoot_needsItsPassphrase() throws Exception {
        Files.writeString(cli.workingDirectory.resolve("pass"), "correct horse\n");
        Files.writeString(cli.workingDirectory.resolve("wrong"), "battery staple\n");
        assertEquals(ExitCode.OK.code(), trust("init", "--passphrase-file", "pass").exitCode());
        assertTrue(EncryptedPrivateKeys.isEncrypted(Files.readString(authority().resolve("root.key.pem"))));
        addIssuerKey();

        Cli.Result wrong = trust("sign", "-o", "list.jws", "--passphrase-file", "wrong");
        Cli.Result right = trust("sign", "-o", "list.jws", "--passphrase-file", "pass");

        assertEquals(ExitCode.KEY_ERROR.code(), wrong.exitCode(), wrong::toString);
        assertEquals(ExitCode.OK.code(), right.exitCode(), right::toString);
        // The wrong passphrase failed before a number was taken.
        assertEquals(1, verifySigned(cli.workingDirectory.resolve("list.jws"), Cli.NOW).sequence());
    }

    @Test
    void commands_withoutAnAuthority_sayHowToCreateOne() {
        Cli.Result result = trust("list");

        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("gl-issue trust init"), result::toString);
    }
}
