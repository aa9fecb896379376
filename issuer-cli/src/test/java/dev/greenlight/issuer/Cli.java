package dev.greenlight.issuer;

import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.Tools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs gl-issue in-process, as a black box: arguments in; exit code, stdout and stderr out. */
final class Cli {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    final Path workingDirectory;
    final Path userHome;
    final Map<String, String> variables = new HashMap<>();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    byte[] stdin = new byte[0];
    /** Instead of {@link #stdin}, for an input that must fail or arrive late. */
    InputStream stdinStream;
    boolean stdoutIsTerminal;
    boolean stderrIsTerminal;

    Cli(Path temporaryDirectory) throws IOException {
        this.workingDirectory = Files.createDirectories(temporaryDirectory.resolve("work"));
        this.userHome = Files.createDirectories(temporaryDirectory.resolve("user-home"));
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stdoutBytes = new ByteArrayOutputStream();
        Environment environment = new Environment(clock, variables, userHome, workingDirectory, null, new SecureRandom(),
                stdinStream != null ? stdinStream : new ByteArrayInputStream(stdin), stdoutBytes, Terminal.of(stdoutIsTerminal, stderrIsTerminal, variables));
        int exitCode = Tools.commandLine(new IssuerCli(environment), args)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(exitCode, out.toString(), err.toString(), stdoutBytes.toByteArray());
    }

    /** A home in the working directory, created with {@code init}. */
    Path initHome() {
        Result result = run("init", "--home", "home");
        if (result.exitCode() != 0) {
            throw new AssertionError("init failed: " + result);
        }
        return workingDirectory.resolve("home");
    }

    /** {@code out} is what the commands print; {@code stdoutBytes} what they write raw to stdout ({@code --png -}). */
    record Result(int exitCode, String out, String err, byte[] stdoutBytes) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }
}
