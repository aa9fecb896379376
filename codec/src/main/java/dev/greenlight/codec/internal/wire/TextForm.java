package dev.greenlight.codec.internal.wire;

import dev.greenlight.codec.CodeFormatException;
import dev.greenlight.codec.RejectionReason;

/**
 * The text of a code: {@code GL1:} followed by Base45 of the payload bytes. Every character is
 * in the QR alphanumeric set, so the QR holds the text as one alphanumeric segment.
 *
 * <p>The one owner of the text form: the issuer writes it and the verifier reads it here.
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

    /**
     * The payload bytes a text carries, decoded strictly: the length is checked before any
     * decoding, another {@code GLn:} prefix is an unsupported version rather than garbage, and
     * Base45 has exactly one encoding per byte string.
     */
    public static byte[] decode(String text) throws CodeFormatException {
        if (text.length() > MAX_LENGTH) {
            throw new CodeFormatException(RejectionReason.MALFORMED,
                    "the text has " + text.length() + " characters, more than the " + MAX_LENGTH + " a code may have");
        }
        if (!text.startsWith(PREFIX)) {
            if (hasOtherVersionPrefix(text)) {
                throw new CodeFormatException(RejectionReason.UNSUPPORTED_VERSION,
                        "the prefix '" + text.substring(0, text.indexOf(':') + 1) + "' names a format version this verifier does not support");
            }
            throw new CodeFormatException(RejectionReason.MALFORMED, "the text does not start with " + PREFIX);
        }
        try {
            return Base45.getDecoder().decode(text, PREFIX.length(), text.length());
        } catch (IllegalArgumentException e) {
            throw new CodeFormatException(RejectionReason.MALFORMED, "invalid Base45 after the prefix: " + e.getMessage());
        }
    }

    /** Whether the text starts like a code of another version: {@code GL}, digits, a colon. */
    private static boolean hasOtherVersionPrefix(CharSequence text) {
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
