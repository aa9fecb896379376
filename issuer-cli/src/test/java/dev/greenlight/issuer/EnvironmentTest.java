package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.UserHome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where gl-issue looks for its home: under {@code $HOME} ({@link UserHome}), the Greenlight variable first. */
class EnvironmentTest {

    private static final String PASSWORD_FILE_HOME = "/home/someone-else";

    @Test
    void locate_homeVariable_defaultIssuerHomeUnderIt() {
        Environment environment = environment(Map.of("HOME", "/tmp/ci-home"));

        assertEquals(Path.of("/tmp/ci-home/.greenlight/issuer"), IssuerHome.locate(null, environment));
    }

    @Test
    void locate_greenlightVariableAndHome_greenlightVariableWins() {
        Environment environment = environment(Map.of("HOME", "/tmp/ci-home",
                IssuerHome.ENVIRONMENT_VARIABLE, "/srv/issuer"));

        assertEquals(Path.of("/srv/issuer"), IssuerHome.locate(null, environment));
    }

    private static Environment environment(Map<String, String> variables) {
        return new Environment(Clock.systemUTC(), variables, UserHome.of(variables, PASSWORD_FILE_HOME),
                Path.of("/work"), null, new SecureRandom(), new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), Terminal.NONE);
    }
}
