package dev.greenlight.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * The stored form of an {@link IdentitySecret}: one line of standard Base64 (RFC 4648, padded)
 * and a line break, US-ASCII. An issuer keeps it in a file only its owner can read: the spec
 * rates the secret as sensitive as the signing key.
 *
 * <p>This is the only way a secret leaves memory, and the only way a stored one comes back:
 * {@link IdentitySecret} has no getter. Neither method prints, or puts in a message, any part of
 * the secret, and the copies made on the way are cleared.
 */
public final class IdentitySecretFile {

    /** Room for a secret of 3 KiB, about a hundred times a generated one; a larger file is not this one. */
    static final int MAX_BYTES = 4096;

    private IdentitySecretFile() {
    }

    /**
     * Writes the secret's stored form to {@code out}, which the caller opens, restricts to its
     * owner and closes.
     *
     * @param secret the secret to store
     * @param out    where to write; not flushed or closed here
     * @throws IOException if {@code out} fails; part of the line may have been written
     */
    public static void write(IdentitySecret secret, OutputStream out) throws IOException {
        byte[] key = secret.copyOfKey();
        byte[] encoded = Base64.getEncoder().encode(key);
        try {
            out.write(encoded);
            out.write('\n');
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /**
     * Reads a stored secret: the Base64 line, with white space around it ignored. Reads at most
     * {@value #MAX_BYTES} + 1 bytes; the caller closes {@code in}.
     *
     * @param in the stored form, as {@link #write} wrote it
     * @return the secret
     * @throws IOException if {@code in} fails
     * @throws KeyFormatException if the content is not Base64 of at least
     *         {@value IdentitySecret#MIN_BYTES} bytes, or is longer than {@value #MAX_BYTES} bytes
     */
    public static IdentitySecret read(InputStream in) throws IOException {
        byte[] content = readAtMost(in, MAX_BYTES + 1);
        byte[] key = null;
        try {
            if (content.length > MAX_BYTES) {
                throw new KeyFormatException("An identity secret file has at most " + MAX_BYTES + " bytes");
            }
            int start = 0;
            int end = content.length;
            while (start < end && isWhiteSpace(content[start])) {
                start++;
            }
            while (end > start && isWhiteSpace(content[end - 1])) {
                end--;
            }
            try {
                key = Base64.getDecoder().decode(Arrays.copyOfRange(content, start, end));
            } catch (IllegalArgumentException e) {
                // Not the decoder's message: it could quote characters of the secret.
                throw new KeyFormatException(notASecret());
            }
            if (key.length < IdentitySecret.MIN_BYTES) {
                throw new KeyFormatException(notASecret());
            }
            return IdentitySecret.of(key);
        } finally {
            Arrays.fill(content, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static String notASecret() {
        return "Not an identity secret: expected one line of Base64 holding at least " + IdentitySecret.MIN_BYTES + " bytes";
    }

    private static boolean isWhiteSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B;
    }

    /** {@code InputStream.readNBytes(int)} without its Android API level (33). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] buffer = new byte[limit];
        int filled = 0;
        for (int read; filled < limit && (read = in.read(buffer, filled, limit - filled)) >= 0; ) {
            filled += read;
        }
        byte[] content = Arrays.copyOf(buffer, filled);
        Arrays.fill(buffer, (byte) 0);
        return content;
    }
}
