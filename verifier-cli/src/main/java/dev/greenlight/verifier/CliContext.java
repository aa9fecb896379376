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
        Map<String, String> env = System.getenv();
        return new CliContext(Clock.systemUTC(), System.in, env, userHome(env, System.getProperty("user.home")),
                Terminals.isTerminal(1), Terminals.isTerminal(2), Runtime.getRuntime().availableProcessors());
    }

    /**
     * The user's home as Unix tools see it: {@code $HOME} when it is an absolute path, else Java's
     * {@code user.home}, which Java takes from the password file: under sudo, in containers and in CI
     * that is often someone else's home. {@code $GREENLIGHT_TRUST} still comes first ({@link TrustOptions}).
     */
    static Path userHome(Map<String, String> env, String userHomeProperty) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(userHomeProperty);
    }

    /** ANSI colour on stdout: only on a terminal, and never when the NO_COLOR convention asks. */
    boolean colourOnStdout() {
        return stdoutIsTerminal && !env.containsKey("NO_COLOR");
    }

    boolean colourOnStderr() {
        return stderrIsTerminal && !env.containsKey("NO_COLOR");
    }
}
