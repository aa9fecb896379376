package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.UserHome;
import java.io.Console;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the tool takes from the machine it runs on, gathered in one place so that tests can pin it:
 * the clock, environment variables, the user's home ({@link UserHome}: {@code $HOME} first), the working directory, the console, the
 * source of randomness, standard input, standard output as bytes (for {@code --png -}), and
 * which streams are terminals.
 */
public record Environment(Clock clock, Map<String, String> variables, Path userHome, Path workingDirectory,
                          Console console, SecureRandom random, InputStream stdin, OutputStream stdout,
                          Terminal terminal) {

    public Environment {
        Objects.requireNonNull(clock, "clock");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(terminal, "terminal");
    }

    public static Environment system() {
        Map<String, String> variables = System.getenv();
        return new Environment(Clock.systemUTC(), variables, UserHome.of(variables, System.getProperty("user.home")),
                Path.of("").toAbsolutePath(), System.console(), new SecureRandom(), System.in, System.out,
                Terminal.detect(variables));
    }

    public String variable(String name) {
        return variables.get(name);
    }

    /** Paths given on the command line are relative to the working directory. */
    public Path resolve(Path path) {
        return workingDirectory.resolve(path);
    }

    /**
     * Where a home directory of the tools is: the option, else the environment variable, else
     * {@code ~/.greenlight/NAME}. One rule for the issuer's and the trust authority's homes.
     *
     * @param option the command's option, or null
     * @param variable the environment variable's name
     * @param name the directory under {@code ~/.greenlight}
     * @return the directory, resolved against the working directory
     */
    public Path locateHome(Path option, String variable, String name) {
        if (option != null) {
            return resolve(option);
        }
        String value = variable(variable);
        if (value != null && !value.isBlank()) {
            return resolve(AtomicOutput.requireDirectoryName(Path.of(value), "$" + variable));
        }
        return userHome().resolve(".greenlight").resolve(name);
    }
}
