package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which home both tools use: {@code $HOME} as Unix tools do, not the password file's. */
class UserHomeTest {

    private static final String PASSWORD_FILE_HOME = "/home/someone-else";

    @Test
    void of_homeVariableSet_isUsedRatherThanUserHomeProperty() {
        assertEquals(Path.of("/tmp/ci-home"), UserHome.of(Map.of("HOME", "/tmp/ci-home"), PASSWORD_FILE_HOME));
    }

    @Test
    void of_homeVariableMissingEmptyBlankOrRelative_fallsBackToUserHomeProperty() {
        assertEquals(Path.of(PASSWORD_FILE_HOME), UserHome.of(Map.of(), PASSWORD_FILE_HOME));
        assertEquals(Path.of(PASSWORD_FILE_HOME), UserHome.of(Map.of("HOME", ""), PASSWORD_FILE_HOME));
        assertEquals(Path.of(PASSWORD_FILE_HOME), UserHome.of(Map.of("HOME", " "), PASSWORD_FILE_HOME));
        assertEquals(Path.of(PASSWORD_FILE_HOME), UserHome.of(Map.of("HOME", "relative/dir"), PASSWORD_FILE_HOME));
    }
}
