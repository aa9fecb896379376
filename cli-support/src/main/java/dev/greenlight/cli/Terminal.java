package dev.greenlight.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether stdout and stderr are terminals, and whether colour is allowed at all. Colour is off
 * everywhere when {@code NO_COLOR} is set to anything non-empty (no-color.org) or {@code TERM} is
 * {@code dumb}; otherwise a stream gets colour only if it is a terminal. Progress looks at stderr
 * alone, where it is drawn: {@code batch > codes.jsonl} still shows it.
 *
 * @param stdoutIsTerminal whether file descriptor 1 is a terminal
 * @param stderrIsTerminal whether file descriptor 2 is a terminal
 * @param colourAllowed    false under {@code NO_COLOR} or {@code TERM=dumb}
 */
public record Terminal(boolean stdoutIsTerminal, boolean stderrIsTerminal, boolean colourAllowed) {

    /** No terminal anywhere: what tests and pipes get. */
    public static final Terminal NONE = new Terminal(false, false, false);

    /** This process's streams, judged with its environment variables. */
    public static Terminal detect(Map<String, String> environment) {
        return of(isTerminal(1), isTerminal(2), environment);
    }

    /** The given streams, colour decided by {@code NO_COLOR} and {@code TERM} in {@code environment}. */
    public static Terminal of(boolean stdoutIsTerminal, boolean stderrIsTerminal, Map<String, String> environment) {
        String noColour = environment.get("NO_COLOR");
        boolean allowed = (noColour == null || noColour.isEmpty()) && !"dumb".equals(environment.get("TERM"));
        return new Terminal(stdoutIsTerminal, stderrIsTerminal, allowed);
    }

    /** ANSI colour on stdout. */
    public boolean colourOnStdout() {
        return colourAllowed && stdoutIsTerminal;
    }

    /** ANSI colour on stderr. */
    public boolean colourOnStderr() {
        return colourAllowed && stderrIsTerminal;
    }

    /**
     * Java 17 only tells whether stdin and stdout are both terminals ({@code System.console()}). On
     * Linux the descriptor's link in {@code /proc/self/fd} tells each stream apart; elsewhere the
     * console stands in.
     */
    static boolean isTerminal(int fd) {
        return isTerminal(Path.of("/proc/self/fd/" + fd), System.console() != null);
    }

    static boolean isTerminal(Path descriptorLink, boolean fallback) {
        try {
            String target = Files.readSymbolicLink(descriptorLink).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return fallback;
        }
    }
}
