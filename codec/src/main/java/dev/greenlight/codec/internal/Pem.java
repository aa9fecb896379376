package dev.greenlight.codec.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM armour (RFC 7468), read strictly: the expected number of blocks, each with an upper-case
 * label, a line break after its BEGIN line, the matching END line and clean Base64 inside. Text
 * outside the blocks (RFC 7468's explanatory text) is ignored.
 *
 * <p>The one PEM reader of the project: parsed with forward {@code indexOf} scans, never a regular
 * expression, so that reading is linear in the text. A backtracking pattern took seconds on a few
 * hundred kilobytes of repeated BEGIN lines and minutes on a megabyte. Each scan starts where the
 * previous block ended, and the first malformed block ends the read. Input is capped by the caller:
 * {@value #MAX_CHARS} characters for one key (sixteen times the largest key this project writes),
 * {@value #MAX_BUNDLE_CHARS} and {@value #MAX_BLOCKS} blocks for a file of several.
 */
public final class Pem {

    public static final int MAX_CHARS = 16 * 1024;
    /** A file of several blocks (a trust file of public keys): the JWK Set's cap. */
    public static final int MAX_BUNDLE_CHARS = 1024 * 1024;
    /** More public keys than any trust list needs; each costs a point validation to load. */
    public static final int MAX_BLOCKS = 1024;
    /** Longer than any label RFC 7468 defines ("ENCRYPTED PRIVATE KEY" has 21 characters). */
    static final int MAX_LABEL_CHARS = 64;

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    private Pem() {
    }

    public static String encode(String label, byte[] der) {
        return BEGIN + label + DASHES + "\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + DASHES + "\n";
    }

    /** The only PEM block in {@code text}, which has at most {@value #MAX_CHARS} characters. */
    public static Block decode(String text) {
        return decodeAll(text, MAX_CHARS, 1).get(0);
    }

    /**
     * Every PEM block in {@code text}, in order; at least one, at most {@code maxBlocks} (one more is
     * reported as "too many", not read), and the text at most {@code maxChars} characters.
     */
    public static List<Block> decodeAll(String text, int maxChars, int maxBlocks) {
        if (text.length() > maxChars) {
            throw new IllegalArgumentException("the text has " + text.length() + " characters; at most " + maxChars
                    + " are read as PEM");
        }
        List<Block> blocks = new ArrayList<>();
        int from = text.indexOf(BEGIN);
        if (from < 0) {
            throw new IllegalArgumentException("no PEM block (-----BEGIN ...-----) found");
        }
        while (from >= 0) {
            if (blocks.size() == maxBlocks) {
                throw new IllegalArgumentException(maxBlocks == 1 ? "more than one PEM block; expected exactly one"
                        : "more than " + maxBlocks + " PEM blocks");
            }
            int labelStart = from + BEGIN.length();
            int labelEnd = text.indexOf(DASHES, labelStart);
            if (labelEnd < 0) {
                throw new IllegalArgumentException("the BEGIN line is not closed by -----");
            }
            String label = text.substring(labelStart, labelEnd);
            if (label.isEmpty() || label.length() > MAX_LABEL_CHARS
                    || !label.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')) {
                throw new IllegalArgumentException("the PEM label is not 1 to " + MAX_LABEL_CHARS
                        + " upper-case letters, digits and spaces");
            }
            int bodyStart = skipLineBreak(text, labelEnd + DASHES.length());
            String endLine = "-----END " + label + DASHES;
            int bodyEnd = text.indexOf(endLine, bodyStart);
            if (bodyEnd < 0) {
                throw new IllegalArgumentException("no '" + endLine + "' line after the BEGIN line");
            }
            blocks.add(new Block(label, base64(label, text.substring(bodyStart, bodyEnd))));
            from = text.indexOf(BEGIN, bodyEnd + endLine.length());
        }
        return List.copyOf(blocks);
    }

    private static byte[] base64(String label, String body) {
        try {
            return Base64.getDecoder().decode(body.replace("\r", "").replace("\n", ""));
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
