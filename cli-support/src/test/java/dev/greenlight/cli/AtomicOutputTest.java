package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path temp;

    @Test
    void commit_renamesTheWholeContentOntoTheTarget() throws IOException {
        Path target = temp.resolve("out.jsonl");
        try (AtomicOutput output = AtomicOutput.open(target, false, false)) {
            output.stream().write("a\n".getBytes(StandardCharsets.UTF_8));
            assertFalse(Files.exists(target), "nothing under the target's name before the commit");
            output.commit();
        }

        assertEquals("a\n", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void write_failingHalfway_leavesNoFileAndNoTemporary() throws IOException {
        Path target = temp.resolve("out.png");

        assertThrows(IOException.class, () -> AtomicOutput.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }, false, false));

        assertEquals(List.of(), files());
    }

    @Test
    void closeWithoutCommit_keepsTheOldFile() throws IOException {
        Path target = Files.writeString(temp.resolve("out.csv"), "old");
        try (AtomicOutput output = AtomicOutput.open(target, true, false)) {
            output.stream().write("new, unfinished".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void open_existingWithoutOverwrite_refusesAndTouchesNothing() throws IOException {
        Path target = Files.writeString(temp.resolve("key.pem"), "keep");

        assertThrows(FileAlreadyExistsException.class, () -> AtomicOutput.open(target, false, true));
        assertEquals("keep", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void write_overwrite_replaces() throws IOException {
        Path target = Files.writeString(temp.resolve("settings"), "old");

        AtomicOutput.write(target, out -> out.write(new byte[] {1, 2}), true, true);

        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
    }

    @Test
    void write_ownerOnlyOrPublic_getsItsPermissions() throws IOException {
        Path secret = temp.resolve("secret");
        Path open = temp.resolve("public");
        AtomicOutput.write(secret, out -> out.write(1), false, true);
        AtomicOutput.write(open, out -> out.write(1), false, false);

        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(open)));
        }
    }

    @Test
    void isStandardStream_onlyADash() {
        assertTrue(AtomicOutput.isStandardStream(Path.of("-")));
        assertFalse(AtomicOutput.isStandardStream(Path.of("-x")));
        assertFalse(AtomicOutput.isStandardStream(null));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.sorted().toList();
        }
    }
}
