package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.codec.Colour;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulk -o}: never over an existing file without --force, private, and no temporary file left behind. */
class BulkOutputFileTest {

    @TempDir
    Path dir;

    private Fixtures fx;
    private Path input;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
        input = dir.resolve("codes.txt");
        Files.writeString(input, fx.issue(Colour.GREEN).text() + "\n");
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList();
        }
    }

    @Test
    void bulk_outputExistsWithoutForce_exitsFourAndLeavesTheFile() throws IOException {
        Path output = dir.resolve("out.jsonl");
        Files.writeString(output, "precious\n");

        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), "--quiet", "-o", output.toString(), input.toString());

        assertEquals(4, result.exitCode(), result.err());
        assertTrue(result.err().contains("--force"), result.err());
        assertEquals("precious\n", Files.readString(output));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void bulk_outputExistsWithForce_isReplaced() throws IOException {
        Path output = dir.resolve("out.jsonl");
        Files.writeString(output, "precious\n");

        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), "--quiet", "--force", "-o", output.toString(),
                input.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.readString(output).startsWith("{\"schema\":\"greenlight.record/1\""), Files.readString(output));
    }

    @Test
    void bulk_output_isOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path output = dir.resolve("out.jsonl");

        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), "--quiet", "-o", output.toString(), input.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)),
                "records hold identity hashes");
    }

    @Test
    void bulk_sigtermWhileWritingALargeOutput_leavesNoTemporaryOrPartialFile() throws Exception {
        String code = fx.issue(Colour.GREEN).text();
        Path large = dir.resolve("large.txt");
        try (BufferedWriter writer = Files.newBufferedWriter(large)) {
            for (int i = 0; i < 200_000; i++) {
                writer.write(code);
                writer.write('\n');
            }
        }
        Path output = dir.resolve("large.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                VerifierCli.class.getName(), "bulk", "--trust", fx.jwks.toString(), "--threads", "1", "--quiet",
                "-o", output.toString(), large.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (leftovers().isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(child.isAlive(), "the child should still be writing: " + Files.readString(dir.resolve("child.log")));
            assertFalse(leftovers().isEmpty(), "the child writes into a temporary file");
            Thread.sleep(200);

            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child ends on SIGTERM");
        } finally {
            child.destroyForcibly();
        }

        assertNotEquals(0, child.exitValue());
        assertEquals(List.of(), leftovers(), "the shutdown hook removed the temporary file");
        assertFalse(Files.exists(output), "no partial output under the target's name");
    }
}
