package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoAndHelpTest {

    @TempDir
    Path temp;

    private Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(temp);
    }

    @Test
    void demo_noSetUpNoFlags_issuesVerifiesAndDrawsTheQr() throws Exception {
        cli.variables.put("GREENLIGHT_ISSUER_HOME", cli.workingDirectory.resolve("real-home").toString());

        Cli.Result result = cli.run("demo");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        Path demoHome = cli.workingDirectory.resolve(".greenlight-demo");
        assertTrue(Files.isRegularFile(demoHome.resolve("settings.properties")));
        assertFalse(Files.exists(cli.workingDirectory.resolve("real-home")), "the demo never touches the real home");
        assertEquals(3, result.out().lines().filter(l -> l.contains(" VALID ")).count(), result::toString);
        assertTrue(result.out().contains("REJECTED  BAD_SIGNATURE"), result::toString);
        assertTrue(result.out().contains("REJECTED  EXPIRED"), result::toString);
        assertTrue(result.out().contains("\u2580") || result.out().contains("\u2584"), "a QR drawn in half blocks");
        assertFalse(result.out().contains("UNEXPECTED"), result::toString);
        assertTrue(result.err().contains("Created a demo issuer home"), result::toString);
    }

    @Test
    void demo_secondRun_reusesTheDemoKey() throws Exception {
        cli.run("demo");
        String keyId = Homes.activeKeyId(cli.workingDirectory.resolve(".greenlight-demo"));

        Cli.Result second = cli.run("demo");

        assertEquals(ExitCode.OK.code(), second.exitCode(), second::toString);
        assertTrue(second.out().contains("signing key " + keyId), second::toString);
        assertFalse(second.err().contains("Created"), second::toString);
    }

    @Test
    void demo_tamper_changesExactlyOneCharacterWithinTheAlphabet() {
        String text = "GL1:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123";

        String tampered = DemoCommand.tamper(text);

        assertEquals(text.length(), tampered.length());
        int differences = 0;
        for (int i = 0; i < text.length(); i++) {
            differences += text.charAt(i) != tampered.charAt(i) ? 1 : 0;
        }
        assertEquals(1, differences);
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "keygen", "keys", "issue", "batch", "demo"})
    void help_everyCommand_listsExamplesAndExitCodes(String command) {
        Cli.Result result = cli.run(command, "--help");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertTrue(result.out().contains("Examples:"), result::toString);
        assertTrue(result.out().contains("Exit codes:"), result::toString);
        assertTrue(result.out().lines().anyMatch(l -> l.matches("\\s+0\\s+success.*")), result::toString);
        assertTrue(result.out().lines().anyMatch(l -> l.matches("\\s+70\\s+internal error.*")), result::toString);
    }

    @Test
    void help_topLevel_listsCommandsAndEveryExitCode() {
        Cli.Result result = cli.run("--help");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        for (String command : new String[] {"init", "keygen", "keys", "issue", "batch", "demo"}) {
            assertTrue(result.out().contains("  " + command + " ") || result.out().contains("  " + command + "\n"),
                    command + " missing in\n" + result.out());
        }
        for (int code : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 70}) {
            assertTrue(result.out().lines().anyMatch(l -> l.strip().startsWith(code + " ")), "exit code " + code);
        }
    }

    @Test
    void noCommand_printsUsageOnStderrAndExitsUsage() {
        Cli.Result result = cli.run();

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("Usage: gl-issue"), result::toString);
    }
}
