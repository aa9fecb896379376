package dev.greenlight.verifier;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the process: the clock, stdin, the environment, the home directory
 * and whether stdout and stderr are terminals. Injected so that tests run commands as black boxes
 * with a fixed clock, an in-memory stdin and a private home, without touching the real process.
 *
 * @param threads how many worker threads bulk verification uses by default
 */
record CliContext(Clock clock, InputStream stdin, Map<String, String> env, Path userHome,
                  boolean stdoutIsTerminal, boolean stderrIsTerminal, int threads) {

    CliContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stdin, "stdin");
        env = Map.copyOf(env);
        Objects.requireNonNull(userHome, "userHome");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    static CliContext ofProcess() {
        return new CliContext(Clock.systemUTC(), System.in, System.getenv(), Path.of(System.getProperty("user.home")),
                Terminals.isTerminal(1), Terminals.isTerminal(2), Runtime.getRuntime().availableProcessors());
    }

    /** ANSI colour on stdout: only on a terminal, and never when the NO_COLOR convention asks. */
    boolean colourOnStdout() {
        return stdoutIsTerminal && !env.containsKey("NO_COLOR");
    }

    boolean colourOnStderr() {
        return stderrIsTerminal && !env.containsKey("NO_COLOR");
    }
}
