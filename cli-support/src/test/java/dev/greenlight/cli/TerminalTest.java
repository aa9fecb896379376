package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalTest {

    @TempDir
    Path temp;

    @Test
    void of_terminalsAndNoVariables_colourWhereATerminalIs() {
        Terminal terminal = Terminal.of(false, true, Map.of("TERM", "xterm-256color"));

        assertFalse(terminal.colourOnStdout());
        assertTrue(terminal.colourOnStderr());
    }

    @Test
    void of_noColourSet_noColourAnywhere() {
        Terminal terminal = Terminal.of(true, true, Map.of("NO_COLOR", "1"));

        assertFalse(terminal.colourOnStdout());
        assertFalse(terminal.colourOnStderr());
        assertTrue(terminal.stderrIsTerminal(), "still a terminal: progress is not colour");
    }

    @Test
    void of_noColourEmpty_isIgnoredAsTheConventionSays() {
        assertTrue(Terminal.of(true, true, Map.of("NO_COLOR", "")).colourOnStdout());
    }

    @Test
    void of_dumbTerminal_noColour() {
        assertFalse(Terminal.of(true, true, Map.of("TERM", "dumb")).colourOnStdout());
    }

    @Test
    void isTerminal_descriptorLinkedToAPseudoTerminal_isOne() throws Exception {
        Path pts = Files.createSymbolicLink(temp.resolve("2"), Path.of("/dev/pts/7"));
        Path tty = Files.createSymbolicLink(temp.resolve("1"), Path.of("/dev/tty1"));
        Path file = Files.createSymbolicLink(temp.resolve("3"), temp.resolve("out.log"));
        Path pipe = Files.createSymbolicLink(temp.resolve("4"), Path.of("pipe:[12345]"));

        assertTrue(Terminal.isTerminal(pts, false));
        assertTrue(Terminal.isTerminal(tty, false));
        assertFalse(Terminal.isTerminal(file, true));
        assertFalse(Terminal.isTerminal(pipe, true));
    }

    @Test
    void isTerminal_noDescriptorLink_fallsBackToTheConsole() {
        assertEquals(true, Terminal.isTerminal(temp.resolve("missing"), true));
        assertEquals(false, Terminal.isTerminal(temp.resolve("missing"), false));
    }
}
