package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.revocation.RevocationList;
import dev.greenlight.codec.revocation.RevocationListException;
import dev.greenlight.codec.revocation.RevocationSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevokeCommandTest {

    private static final String KID = "1f2e3d4c";
    private static final String SERIAL = "0123456789abcdef";

    @TempDir
    Path dir;

    private Cli cli;
    private Path authority;
    private ECPublicKey root;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(dir);
        authority = dir.resolve("authority");
        cli.variables.put("ROOT_PASS", "pass");
        cli.variables.put(AuthorityHome.ENVIRONMENT_VARIABLE, authority.toString());
        Cli.Result init = cli.run("trust", "init", "--passphrase-env", "ROOT_PASS");
        assertEquals(0, init.exitCode(), init.toString());
        root = PemKeys.publicKeyFromPem(Files.readString(authority.resolve("root.pub.pem")));
    }

    private RevocationList published(Path file) throws IOException, RevocationListException {
        return RevocationList.verify(Files.readString(file).strip(), root);
    }

    @Test
    void revoke_codesOfTwoKeysNamedTwiceInterleaved_recordsEachOnceInTheOrderFirstNamed() {
        String other = "8badf00d";
        cli.stdin = String.join("\n", KID + "/0000000000000001", other + "/0000000000000001", KID + "/0000000000000001",
                other + "/0000000000000002", other + "/0000000000000001", "").getBytes(StandardCharsets.UTF_8);

        Cli.Result result = cli.run("revoke", "--serials", "-", "--reason", "test");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(KID + "/0000000000000001\n" + other + "/0000000000000001\n" + other + "/0000000000000002\n", result.out());
        assertTrue(result.err().contains("3 new, 2 already revoked"), result.err());
    }

    @Test
    void publish_aLedgerNamingACodeTwice_countsAndListsItOnce() throws IOException, RevocationListException {
        Cli.Result first = cli.run("revoke", "--serial", KID + "/" + SERIAL, "--reason", "test");
        assertEquals(0, first.exitCode(), first.toString());
        Path ledger = authority.resolve("revocations").resolve("ledger.jsonl");
        // As two runs appending at once, or a hand edit, would leave it.
        Files.writeString(ledger, Files.readString(ledger).repeat(2));

        Cli.Result base = cli.run("revoke", "publish", "--passphrase-env", "ROOT_PASS", "-o", "base.jws");

        assertEquals(0, base.exitCode(), base.toString());
        assertTrue(base.err().contains("base list 1: 1 revocations"), base.err());
        assertEquals(1, published(cli.workingDirectory.resolve("base.jws")).serialCount());
    }

    @Test
    void revoke_thenPublish_baseThenDeltaOfOnlyWhatIsNew() throws IOException, RevocationListException {
        Cli.Result first = cli.run("revoke", "--serial", KID + "/" + SERIAL, "--key", "8badf00d", "--reason", "test");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(KID + "/" + SERIAL + "\nkey 8badf00d\n", first.out());
        Cli.Result base = cli.run("revoke", "publish", "--passphrase-env", "ROOT_PASS", "-o", "base.jws");
        assertEquals(0, base.exitCode(), base.toString());
        cli.stdin = (KID + "/0000000000000002\n# a comment\n\n" + KID + "/" + SERIAL + "\n" + KID + "/0000000000000002\n")
                .getBytes(StandardCharsets.UTF_8);
        Cli.Result fromStdin = cli.run("revoke", "--serials", "-", "--reason", "colour changed");
        assertEquals(0, fromStdin.exitCode(), fromStdin.toString());
        assertTrue(fromStdin.err().contains("1 new, 2 already revoked"), fromStdin.err());
        assertEquals(KID + "/0000000000000002\n", fromStdin.out(), "a code named twice in one call is recorded once");
        Cli.Result delta = cli.run("revoke", "publish", "--passphrase-env", "ROOT_PASS", "-o", "delta.jws");
        assertEquals(0, delta.exitCode(), delta.toString());

        RevocationList baseList = published(cli.workingDirectory.resolve("base.jws"));
        RevocationList deltaList = published(cli.workingDirectory.resolve("delta.jws"));
        assertFalse(baseList.isDelta());
        assertEquals(1, baseList.serialCount());
        assertEquals(List.of(KeyId.parse("8badf00d")), baseList.revokedKeys());
        assertTrue(deltaList.isDelta());
        assertEquals(1, deltaList.serialCount(), "a delta holds only what is new");
        RevocationSet set = RevocationSet.of(baseList, List.of(deltaList));
        assertTrue(set.isRevoked(KeyId.parse(KID), new Serial(2)));
        assertTrue(set.isRevoked(KeyId.parse(KID), Serial.parse(SERIAL)));
        assertFalse(set.isRevoked(KeyId.parse(KID), new Serial(3)));
        String ledger = Files.readString(authority.resolve("revocations").resolve(RevocationLedger.FILE));
        assertTrue(ledger.contains("\"reason\":\"colour changed\""), ledger);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(authority.resolve("revocations").resolve(RevocationLedger.FILE))));

        Cli.Result newBase = cli.run("revoke", "publish", "--base", "--passphrase-env", "ROOT_PASS", "-o", "base2.jws");
        assertEquals(0, newBase.exitCode(), newBase.toString());
        RevocationList second = published(cli.workingDirectory.resolve("base2.jws"));
        assertEquals(3, second.sequence());
        assertEquals(2, second.serialCount(), "a base holds everything");
    }

    @Test
    void revoke_badInput_isRefusedAndNothingRecorded() {
        Cli.Result noReason = cli.run("revoke", "--serial", KID + "/" + SERIAL);
        Cli.Result badSerial = cli.run("revoke", "--serial", KID + "/12\u001b]8;;", "--reason", "x");
        Cli.Result nothing = cli.run("revoke", "--reason", "x");

        assertEquals(2, noReason.exitCode(), noReason.toString());
        assertEquals(5, badSerial.exitCode(), badSerial.toString());
        assertFalse(badSerial.err().contains("\u001b"), "the bad input is escaped: " + badSerial.err());
        assertEquals(2, nothing.exitCode(), nothing.toString());
        assertFalse(Files.exists(authority.resolve("revocations").resolve(RevocationLedger.FILE)));
    }

    @Test
    void publish_wrongPassphraseOrNoAuthority_exitsSixOrSeven() {
        cli.variables.put("ROOT_PASS", "wrong");
        Cli.Result wrong = cli.run("revoke", "publish", "--passphrase-env", "ROOT_PASS", "-o", "x.jws");
        cli.variables.put(AuthorityHome.ENVIRONMENT_VARIABLE, dir.resolve("nowhere").toString());
        Cli.Result none = cli.run("revoke", "--key", KID, "--reason", "x");

        assertEquals(6, wrong.exitCode(), wrong.toString());
        assertFalse(Files.exists(cli.workingDirectory.resolve("x.jws")));
        assertEquals(7, none.exitCode(), none.toString());
        assertTrue(none.err().contains("trust init"), none.err());
    }

    @Test
    void publish_withWhatToRevokeGivenBeforeIt_isRefusedNotSilentlyDropped() throws IOException {
        Cli.Result both = cli.run("revoke", "--serial", KID + "/" + SERIAL, "--reason", "test", "publish",
                "--passphrase-env", "ROOT_PASS", "-o", "list.jws");

        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains("revoke publish"), both.err());
        assertFalse(Files.exists(cli.workingDirectory.resolve("list.jws")), "no list written");
    }
}
