package dev.greenlight.codec.internal;

/**
 * The text of a code: {@code GL1:} followed by Base45 of the payload bytes. Every character is
 * in the QR alphanumeric set, so the QR holds the text as one alphanumeric segment.
 */
public final class TextForm {

    public static final String PREFIX = "GL1:";

    /**
     * Longest text a verifier even looks at. A v1 code is 154 characters; the margin leaves room
     * for later versions while bounding the work a hostile input can cause.
     */
    public static final int MAX_LENGTH = 1024;

    private TextForm() {
    }

    public static String encode(byte[] payload) {
        return PREFIX + Base45.getEncoder().encodeToString(payload);
    }

    /** Whether the text starts like a code of another version: {@code GL}, digits, a colon. */
    public static boolean hasOtherVersionPrefix(CharSequence text) {
        if (text.length() < 4 || text.charAt(0) != 'G' || text.charAt(1) != 'L') {
            return false;
        }
        int i = 2;
        while (i < text.length() && i < 12 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i > 2 && i < text.length() && text.charAt(i) == ':';
    }
}
