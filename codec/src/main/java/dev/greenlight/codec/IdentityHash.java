package dev.greenlight.codec;

import dev.greenlight.codec.internal.Hex;
import java.util.Arrays;

/**
 * The 128-bit pseudonym of a person: HMAC-SHA-256 of their normalised identity under the
 * issuer's identity secret, truncated. Without the secret it reveals nothing about the identity;
 * with it, the authority can link scan records back to a person. See {@link IdentitySecret}.
 *
 * @param bytes the {@value #BYTES} bytes; copied in and out, so the value stays immutable
 */
public record IdentityHash(byte[] bytes) {

    /** The length of a pseudonym: 128 bits. */
    public static final int BYTES = 16;

    /**
     * @param bytes the {@value #BYTES} bytes; copied
     * @throws IllegalArgumentException if {@code bytes} is not {@value #BYTES} long
     */
    public IdentityHash {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("An identity hash is " + BYTES + " bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /**
     * Parses the 32 hex digits that {@link #toString()} prints.
     *
     * @param hex 32 hex digits, either case
     * @return the hash
     * @throws IllegalArgumentException if {@code hex} is anything else
     */
    public static IdentityHash parse(String hex) {
        if (hex.length() != 2 * BYTES) {
            throw new IllegalArgumentException("An identity hash is " + 2 * BYTES + " hex digits, not '" + hex + "'");
        }
        return new IdentityHash(Hex.parseHex(hex));
    }

    /** @return a copy of the {@value #BYTES} bytes */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityHash that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Hex.formatHex(bytes);
    }
}
