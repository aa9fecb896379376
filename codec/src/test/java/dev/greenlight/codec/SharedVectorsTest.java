package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** A missing vector folder skips a test on a developer's machine, and fails it in CI, where a skip would hide it. */
class SharedVectorsTest {

    @TempDir
    Path dir;

    @Test
    void wycheproof_missingFileUnderCi_failsNamingTheFile() {
        Path missing = dir.resolve("no-such-folder").resolve("vectors.json");

        AssertionError e = assertThrows(AssertionError.class,
                () -> SharedVectors.wycheproof(missing, Map.of("CI", "true")));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
    }

    @Test
    void wycheproof_missingFileLocally_skips() {
        Path missing = dir.resolve("no-such-folder").resolve("vectors.json");

        assertThrows(TestAbortedException.class, () -> SharedVectors.wycheproof(missing, Map.of()));
        assertThrows(TestAbortedException.class, () -> SharedVectors.wycheproof(missing, Map.of("CI", "false")));
    }

    @Test
    void wycheproof_presentFileUnderCi_isRead() throws IOException {
        Path file = Files.writeString(dir.resolve("vectors.json"), "{\"numberOfTests\":0}");

        assertEquals(0, SharedVectors.wycheproof(file, Map.of("CI", "true")).get("numberOfTests").asInt());
    }
}
