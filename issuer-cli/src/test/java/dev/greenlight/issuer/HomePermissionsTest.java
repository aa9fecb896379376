package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.cli.ExitCode;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets that others can read, and a home that others can write, are refused as ssh refuses them. */
class HomePermissionsTest {

    private static final String[] ISSUE = {"issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
        "--colour", "green"};

    @TempDir
    Path temp;

    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(temp);
        assumeTrue(HomePermissions.hasPosixPermissions(temp), "no POSIX permissions here: nothing to check");
    }

    @Test
    void init_existingWorldWritableDirectory_refusedNamingTheChmodAndLeftEmpty() throws Exception {
        Path home = Files.createDirectory(cli.workingDirectory.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));

        Cli.Result result = cli.run("init", "--home", "home");

        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains(home + " is writable by group or others (mode 0777)"), result::toString);
        assertTrue(result.err().contains("chmod go-w " + home), result::toString);
        try (var files = Files.list(home)) {
            assertEquals(0, files.count(), "no secret written into a directory others can read and write");
        }
    }

    @Test
    void init_existingOwnerOnlyDirectory_createsTheHome() throws Exception {
        Path home = Files.createDirectory(cli.workingDirectory.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));

        assertEquals(ExitCode.OK.code(), cli.run("init", "--home", "home").exitCode());
    }

    @Test
    void issue_identitySecretReadableByOthers_refusedNamingFileModeAndChmod() throws Exception {
        Path home = cli.initHome();
        Path secret = home.resolve("identity-secret");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result result = cli.run(ISSUE);

        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains(secret + " is accessible by group or others (mode 0644)"), result::toString);
        assertTrue(result.err().contains("chmod 600 " + secret), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void issue_privateKeyReadableByGroup_keyError() throws Exception {
        Path home = cli.initHome();
        Path key = home.resolve("keys").resolve(Homes.activeKeyId(home) + ".key.pem");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));

        Cli.Result result = cli.run(ISSUE);

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains(key + " is accessible by group or others (mode 0640)"), result::toString);
        assertTrue(result.err().contains("chmod 600 " + key), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void issue_homeOrKeysDirectoryWritableByOthers_refused() throws Exception {
        Path home = cli.initHome();
        Files.setPosixFilePermissions(home.resolve("keys"), PosixFilePermissions.fromString("rwxrwx---"));

        Cli.Result keys = cli.run(ISSUE);
        Files.setPosixFilePermissions(home.resolve("keys"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xrwx"));
        Cli.Result root = cli.run(ISSUE);

        assertEquals(ExitCode.NOT_CONFIGURED.code(), keys.exitCode(), keys::toString);
        assertTrue(keys.err().contains("chmod go-w " + home.resolve("keys")), keys::toString);
        assertEquals(ExitCode.NOT_CONFIGURED.code(), root.exitCode(), root::toString);
        assertTrue(root.err().contains("(mode 0757)") && root.err().contains("chmod go-w " + home), root::toString);
    }

    @Test
    void issue_homeReadableButNotWritableByOthers_issues() throws Exception {
        Path home = cli.initHome();
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals(ExitCode.OK.code(), cli.run(ISSUE).exitCode());
    }

    @Test
    void unsafePermissions_fileSystemWithoutPosixPermissions_noCheckNoError() throws Exception {
        URI zip = URI.create("jar:" + temp.resolve("home.zip").toUri());
        try (FileSystem fileSystem = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path secret = Files.writeString(fileSystem.getPath("identity-secret"), "not checked");
            assertFalse(HomePermissions.hasPosixPermissions(secret));

            assertTrue(HomePermissions.unsafePermissions(secret, "The identity secret").isEmpty());
            assertTrue(HomePermissions.unsafePermissions(fileSystem.getPath("/"), "The issuer home").isEmpty());
        }
    }
}
