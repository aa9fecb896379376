package dev.greenlight.codec.internal;

/**
 * Lower-case hex for key ids, serials and identity hashes. {@link java.util.HexFormat} would do, but
 * Android has it only from API 34, and the codec runs on older scanners (README, "Android").
 * Parsing is as strict as {@code HexFormat}'s: ASCII hex digits of either case and nothing else,
 * not even the sign that {@link Long#parseUnsignedLong(String, int)} lets through.
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** The 8 lower-case hex digits of {@code value}, most significant first. */
    public static String toHexDigits(int value) {
        return digits(value & 0xFFFF_FFFFL, 8);
    }

    /** The 16 lower-case hex digits of {@code value}, most significant first. */
    public static String toHexDigits(long value) {
        return digits(value, 16);
    }

    /** Two lower-case hex digits per byte. */
    public static String formatHex(byte[] bytes) {
        char[] out = new char[2 * bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * The value of up to 16 hex digits.
     *
     * @throws IllegalArgumentException if {@code hex} is empty, longer than 16 characters, or has a
     *                                  character that is not an ASCII hex digit
     */
    public static long fromHexDigits(String hex) {
        if (hex.isEmpty() || hex.length() > 16) {
            throw new IllegalArgumentException("expected 1 to 16 hex digits, not " + hex.length() + " characters");
        }
        long value = 0;
        for (int i = 0; i < hex.length(); i++) {
            value = (value << 4) | digit(hex.charAt(i));
        }
        return value;
    }

    /**
     * The bytes that {@link #formatHex} prints, from digits of either case.
     *
     * @throws IllegalArgumentException if {@code hex} has an odd length or a character that is not
     *                                  an ASCII hex digit
     */
    public static byte[] parseHex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex of bytes needs an even number of digits, not " + hex.length());
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (digit(hex.charAt(2 * i)) << 4 | digit(hex.charAt(2 * i + 1)));
        }
        return bytes;
    }

    private static String digits(long value, int count) {
        char[] out = new char[count];
        for (int i = count - 1; i >= 0; i--) {
            out[i] = DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }

    // Not Character.digit: it takes non-ASCII digits (Arabic-Indic, full-width) as well.
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("not a hex digit: '" + c + "'");
    }
}
