package dev.greenlight.codec;

import java.security.interfaces.ECPublicKey;
import dev.greenlight.codec.internal.Hex;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.ec.EcdsaP256;

/**
 * The 4-byte identifier of an issuer key: the first four bytes of SHA-256 over the key's
 * uncompressed point {@code 04 || X || Y}. Derived, never chosen, so an issuer cannot give two
 * keys the same id on purpose; an accidental collision only costs the verifier a second try.
 *
 * @param value the four bytes, big-endian
 */
public record KeyId(int value) {

    /** The length of a key id on the wire. */
    public static final int BYTES = 4;

    /**
     * The id of an issuer's key.
     *
     * @param key a P-256 public key
     * @return its id
     * @throws IllegalArgumentException if the key is not a valid P-256 public key
     */
    public static KeyId of(ECPublicKey key) {
        return ofUncompressedPoint(PublicKeyEncoding.uncompressedPoint(key));
    }

    static KeyId ofUncompressedPoint(byte[] point) {
        byte[] hash = EcdsaP256.sha256(point, 0, point.length);
        return new KeyId(((hash[0] & 0xFF) << 24) | ((hash[1] & 0xFF) << 16) | ((hash[2] & 0xFF) << 8) | (hash[3] & 0xFF));
    }

    /**
     * Parses the 8 hex digits that {@link #toString()} prints.
     *
     * @param hex 8 hex digits, either case
     * @return the key id
     * @throws IllegalArgumentException if {@code hex} is anything else
     */
    public static KeyId parse(String hex) {
        if (hex.length() != 2 * BYTES) {
            throw new IllegalArgumentException("A key id is " + 2 * BYTES + " hex digits, not '" + hex + "'");
        }
        return new KeyId((int) Hex.fromHexDigits(hex));
    }

    // equals and hashCode by hand: a record's generated ones bootstrap through invokedynamic and
    // method handles on first use, tens of ms in a cold JVM, and every verifier hashes its key ids.

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyId && ((KeyId) other).value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** Lower-case hex, as used for the {@code kid} of the key's JWK. */
    @Override
    public String toString() {
        return Hex.toHexDigits(value);
    }
}
