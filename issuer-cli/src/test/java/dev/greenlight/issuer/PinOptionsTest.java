package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token PIN's options, on exactly the commands that may open a token. No token needed. */
class PinOptionsTest {

    @TempDir
    Path temp;

    @Test
    void help_pinOptions_onTheCommandsThatSign_notOnInit() throws IOException {
        Cli cli = new Cli(temp);
        for (String command : new String[] {"issue", "batch", "reissue", "keygen"}) {
            String help = cli.run(command, "--help").out();
            assertTrue(help.contains("--pin-file=FILE") && help.contains("--pin-env=VAR"), command + ":\n" + help);
        }
        assertFalse(cli.run("init", "--help").out().contains("--pin-"));
    }

    @Test
    void issue_pinFileAndPinEnv_isAUsageError() throws IOException {
        Cli cli = new Cli(temp);
        cli.initHome();

        Cli.Result result = cli.run("issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "green", "--pin-file", "pin", "--pin-env", "PIN");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("Give --pin-file or --pin-env, not both"), result::toString);
    }
}
