package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which home the tool uses: {@code $HOME} as Unix tools do, not the password file's, and the Greenlight variable first. */
class EnvironmentTest {

    private static final String PASSWORD_FILE_HOME = "/home/someone-else";

    @Test
    void userHome_homeVariableSet_isUsedRatherThanUserHomeProperty() {
        assertEquals(Path.of("/tmp/ci-home"), Environment.userHome(Map.of("HOME", "/tmp/ci-home"), PASSWORD_FILE_HOME));
    }

    @Test
    void userHome_homeVariableMissingBlankOrRelative_fallsBackToUserHomeProperty() {
        assertEquals(Path.of(PASSWORD_FILE_HOME), Environment.userHome(Map.of(), PASSWORD_FILE_HOME));
        assertEquals(Path.of(PASSWORD_FILE_HOME), Environment.userHome(Map.of("HOME", " "), PASSWORD_FILE_HOME));
        assertEquals(Path.of(PASSWORD_FILE_HOME), Environment.userHome(Map.of("HOME", "relative/dir"), PASSWORD_FILE_HOME));
    }

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
        return new Environment(Clock.systemUTC(), variables, Environment.userHome(variables, PASSWORD_FILE_HOME),
                Path.of("/work"), null, new SecureRandom(), new ByteArrayInputStream(new byte[0]));
    }
}
