package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.Tools;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What gl-issue shares with gl-verify through cli-support, seen from outside. */
class CommandLineConventionsTest {

    private static final String[] ISSUE = {"issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
        "--colour", "green"};

    private final Cli cli;

    /** Every test starts with an issuer home at ./home. */
    CommandLineConventionsTest(@TempDir Path temp) throws Exception {
        cli = new Cli(temp);
        cli.initHome();
    }

    @Test
    void unknownOption_oneLineWithAHintNotTheWholeHelp() {
        Cli.Result result = cli.run("keys", "--bogus");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertEquals("gl-issue: Unknown option: '--bogus'. See 'gl-issue keys --help'.",
                result.err().lines().findFirst().orElseThrow(), result::toString);
        assertFalse(result.err().contains("Usage:"), result::toString);
    }

    @Test
    void missingRequiredOption_oneLineNamingIt() {
        Cli.Result result = cli.run("issue", "--home", "home", "--doc", "CNID");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().contains("--number") && result.err().contains("--help"), result::toString);
    }

    @Test
    void helpCommand_showsTheCommandsHelpWithItsExitCodes() {
        Cli.Result result = cli.run("help", "keys");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertTrue(result.out().contains("Usage: gl-issue keys"), result::toString);
        assertTrue(result.out().lines().anyMatch(l -> l.matches("\\s+7\\s+not set up.*")), result::toString);
    }

    @Test
    void pngDash_writesThePngToStdoutAndTheTextToStderr() throws Exception {
        Cli.Result result = cli.run(with(ISSUE, "--png", "-"));

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
        String text = QrDecoding.decode(ImageIO.read(new ByteArrayInputStream(result.stdoutBytes())));
        assertTrue(text.startsWith("GL1:"), text);
        assertTrue(result.err().lines().anyMatch(text::equals), result::toString);
        assertTrue(Homes.verifier(cli.workingDirectory.resolve("home"), cli.clock).verify(text).isValid());
        assertFalse(Files.exists(cli.workingDirectory.resolve("-")), "no file named -");
    }

    @Test
    void svgDash_writesTheSvgToStdout() {
        Cli.Result result = cli.run(with(ISSUE, "--svg", "-"));

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertTrue(new String(result.stdoutBytes(), StandardCharsets.UTF_8).contains("<svg"), result::toString);
    }

    @Test
    void pngAndSvgBothToStdout_isAUsageError() {
        Cli.Result result = cli.run(with(ISSUE, "--png", "-", "--svg", "-"));

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertEquals(0, result.stdoutBytes().length);
    }

    @Test
    void terminalQr_noColour_isDrawnWithoutEscapeSequences() {
        cli.stderrIsTerminal = true;
        cli.variables.put("NO_COLOR", "1");

        Cli.Result result = cli.run(with(ISSUE, "--terminal"));

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("\u2588") || result.err().contains("\u2580"), result::toString);
        assertFalse(result.err().contains("\u001b"), result::toString);
    }

    @Test
    void terminalQr_stderrNotATerminal_isDrawnWithoutEscapeSequences() {
        Cli.Result result = cli.run(with(ISSUE, "--terminal"));

        assertFalse(result.err().contains("\u001b"), result::toString);
    }

    @Test
    void demo_stdoutATerminalButNoColour_plainQr() {
        cli.stdoutIsTerminal = true;
        cli.variables.put("NO_COLOR", "yes");

        Cli.Result result = cli.run("demo");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertFalse(result.out().contains("\u001b"), result::toString);
    }

    @Test
    void batchOutputDash_isStdout() throws Exception {
        Files.writeString(cli.workingDirectory.resolve("people.csv"), "doc,number,colour\nCNID,11010519491231002X,green\n");

        Cli.Result result = cli.run("batch", "people.csv", "--home", "home", "-o", "-");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertEquals(1, result.out().lines().count(), result::toString);
        assertTrue(result.out().contains("\"verdict\":\"ISSUED\""), result::toString);
        assertFalse(Files.exists(cli.workingDirectory.resolve("-")));
    }

    @Test
    void batchProgress_followsStderrAndTheOption() throws Exception {
        Files.writeString(cli.workingDirectory.resolve("people.csv"), "doc,number,colour\nCNID,11010519491231002X,green\n");

        Cli.Result pipe = cli.run("batch", "people.csv", "--home", "home");
        Cli.Result always = cli.run("batch", "people.csv", "--home", "home", "--progress=always");
        cli.stderrIsTerminal = true;
        Cli.Result auto = cli.run("batch", "people.csv", "--home", "home");
        Cli.Result never = cli.run("batch", "people.csv", "--home", "home", "--progress", "never");

        assertFalse(pipe.err().contains("\r"), pipe::toString);
        assertTrue(always.err().startsWith("\r"), always::toString);
        assertTrue(auto.err().startsWith("\r"), auto::toString);
        assertFalse(never.err().contains("\r"), never::toString);
        assertTrue(never.err().contains("rows: 1, issued: 1, failed: 0"), never::toString);
    }

    @Test
    void badValidity_isInvalidInputNamingTheGrammar() {
        Cli.Result result = cli.run(with(ISSUE, "--validity", "90"));

        assertEquals(ExitCode.INVALID_INPUT.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("no unit") && result.err().contains("1h30m"), result::toString);
    }

    @Test
    void missingInput_isTheSameIoErrorAsInGlVerify() {
        Cli.Result result = cli.run("batch", "absent.csv", "--home", "home");

        assertEquals(3, result.exitCode(), result::toString);
        assertEquals(ExitCode.IO_ERROR.code(), result.exitCode());
    }

    @Test
    void noHome_isNotConfiguredAsNoTrustIsInGlVerify() {
        Cli.Result result = cli.run("issue", "--home", "nowhere", "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "green");

        assertEquals(7, result.exitCode(), result::toString);
        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode());
    }

    /** main builds only the invoked command's model (Tools.commandLine(root, args)): it must behave as the whole model. */
    @Test
    void eachCommand_helpAndUsageErrorsAsWithTheWholeModel() {
        CommandLine whole = Tools.commandLine(new IssuerCli());
        for (String name : whole.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-option"}}) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit = Tools.commandLine(new IssuerCli()).setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true)).execute(args);
                Cli.Result oneCommand = cli.run(args);

                assertEquals(exit, oneCommand.exitCode(), String.join(" ", args));
                assertEquals(out.toString(), oneCommand.out(), String.join(" ", args));
                assertEquals(err.toString(), oneCommand.err(), String.join(" ", args));
            }
            assertEquals(1, Tools.commandLine(new IssuerCli(), new String[] {name}).getSubcommands().size(), name);
        }
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
