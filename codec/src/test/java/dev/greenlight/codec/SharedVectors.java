package dev.greenlight.codec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.params.provider.Arguments;

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

    /**
     * For a {@code @RegisterExtension} field: skips the whole class at once, with one message, when
     * the file is absent (fails it under {@code CI=true}), rather than each of its tests.
     */
    public static BeforeAllCallback required(String fileName) {
        return context -> wycheproof(fileName);
    }

    /**
     * The cases of a Wycheproof file, for a {@code @MethodSource}: one argument per test, named by
     * its tcId, result, flags and comment, so that a failure says which case it was.
     *
     * @param toCase the argument of a test, from its group and the test; null leaves the test out
     */
    public static Stream<Arguments> wycheproofCases(String fileName, BiFunction<JsonNode, JsonNode, Object> toCase) {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode group : wycheproof(fileName).get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                Object argument = toCase.apply(group, test);
                if (argument != null) {
                    String name = "tcId " + test.get("tcId").asInt() + " " + test.get("result").asText() + " " + flags(test)
                            + " " + test.get("comment").asText();
                    cases.add(Arguments.of(Named.of(name, argument)));
                }
            }
        }
        return cases.stream();
    }

    /** The flags of a Wycheproof test, such as {@code CompressedPublic}; empty if it has none. */
    public static List<String> flags(JsonNode test) {
        List<String> flags = new ArrayList<>();
        test.path("flags").forEach(flag -> flags.add(flag.asText()));
        return flags;
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
