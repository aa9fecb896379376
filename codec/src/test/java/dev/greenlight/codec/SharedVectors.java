package dev.greenlight.codec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The conformance vectors in {@code ../shared/vectors/} beside the repository. They are not
 * copied into the project; where the folder is absent (a plain clone), tests that need them are
 * skipped with a message that names the folder.
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

    /** Reads a Wycheproof file, or skips the calling test when the shared folder is absent. */
    public static JsonNode wycheproof(String fileName) {
        Path file = wycheproofDir().resolve(fileName);
        if (!Files.isRegularFile(file)) {
            // Surefire does not print assumption messages: say it where a reader of the build log looks.
            String message = "Skipped: Wycheproof vectors not found at " + file
                    + " (they live in ../shared/vectors/wycheproof beside the repository)";
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
