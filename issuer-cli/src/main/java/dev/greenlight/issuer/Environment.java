package dev.greenlight.issuer;

import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the tool takes from the machine it runs on, gathered in one place so that tests can pin it:
 * the clock, environment variables, the user's home, the working directory, the console, the
 * source of randomness, and standard input.
 */
public record Environment(Clock clock, Map<String, String> variables, Path userHome, Path workingDirectory,
                          Console console, SecureRandom random, InputStream stdin) {

    public Environment {
        Objects.requireNonNull(clock, "clock");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(stdin, "stdin");
    }

    public static Environment system() {
        Map<String, String> variables = System.getenv();
        return new Environment(Clock.systemUTC(), variables, userHome(variables, System.getProperty("user.home")),
                Path.of("").toAbsolutePath(), System.console(), new SecureRandom(), System.in);
    }

    /**
     * The user's home as Unix tools see it: {@code $HOME} when it is an absolute path, else Java's
     * {@code user.home}. Java takes {@code user.home} from the password file, which under sudo, in
     * containers and in CI is often someone else's home (or {@code /}); {@code $HOME} is the one the
     * caller means. {@code $GREENLIGHT_HOME} still comes first ({@link IssuerHome#locate}).
     */
    static Path userHome(Map<String, String> variables, String userHomeProperty) {
        String home = variables.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(userHomeProperty);
    }

    public String variable(String name) {
        return variables.get(name);
    }

    /** Paths given on the command line are relative to the working directory. */
    public Path resolve(Path path) {
        return workingDirectory.resolve(path);
    }
}
