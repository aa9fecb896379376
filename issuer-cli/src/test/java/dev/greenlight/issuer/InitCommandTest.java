package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path temp;

    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(temp);
    }

    @Test
    void init_newHome_printsKeyIdOnStdoutAndCreatesTheFiles() throws Exception {
        Cli.Result result = cli.run("init", "--home", "home");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        Path home = cli.workingDirectory.resolve("home");
        String keyId = Homes.activeKeyId(home);
        assertEquals(keyId + System.lineSeparator(), result.out());
        assertTrue(result.err().contains("Created issuer home"), result::toString);
        assertTrue(Files.isRegularFile(home.resolve("keys").resolve(keyId + ".key.pem")));
        assertTrue(Files.readString(home.resolve("keys").resolve(keyId + ".jwk.json")).contains("\"kid\":\"" + keyId + "\""));
        assertEquals(32, Homes.identitySecretBytes(home).length);
    }

    @Test
    void init_posixFileSystem_privateFilesAreOwnerOnly() throws Exception {
        Path home = cli.initHome();
        assumeTrue(Files.getFileStore(home).supportsFileAttributeView("posix"), "no POSIX permissions here");
        String keyId = Homes.activeKeyId(home);

        assertEquals("rwx------", permissions(home));
        assertEquals("rwx------", permissions(home.resolve("keys")));
        assertEquals("rw-------", permissions(home.resolve("identity-secret")));
        assertEquals("rw-------", permissions(home.resolve("settings.properties")));
        assertEquals("rw-------", permissions(home.resolve("keys").resolve(keyId + ".key.pem")));
        assertEquals("rw-r--r--", permissions(home.resolve("keys").resolve(keyId + ".pub.pem")));
    }

    @Test
    void init_secretsAreNeverPrinted() throws Exception {
        Cli.Result result = cli.run("init", "--home", "home");
        Path home = cli.workingDirectory.resolve("home");
        String secret = Files.readString(home.resolve("identity-secret")).strip();
        String privateKey = Files.readString(home.resolve("keys").resolve(Homes.activeKeyId(home) + ".key.pem"));
        String privateBase64 = privateKey.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();

        for (String output : new String[] {result.out(), result.err()}) {
            assertFalse(output.contains(secret));
            assertFalse(output.contains(privateBase64));
        }
    }

    @Test
    void init_existingHome_refusesAndLeavesItUnchanged() throws Exception {
        Path home = cli.initHome();
        String secretBefore = Files.readString(home.resolve("identity-secret"));
        String keyBefore = Homes.activeKeyId(home);

        Cli.Result result = cli.run("init", "--home", "home");

        assertEquals(ExitCode.ALREADY_EXISTS.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("already exists"), result::toString);
        assertEquals(secretBefore, Files.readString(home.resolve("identity-secret")));
        assertEquals(keyBefore, Homes.activeKeyId(home));
    }

    @Test
    void init_existingHomeWithForce_replacesSecretAndActiveKey() throws Exception {
        Path home = cli.initHome();
        String secretBefore = Files.readString(home.resolve("identity-secret"));
        String keyBefore = Homes.activeKeyId(home);

        Cli.Result result = cli.run("init", "--home", "home", "--force");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertNotEquals(secretBefore, Files.readString(home.resolve("identity-secret")));
        assertNotEquals(keyBefore, Homes.activeKeyId(home));
    }

    @Test
    void init_forceOnAHomeWithARegistry_movesTheOldRegistryAsideAndStartsAnEmptyOne() throws Exception {
        Path home = cli.initHome();
        Cli.Result declared = cli.run("declare", "CNID:11010519491231002X", "--temperature", "38.0", "--home", "home");
        assertEquals(ExitCode.OK.code(), declared.exitCode(), declared::toString);
        dev.greenlight.codec.IdentityHash oldHash = Homes.identitySecret(home)
                .pseudonymOf(dev.greenlight.codec.Identity.of("CNID", "11010519491231002X"));

        Cli.Result result = cli.run("init", "--home", "home", "--force");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        Path aside = home.resolve("registry-replaced-20260301T080000Z.db");
        assertTrue(result.err().contains("Moved the old registry to " + aside), result::toString);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(aside)));
        try (dev.greenlight.registry.Registry old = dev.greenlight.registry.Registry.open("jdbc:sqlite:" + aside)) {
            assertTrue(old.holder(oldHash).isPresent(), "the old registry keeps its holders");
        }
        try (dev.greenlight.registry.Registry fresh = dev.greenlight.registry.Registry.open(
                dev.greenlight.registry.Registry.defaultUrl(home))) {
            assertTrue(fresh.holder(oldHash).isEmpty());
        }
        Cli.Result status = cli.run("status", "CNID:11010519491231002X", "--home", "home");
        assertNotEquals(ExitCode.OK.code(), status.exitCode(), "the holder is not known under the new secret: " + status);
    }

    @Test
    void init_environmentVariable_choosesTheHome() throws Exception {
        cli.variables.put("GREENLIGHT_ISSUER_HOME", cli.workingDirectory.resolve("from-env").toString());

        Cli.Result result = cli.run("init");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertTrue(Files.isRegularFile(cli.workingDirectory.resolve("from-env").resolve("settings.properties")));
    }

    @Test
    void init_noOption_usesTheDefaultUnderTheUserHome() {
        Cli.Result result = cli.run("init");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertTrue(Files.isRegularFile(cli.userHome.resolve(".greenlight/issuer/settings.properties")));
    }

    @Test
    void init_newHome_createsTheRegistryAndTheDefaultPolicy() throws Exception {
        Path home = cli.initHome();

        String settings = Files.readString(home.resolve("settings.properties"));
        assertTrue(settings.contains("policy=policy.json\n"), settings);
        assertTrue(settings.contains("registry.url=jdbc:sqlite:" + home.toAbsolutePath().resolve("registry.db") + "\n"), settings);
        assertEquals(Files.readString(Path.of("../specs/policy-example.json")), Files.readString(home.resolve("policy.json")));
        assertTrue(Files.size(home.resolve("registry.db")) > 0, "the schema is created on init");
        if (Files.getFileStore(home).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", permissions(home.resolve("registry.db")));
        }
    }

    @Test
    void lifecycleCommand_homeMadeBeforeTheRegistry_saysHowToAddIt() throws Exception {
        Path home = cli.initHome();
        Path settings = home.resolve("settings.properties");
        Files.writeString(settings, Files.readString(settings).replaceAll("(?m)^(registry\\.url|policy)=.*\n", ""));

        Cli.Result noPolicy = cli.run("status", "CNID:11010519491231002X", "--home", "home");
        Files.writeString(settings, Files.readString(settings) + "policy=policy.json\n");
        Cli.Result noRegistry = cli.run("status", "CNID:11010519491231002X", "--home", "home");

        assertEquals(ExitCode.NOT_CONFIGURED.code(), noPolicy.exitCode(), noPolicy::toString);
        assertTrue(noPolicy.err().contains("add the line 'policy=policy.json'"), noPolicy::toString);
        assertEquals(ExitCode.NOT_CONFIGURED.code(), noRegistry.exitCode(), noRegistry::toString);
        assertTrue(noRegistry.err().contains("add the line 'registry.url=jdbc:sqlite:"), noRegistry::toString);
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
