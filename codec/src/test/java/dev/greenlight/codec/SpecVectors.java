package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The specification's vectors in {@code specs/vectors/} of this repository (the Wycheproof vectors
 * beside it are {@link SharedVectors}'): where they are, how a test reads them and names their
 * cases, and the one check that each committed file is exactly what its generator writes, shared
 * by the tests of the code, trust-list and revocation vectors.
 */
public final class SpecVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecVectors() {
    }

    /** {@code ../specs/vectors}, or the {@code vectors} folder of {@code -Dgreenlight.specs.dir}. */
    public static Path dir() {
        String configured = System.getProperty("greenlight.specs.dir");
        return (configured != null ? Path.of(configured) : Path.of("..", "specs")).resolve("vectors");
    }

    /** A committed vector file, read as JSON. */
    public static JsonNode read(String file) {
        try {
            return JSON.readTree(dir().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read spec vector file " + dir().resolve(file), e);
        }
    }

    /** The cases of a JSON array for a {@code @MethodSource}, each named by its {@code id}. */
    public static Stream<Named<JsonNode>> byId(JsonNode cases) {
        return named(cases, c -> c.get("id").asText());
    }

    /** The cases of a JSON array for a {@code @MethodSource}, each named as {@code name} says. */
    public static Stream<Named<JsonNode>> named(JsonNode cases, Function<JsonNode, String> name) {
        List<Named<JsonNode>> named = new ArrayList<>();
        cases.forEach(c -> named.add(Named.of(name.apply(c), c)));
        return named.stream();
    }

    /**
     * Asserts that each committed file is exactly what a generator produced; with
     * {@code -Dgreenlight.vectors.write=true}, writes them first (after a deliberate format change,
     * to be reviewed in the diff).
     *
     * @param generated the text of each file, by its name in {@link #dir()}
     */
    public static void assertCommittedFilesEqual(Map<String, String> generated) throws IOException {
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path committed = dir().resolve(file.getKey());
            if (Boolean.getBoolean("greenlight.vectors.write")) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, file.getValue());
            }
            assertTrue(Files.isRegularFile(committed), () -> "Missing spec vector file " + committed);
            assertEquals(file.getValue(), Files.readString(committed),
                    () -> committed + " differs from what the code produces: a format change must update the spec "
                            + "(regenerate with -Dgreenlight.vectors.write=true and review the diff)");
        }
    }
}
