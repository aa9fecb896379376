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

    /**
     * Text from outside (a file name, a code, a CSV header, a message quoting input) made safe to
     * print on a terminal: every character that could steer it or reorder what it shows is written
     * as an escape, {@code \x1b} for ESC, {@code \u202e} for RIGHT-TO-LEFT OVERRIDE. Escaped are the
     * C0 controls (tab and line feed too: one message, one line), DEL, the C1 controls, U+2028 and
     * U+2029, and the bidirectional formatting characters U+061C, U+200E, U+200F, U+202A to U+202E
     * and U+2066 to U+2069 (the set JSON Lines escapes, {@code specs/records.md}). A backslash is
     * left as it is: the escapes are for a person reading, not a program.
     *
     * <p>The one helper for every message that quotes input: use it where the input is quoted, not
     * on the tool's own text, whose line ends and ANSI colours are meant.
     *
     * @param text the text, or null
     * @return the text with those characters escaped; {@code "null"} for null
     */
    public static String safe(String text) {
        return safe(text, false);
    }

    /**
     * As {@link #safe(String)}, but keeping tab, line feed and carriage return: for a format that
     * quotes them itself (a CSV cell), where they cannot steer a terminal.
     *
     * @param text           the text, or null
     * @param keepLineBreaks whether to leave tab, LF and CR as they are
     * @return the text with the other unsafe characters escaped
     */
    public static String safe(String text, boolean keepLineBreaks) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = isUnsafe(c) && !(keepLineBreaks && (c == '\t' || c == '\n' || c == '\r'));
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out == null) {
                continue;
            }
            if (!unsafe) {
                out.append(c);
            } else if (c <= 0xFF) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
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
