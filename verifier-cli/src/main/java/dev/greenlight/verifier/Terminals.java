package dev.greenlight.verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream is a terminal. */
final class Terminals {

    private Terminals() {
    }

    /**
     * Java 17 can only tell whether stdin and stdout are both terminals ({@code System.console()}).
     * On Linux the file descriptor's link tells each stream apart, which matters for
     * {@code bulk > out.jsonl}: stdout is a file but progress on stderr should still show.
     */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
