package dev.greenlight.verifier;

import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.UserHome;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the process: the clock, stdin, the environment, the home directory
 * and which streams are terminals ({@link Terminal}, which also says whether colour is allowed).
 * Injected so that tests run commands as black boxes with a fixed clock, an in-memory stdin and a
 * private home, without touching the real process.
 *
 * @param threads how many worker threads bulk verification uses by default
 */
record CliContext(Clock clock, InputStream stdin, Map<String, String> env, Path userHome,
                  Terminal terminal, int threads) {

    CliContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stdin, "stdin");
        env = Map.copyOf(env);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(terminal, "terminal");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    static CliContext ofProcess() {
        Map<String, String> env = System.getenv();
        return new CliContext(Clock.systemUTC(), System.in, env, UserHome.of(env, System.getProperty("user.home")),
                Terminal.detect(env), Runtime.getRuntime().availableProcessors());
    }

    /** ANSI colour on stdout: only on a terminal, and never under NO_COLOR or TERM=dumb. */
    boolean colourOnStdout() {
        return terminal.colourOnStdout();
    }
}
