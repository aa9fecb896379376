package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed seed corpus is exactly what {@link FuzzCorpusWriter} writes today. Without this, a
 * change of a key's encoding left seeds named "valid" that no loader accepts, and nobody noticed
 * until the writer was run again.
 */
class FuzzCorpusWriterTest {

    private static final Path COMMITTED = Path.of("src", "test", "resources");

    @Test
    void main_rewritesTheCommittedSeedsByteForByte(@TempDir Path written) throws Exception {
        FuzzCorpusWriter.main(new String[] {written.toString()});

        TreeSet<String> different = new TreeSet<>();
        for (String seed : seeds(written)) {
            Path committed = COMMITTED.resolve(seed);
            if (!Files.isRegularFile(committed)
                    || !Arrays.equals(Files.readAllBytes(written.resolve(seed)), Files.readAllBytes(committed))) {
                different.add(seed);
            }
        }
        // A committed seed the writer no longer writes is stale too; fuzzer findings are not named seed-*.
        TreeSet<String> stale = new TreeSet<>(seeds(COMMITTED));
        stale.removeAll(seeds(written));

        assertEquals(List.of(), List.copyOf(different), "differ from the writer's: run FuzzCorpusWriter (see its Javadoc)");
        assertEquals(List.of(), List.copyOf(stale), "committed, but no longer written");
    }

    private static TreeSet<String> seeds(Path root) throws IOException {
        TreeSet<String> seeds = new TreeSet<>();
        for (String target : List.of("FuzzCodecTestInputs", "FuzzKeyLoadingTestInputs", "revocation/FuzzRevocationListTestInputs")) {
            Path directory = root.resolve("dev/greenlight/codec").resolve(target);
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(file -> file.getFileName().toString().startsWith("seed-"))
                        .forEach(file -> seeds.add(root.relativize(file).toString()));
            }
        }
        return seeds;
    }
}
