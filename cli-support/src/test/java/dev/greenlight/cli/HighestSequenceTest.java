package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HighestSequenceTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @TempDir
    Path temp;

    @Test
    void accept_higherSequence_isRecordedAndSurvivesANewInstance() {
        Path file = temp.resolve("state").resolve("trust-list");
        assertNull(HighestSequence.at(file).accept("trust list", 3, A));
        assertEquals(new HighestSequence.Accepted(3, A), HighestSequence.at(file).accept("trust list", 4, B));

        assertEquals(new HighestSequence.Accepted(4, B), HighestSequence.at(file).current());
    }

    @Test
    void accept_lowerSequence_isRefusedAsRollbackAndLeavesTheRecord() {
        HighestSequence store = HighestSequence.at(temp.resolve("seq"));
        store.accept("trust list", 7, A);

        CliException e = assertThrows(CliException.class, () -> store.accept("trust list", 6, B));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("rollback"), e.getMessage());
        assertEquals(7, store.current().sequence());
    }

    @Test
    void accept_sameSequenceSameDocument_isFineButOtherContentIsRefused() {
        HighestSequence store = HighestSequence.at(temp.resolve("seq"));
        store.accept("revocation list", 2, A);

        assertEquals(new HighestSequence.Accepted(2, A), store.accept("revocation list", 2, A));
        CliException e = assertThrows(CliException.class, () -> store.accept("revocation list", 2, B));
        assertTrue(e.getMessage().contains("reused"), e.getMessage());
    }

    @Test
    void current_damagedFile_failsRatherThanForgetting() throws IOException {
        Path file = temp.resolve("seq");
        Files.writeString(file, "12 not-a-digest\n");

        CliException e = assertThrows(CliException.class, () -> HighestSequence.at(file).current());
        assertEquals(ExitCode.IO_ERROR, e.exitCode());
        assertThrows(CliException.class, () -> HighestSequence.at(file).accept("trust list", 1, A));
    }

    @Test
    void accept_leavesNoTemporaryFileBehind() throws IOException {
        HighestSequence.at(temp.resolve("seq")).accept("trust list", 1, A);

        try (var files = Files.list(temp)) {
            assertEquals(1, files.count());
        }
    }
}
