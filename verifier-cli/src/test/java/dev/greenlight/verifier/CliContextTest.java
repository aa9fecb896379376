package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.cli.UserHome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where gl-verify looks for trusted keys: under {@code $HOME} ({@link UserHome}), the Greenlight variable first. */
class CliContextTest {

    private static final String PASSWORD_FILE_HOME = "/home/someone-else";

    @TempDir
    Path dir;

    @Test
    void trustPaths_homeVariable_defaultTrustFolderUnderIt() throws Exception {
        Path trust = Files.createDirectories(dir.resolve(".greenlight/trust"));
        Map<String, String> env = Map.of("HOME", dir.toString());

        assertEquals(List.of(trust), new TrustOptions().trustPaths(context(env)));
    }

    @Test
    void trustPaths_greenlightVariableAndHome_greenlightVariableWins() throws Exception {
        Files.createDirectories(dir.resolve(".greenlight/trust"));
        Map<String, String> env = Map.of("HOME", dir.toString(), TrustOptions.ENV_TRUST, "/srv/trust.jwks");

        assertEquals(List.of(Path.of("/srv/trust.jwks")), new TrustOptions().trustPaths(context(env)));
    }

    private static CliContext context(Map<String, String> env) throws IOException {
        return Fixtures.context(Fixtures.NOW, new ByteArrayInputStream(new byte[0]), env,
                UserHome.of(env, PASSWORD_FILE_HOME));
    }
}
