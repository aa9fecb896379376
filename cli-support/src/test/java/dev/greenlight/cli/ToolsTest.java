package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class ToolsTest {

    @Command(name = "gl-test", mixinStandardHelpOptions = true, subcommands = {Check.class, Other.class, CommandLine.HelpCommand.class})
    static final class Tool extends ToolCommand {
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Checks.")
    @ExitCodes({ExitCode.OK, ExitCode.SOME_FAILED, ExitCode.IO_ERROR})
    static final class Check extends BaseCommand {
        @Parameters(index = "0", arity = "0..1")
        String code;

        @Option(names = "--fail")
        String fail;

        @Override
        protected ExitCode run() {
            if ("known".equals(fail)) {
                throw new CliException(ExitCode.IO_ERROR, "cannot read x");
            }
            if ("domain".equals(fail)) {
                throw new IllegalStateException("domain failure");
            }
            if ("bug".equals(fail)) {
                throw new NullPointerException("boom");
            }
            out().println("checked " + code);
            return ExitCode.OK;
        }

        @Override
        protected CliException translate(RuntimeException failure) {
            return failure instanceof IllegalStateException ? new CliException(ExitCode.KEY_ERROR, failure.getMessage()) : null;
        }
    }

    @Command(name = "other", aliases = "o", mixinStandardHelpOptions = true, description = "Another command.")
    static final class Other extends BaseCommand {
        @Override
        protected ExitCode run() {
            out().println("other");
            return ExitCode.OK;
        }
    }

    record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Tools.commandLine(new Tool(), args).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void unknownOption_oneLineAndAHint() {
        Result result = run("check", "--foo");

        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        assertEquals("gl-test: Unknown option: '--foo'. See 'gl-test check --help'.", result.err().lines().findFirst().orElseThrow());
        assertTrue(result.err().lines().count() <= 2, result.err());
        assertTrue(!result.err().contains("Usage:"), result.err());
    }

    @Test
    void extraPositional_saysToQuoteAValueWithSpaces() {
        Result result = run("check", "GL1:AB", "CD");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("quoted"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void cliException_isItsMessageAndCode() {
        Result result = run("check", "--fail", "known");

        assertEquals(ExitCode.IO_ERROR.code(), result.exitCode());
        assertEquals("gl-test check: cannot read x\n", result.err());
    }

    @Test
    void translatedFailure_isItsMessageAndCode() {
        Result result = run("check", "--fail", "domain");

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode());
        assertEquals("gl-test check: domain failure\n", result.err());
    }

    @Test
    void unexpectedException_isInternalErrorWithTheStackTrace() {
        Result result = run("check", "--fail", "bug");

        assertEquals(70, result.exitCode());
        assertTrue(result.err().startsWith("gl-test check: internal error: java.lang.NullPointerException: boom"), result.err());
        assertTrue(result.err().contains("\tat "), result.err());
    }

    @Test
    void help_listsTheCommandsCodesAndUsageAndInternalError() {
        Result result = run("check", "--help");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("Exit codes:"), result.out());
        for (ExitCode code : new ExitCode[] {ExitCode.OK, ExitCode.SOME_FAILED, ExitCode.USAGE, ExitCode.IO_ERROR,
            ExitCode.INTERNAL_ERROR}) {
            assertTrue(result.out().lines().anyMatch(l -> l.matches("\\s+" + code.code() + "\\s+" + java.util.regex.Pattern.quote(code.help().substring(0, 12)) + ".*")),
                    code + " in " + result.out());
        }
        assertTrue(result.out().lines().noneMatch(l -> l.matches("\\s+6\\s+.*")), result.out());
    }

    @Test
    void helpCommand_showsTheCommandsHelp() {
        Result result = run("help", "check");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("Usage: gl-test check"), result.out());
    }

    @Test
    void noCommand_usageOnStderrAndUsageCode() {
        Result result = run();

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Usage: gl-test"), result.err());
    }

    @Test
    void commandLineForArgs_namedSubcommand_buildsOnlyItsModel() {
        assertEquals(Set.of("check"), Tools.commandLine(new Tool(), new String[] {"check", "x"}).getSubcommands().keySet());
        assertEquals(Set.of("other", "o"), Tools.commandLine(new Tool(), new String[] {"o"}).getSubcommands().keySet());
    }

    @Test
    void commandLineForArgs_helpUnknownOrNoCommand_buildsTheWholeModel() {
        Set<String> all = Set.of("check", "other", "o", "help");
        for (String[] args : new String[][] {{}, {"help", "check"}, {"chek"}, {"--help"}, {"--version"}}) {
            assertEquals(all, Tools.commandLine(new Tool(), args).getSubcommands().keySet(), String.join(" ", args));
        }
    }

    @Test
    void commandLineForArgs_misspeltCommand_suggestsTheRightOne() {
        Result result = run("chek");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Did you mean: check"), result.err());
    }

    @Test
    void commandLineForArgs_sameHelpAndErrorsAsTheWholeModel() {
        for (String[] args : new String[][] {{"check", "--help"}, {"check", "--foo"}, {"check", "--fail", "known"}, {"o"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Tools.commandLine(new Tool()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
            Result oneCommand = run(args);

            assertEquals(new Result(exit, out.toString(), err.toString()), oneCommand, String.join(" ", args));
        }
    }
}
