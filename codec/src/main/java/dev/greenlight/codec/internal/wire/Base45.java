package dev.greenlight.codec.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Base45 (RFC 9285), shaped like {@link java.util.Base64}: {@code Base45.getEncoder().encodeToString(bytes)}.
 *
 * <p>The alphabet is exactly the 45 characters of the QR alphanumeric mode, so an encoded code
 * fills a QR symbol as one alphanumeric segment (5.5 bits per character instead of 8). Note that
 * the alphabet contains a space: encoded text must never be trimmed.
 *
 * <p>The decoder is strict: a character outside the alphabet, a length of 1 modulo 3, or a group
 * whose value does not fit its byte count is an error. With those three rules every byte string
 * has exactly one encoding, so two different texts never decode to the same bytes.
 */
public final class Base45 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int[] VALUE_OF = new int[128];

    static {
        Arrays.fill(VALUE_OF, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE_OF[ALPHABET.charAt(i)] = i;
        }
    }

    private static final Encoder ENCODER = new Encoder();
    private static final Decoder DECODER = new Decoder();

    private Base45() {
    }

    public static Encoder getEncoder() {
        return ENCODER;
    }

    public static Decoder getDecoder() {
        return DECODER;
    }

    /** Length of the Base45 text for {@code byteCount} bytes. */
    public static int encodedLength(int byteCount) {
        return byteCount / 2 * 3 + (byteCount % 2) * 2;
    }

    /** Thread-safe and stateless. */
    public static final class Encoder {
        private Encoder() {
        }

        public String encodeToString(byte[] bytes) {
            char[] out = new char[encodedLength(bytes.length)];
            int o = 0;
            int i = 0;
            for (; i + 1 < bytes.length; i += 2) {
                int n = ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
                out[o++] = ALPHABET.charAt(n % 45);
                out[o++] = ALPHABET.charAt(n / 45 % 45);
                out[o++] = ALPHABET.charAt(n / 2025);
            }
            if (i < bytes.length) {
                int n = bytes[i] & 0xFF;
                out[o++] = ALPHABET.charAt(n % 45);
                out[o++] = ALPHABET.charAt(n / 45);
            }
            return new String(out);
        }

        public byte[] encode(byte[] bytes) {
            return encodeToString(bytes).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Thread-safe and stateless. Every method throws {@link IllegalArgumentException} on invalid input. */
    public static final class Decoder {
        private Decoder() {
        }

        public byte[] decode(CharSequence text) {
            return decode(text, 0, text.length());
        }

        /** Decodes {@code text[start, end)}, so a caller can skip a prefix without copying. */
        public byte[] decode(CharSequence text, int start, int end) {
            int length = end - start;
            if (length % 3 == 1) {
                throw new IllegalArgumentException(
                        "Base45 text of length " + length + " cannot be valid: a length of 1 modulo 3 encodes no whole byte");
            }
            byte[] out = new byte[length / 3 * 2 + (length % 3 == 2 ? 1 : 0)];
            int o = 0;
            int i = start;
            for (; i + 2 < end; i += 3) {
                int n = valueAt(text, i) + valueAt(text, i + 1) * 45 + valueAt(text, i + 2) * 2025;
                if (n > 0xFFFF) {
                    throw new IllegalArgumentException(
                            "Base45 group at index " + (i - start) + " has value " + n + ", more than two bytes can hold");
                }
                out[o++] = (byte) (n >>> 8);
                out[o++] = (byte) n;
            }
            if (i < end) {
                int n = valueAt(text, i) + valueAt(text, i + 1) * 45;
                if (n > 0xFF) {
                    throw new IllegalArgumentException(
                            "Final Base45 group at index " + (i - start) + " has value " + n + ", more than one byte can hold");
                }
                out[o] = (byte) n;
            }
            return out;
        }

        private static int valueAt(CharSequence text, int index) {
            char c = text.charAt(index);
            int value = c < 128 ? VALUE_OF[c] : -1;
            if (value < 0) {
                throw new IllegalArgumentException(String.format(
                        "Character U+%04X at index %d is not in the Base45 alphabet", (int) c, index));
            }
            return value;
        }
    }
}
