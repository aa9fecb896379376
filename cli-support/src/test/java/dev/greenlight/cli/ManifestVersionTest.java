package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Outside a jar there is no manifest; DistributionIT checks the version and commit of the real jars. */
class ManifestVersionTest {

    static final class Nested extends ManifestVersion {
        Nested() {
            super("gl-test");
        }
    }

    @Test
    void getVersion_classesOutsideAJar_sayDevelopmentBuild() {
        assertArrayEquals(new String[] {"gl-test (development build)"}, new Nested().getVersion());
    }
}
