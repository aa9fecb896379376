package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.Tools;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What gl-verify shares with gl-issue through cli-support, seen from outside. */
class CommandLineConventionsTest {

    private final Path dir;
    private final Fixtures fx;

    CommandLineConventionsTest(@TempDir Path dir) throws IOException {
        this.dir = dir;
        this.fx = new Fixtures(dir);
    }

    @Test
    void unknownOption_oneLineWithAHintNotTheWholeHelp() {
        Fixtures.Result result = fx.run("verify", "--foo");

        assertEquals(ExitCode.USAGE.code(), result.exitCode());
        assertEquals("", result.out());
        assertEquals("gl-verify: Unknown option: '--foo'. See 'gl-verify verify --help'.",
                result.err().lines().findFirst().orElseThrow(), result.err());
        assertFalse(result.err().contains("Usage:"), result.err());
    }

    @Test
    void unquotedCodeWithASpace_saysToQuoteIt() {
        IssuedCode code = fx.issueWithSpace();
        String[] words = code.text().split(" ", 2);

        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), words[0], words[1]);

        assertEquals(ExitCode.USAGE.code(), result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("must be quoted"), result.err());
    }

    @Test
    void unquotedCodeWhoseSecondPartStartsWithADash_saysToQuoteIt() {
        // '-' is a Base45 character: the word after the space can look like an option.
        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "GL1:6BFOXN", "-8KZ*NK%2");

        assertEquals(ExitCode.USAGE.code(), result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("must be quoted"), result.err());
    }

    @Test
    void unknownLowerCaseOption_getsNoQuoteHint() {
        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--trsut", "GL1:6BFOXN");

        assertEquals(ExitCode.USAGE.code(), result.exitCode());
        assertFalse(result.err().contains("must be quoted"), result.err());
    }

    @Test
    void badNow_saysWhichFormatItWants() {
        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--now", "yesterday", "x");

        assertEquals(ExitCode.USAGE.code(), result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("'yesterday' is not an instant") && result.err().contains("2026-03-01T08:00:00Z"),
                result.err());
    }

    @Test
    void badDuration_saysWhichFormsItTakes() {
        Fixtures.Result result = fx.run("scan", "--trust", fx.jwks.toString(), "--repeat-window", "60");

        assertEquals(ExitCode.USAGE.code(), result.exitCode());
        assertTrue(result.err().contains("no unit") && result.err().contains("90s"), result.err());
    }

    @Test
    void helpCommand_works() {
        Fixtures.Result root = fx.run("help");
        Fixtures.Result verify = fx.run("help", "verify");

        assertEquals(0, root.exitCode(), root.err());
        assertTrue(root.out().contains("Usage: gl-verify"), root.out());
        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().contains("Usage: gl-verify verify"), verify.out());
        assertTrue(verify.out().lines().anyMatch(l -> l.matches("\\s+70\\s+internal error.*")), verify.out());
    }

    @Test
    void imageDash_readsTheImageFromStdin() throws IOException {
        IssuedCode code = fx.issue(Colour.GREEN);
        Path png = dir.resolve("code.png");
        Fixtures.writePng(Fixtures.render(code.text(), 4), png);
        CliContext context = Fixtures.context(Fixtures.NOW, new ByteArrayInputStream(Files.readAllBytes(png)), Map.of(),
                dir.resolve("home"));

        Fixtures.Result result = Fixtures.run(context, "verify", "--trust", fx.jwks.toString(), "--image", "-");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("VALID"), result.out());
    }

    @Test
    void imageDash_notAnImage_isTheSameIoErrorAsInGlIssue() {
        Fixtures.Result result = Fixtures.run(fx.context("not an image"), "verify", "--trust", fx.jwks.toString(),
                "--image", "-");

        assertEquals(3, result.exitCode(), result.out());
        assertEquals(ExitCode.IO_ERROR.code(), result.exitCode());
    }

    @Test
    void bulkOutputDash_isStdout() {
        String code = fx.issue(Colour.GREEN).text() + "\n";

        Fixtures.Result result = Fixtures.run(fx.context(code + code), "bulk", "--trust", fx.jwks.toString(), "-o", "-", "-");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(2, result.outLines().size(), result.out());
        assertFalse(Files.exists(Path.of("-")));
    }

    @Test
    void bulkProgress_neverOnATerminal_drawsNothing() {
        String code = fx.issue(Colour.GREEN).text() + "\n";
        CliContext terminal = new CliContext(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC),
                new ByteArrayInputStream(code.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Map.of(), dir.resolve("home"),
                new Terminal(false, true, true), 2);

        Fixtures.Result result = Fixtures.run(terminal, "bulk", "--trust", fx.jwks.toString(), "--progress=never", "-");

        assertEquals(0, result.exitCode(), result.err());
        assertFalse(result.err().contains("\r"), result.err());
        assertTrue(result.err().contains("1 records in"), result.err());
    }

    @Test
    void verify_stdoutATerminal_colourUnlessNoColour() {
        String code = fx.issue(Colour.GREEN).text();

        Fixtures.Result coloured = Fixtures.run(onTerminal(Map.of()), "verify", "--trust", fx.jwks.toString(), code);
        Fixtures.Result plain = Fixtures.run(onTerminal(Map.of("NO_COLOR", "1")), "verify", "--trust", fx.jwks.toString(), code);

        assertTrue(coloured.out().contains("\u001b["), coloured.out());
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().startsWith("VALID  GREEN"), plain.out());
        assertFalse(plain.out().contains("\u001b"), plain.out());
    }

    @Test
    void noTrust_isNotConfiguredAsNoIssuerHomeIsInGlIssue() {
        Fixtures.Result result = fx.run("verify", fx.issue(Colour.GREEN).text());

        assertEquals(7, result.exitCode(), result.err());
        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode());
    }

    private CliContext onTerminal(Map<String, String> env) {
        return new CliContext(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), new ByteArrayInputStream(new byte[0]), env,
                dir.resolve("home"), Terminal.of(true, true, env), 2);
    }

    /** main builds only the invoked command's model (Tools.commandLine(root, args)): it must behave as the whole model. */
    @Test
    void eachCommand_helpAndUsageErrorsAsWithTheWholeModel() {
        CommandLine whole = Tools.commandLine(new VerifierCli(fx.context("")));
        for (String name : whole.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-option"}}) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit = Tools.commandLine(new VerifierCli(fx.context(""))).setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true)).execute(args);
                Fixtures.Result oneCommand = Fixtures.run(fx.context(""), args);

                assertEquals(exit, oneCommand.exitCode(), String.join(" ", args));
                assertEquals(out.toString(), oneCommand.out(), String.join(" ", args));
                assertEquals(err.toString(), oneCommand.err(), String.join(" ", args));
            }
            assertEquals(1, Tools.commandLine(new VerifierCli(fx.context("")), new String[] {name}).getSubcommands().size(), name);
        }
    }
}
