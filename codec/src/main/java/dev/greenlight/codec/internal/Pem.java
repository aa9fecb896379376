package dev.greenlight.codec.internal;

import java.util.Base64;

/**
 * PEM armour (RFC 7468), read strictly: one block, the expected label, clean Base64 inside.
 *
 * <p>Parsed with {@code indexOf} scans rather than a regular expression: a backtracking pattern
 * took seconds on a few hundred kilobytes of repeated BEGIN lines. Input is capped at
 * {@value #MAX_CHARS} characters, sixteen times the largest key this project writes.
 */
public final class Pem {

    public static final int MAX_CHARS = 16 * 1024;

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    private Pem() {
    }

    public static String encode(String label, byte[] der) {
        return BEGIN + label + DASHES + "\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + DASHES + "\n";
    }

    /** The only PEM block in {@code text}. */
    public static Block decode(String text) {
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("the text has " + text.length() + " characters; a PEM key has at most " + MAX_CHARS);
        }
        int begin = text.indexOf(BEGIN);
        if (begin < 0) {
            throw new IllegalArgumentException("no PEM block (-----BEGIN ...-----) found");
        }
        int labelStart = begin + BEGIN.length();
        int labelEnd = text.indexOf(DASHES, labelStart);
        if (labelEnd < 0) {
            throw new IllegalArgumentException("the BEGIN line is not closed by -----");
        }
        String label = text.substring(labelStart, labelEnd);
        if (label.isEmpty() || !label.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')) {
            throw new IllegalArgumentException("the PEM label is not upper-case letters, digits and spaces");
        }
        int bodyStart = skipLineBreak(text, labelEnd + DASHES.length());
        String endLine = "-----END " + label + DASHES;
        int bodyEnd = text.indexOf(endLine, bodyStart);
        if (bodyEnd < 0) {
            throw new IllegalArgumentException("no '" + endLine + "' line after the BEGIN line");
        }
        if (text.indexOf(BEGIN, bodyEnd) >= 0) {
            throw new IllegalArgumentException("more than one PEM block; expected exactly one");
        }
        String body = text.substring(bodyStart, bodyEnd).replace("\r", "").replace("\n", "");
        try {
            return new Block(label, Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Base64 inside the PEM block '" + label + "' is invalid: " + e.getMessage(), e);
        }
    }

    private static int skipLineBreak(String text, int index) {
        if (text.startsWith("\r\n", index)) {
            return index + 2;
        }
        if (text.startsWith("\n", index) || text.startsWith("\r", index)) {
            return index + 1;
        }
        throw new IllegalArgumentException("the BEGIN line must end with a line break");
    }

    public record Block(String label, byte[] der) {
    }
}
