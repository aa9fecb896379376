package dev.greenlight.codec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The conformance vectors in {@code ../shared/vectors/} beside the repository. They are not
 * copied into the project; where the folder is absent (a plain clone), tests that need them are
 * skipped with a message that names the folder, except under {@code CI=true}, where a missing
 * folder fails the test: a CI build that silently ran none of the conformance vectors would be
 * green for nothing.
 */
public final class SharedVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedVectors() {
    }

    public static Path wycheproofDir() {
        String configured = System.getProperty("greenlight.shared.dir");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        return shared.resolve("vectors").resolve("wycheproof").toAbsolutePath().normalize();
    }

    /**
     * Reads a Wycheproof file; when it is absent, skips the calling test, or fails it under
     * {@code CI=true}.
     */
    public static JsonNode wycheproof(String fileName) {
        return wycheproof(wycheproofDir().resolve(fileName), System.getenv());
    }

    static JsonNode wycheproof(Path file, Map<String, String> env) {
        if (!Files.isRegularFile(file)) {
            String where = "Wycheproof vectors not found at " + file
                    + " (they live in ../shared/vectors/wycheproof beside the repository)";
            if ("true".equalsIgnoreCase(env.get("CI"))) {
                throw new AssertionError(where + ": under CI=true a missing vector folder fails the build");
            }
            // Surefire does not print assumption messages: say it where a reader of the build log looks.
            String message = "Skipped: " + where;
            System.err.println(message);
            assumeTrue(false, message);
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
