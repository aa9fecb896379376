package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenlight.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home's failures carry a reason, not an exit code; the commands' tests pin the codes. */
class IssuerHomeTest {

    @TempDir
    Path temp;

    @Test
    void open_noHome_reasonNoHome() {
        IssuerHomeException e = assertThrows(IssuerHomeException.class, () -> IssuerHome.open(temp.resolve("none")));
        assertEquals(IssuerHomeException.Reason.NO_HOME, e.reason());
        assertEquals(ExitCode.NOT_CONFIGURED, CliCommand.exitCode(e.reason()));
    }

    @Test
    void create_existingHomeWithoutForce_reasonAlreadyExists() {
        IssuerHome.create(temp, false, new SecureRandom(), null);
        IssuerHomeException e = assertThrows(IssuerHomeException.class,
                () -> IssuerHome.create(temp, false, new SecureRandom(), null));
        assertEquals(IssuerHomeException.Reason.ALREADY_EXISTS, e.reason());
    }

    @Test
    void signingKey_corruptKeyFile_reasonKeyError() throws Exception {
        IssuerHome home = IssuerHome.create(temp, false, new SecureRandom(), null);
        Files.writeString(home.privateKeyFile(home.activeKeyId()), "not a key");
        IssuerHomeException e = assertThrows(IssuerHomeException.class,
                () -> home.signingKey(prompt -> new char[] {'x'}));
        assertEquals(IssuerHomeException.Reason.KEY_ERROR, e.reason());
    }

    @Test
    void exitCode_everyReason_hasItsOwnCode() {
        assertEquals(java.util.Map.of(
                        IssuerHomeException.Reason.NO_HOME, ExitCode.NOT_CONFIGURED,
                        IssuerHomeException.Reason.ALREADY_EXISTS, ExitCode.ALREADY_EXISTS,
                        IssuerHomeException.Reason.KEY_ERROR, ExitCode.KEY_ERROR,
                        IssuerHomeException.Reason.IO_ERROR, ExitCode.IO_ERROR),
                java.util.Arrays.stream(IssuerHomeException.Reason.values())
                        .collect(java.util.stream.Collectors.toMap(r -> r, CliCommand::exitCode)));
    }
}
