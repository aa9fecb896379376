package dev.greenlight.codec.internal;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Byte encodings of P-256 public keys, decoded strictly: a key is accepted only in the one DER
 * form a named-curve P-256 key has, and its point must lie on the curve.
 */
public final class PublicKeyEncoding {

    /** SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING (66 bytes) }. */
    private static final byte[] SPKI_PREFIX_UNCOMPRESSED = Hex.parseHex(
            "3059301306072a8648ce3d020106082a8648ce3d030107034200");
    /** The same for a compressed point (BIT STRING of 34 bytes). */
    private static final byte[] SPKI_PREFIX_COMPRESSED = Hex.parseHex(
            "3039301306072a8648ce3d020106082a8648ce3d030107032200");

    public static final int UNCOMPRESSED_POINT_BYTES = 1 + 2 * P256.SCALAR_BYTES;
    public static final int COMPRESSED_POINT_BYTES = 1 + P256.SCALAR_BYTES;

    private PublicKeyEncoding() {
    }

    /**
     * The point inside a DER SubjectPublicKeyInfo, if the structure is exactly that of a P-256
     * named-curve key; null otherwise (the caller explains why).
     */
    public static byte[] pointFromSpki(byte[] der) {
        for (byte[] prefix : new byte[][] {SPKI_PREFIX_UNCOMPRESSED, SPKI_PREFIX_COMPRESSED}) {
            int pointLength = prefix == SPKI_PREFIX_UNCOMPRESSED ? UNCOMPRESSED_POINT_BYTES : COMPRESSED_POINT_BYTES;
            if (der.length == prefix.length + pointLength && startsWith(der, prefix)) {
                return Arrays.copyOfRange(der, prefix.length, der.length);
            }
        }
        return null;
    }

    // Not Arrays.equals over a range (Java 9): Android 8, our minimum (README), lacks it. Public bytes: variable time is fine.
    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    public static byte[] spki(ECPoint point) {
        byte[] encodedPoint = point.getEncoded(false);
        byte[] der = Arrays.copyOf(SPKI_PREFIX_UNCOMPRESSED, SPKI_PREFIX_UNCOMPRESSED.length + encodedPoint.length);
        System.arraycopy(encodedPoint, 0, der, SPKI_PREFIX_UNCOMPRESSED.length, encodedPoint.length);
        return der;
    }

    /**
     * Decodes an X9.62 point (uncompressed {@code 04||X||Y} or compressed {@code 02/03||X}).
     *
     * @throws IllegalArgumentException if the encoding is malformed or the point is not on P-256
     */
    public static ECPoint decodePoint(byte[] encoded) {
        if (encoded.length != UNCOMPRESSED_POINT_BYTES && encoded.length != COMPRESSED_POINT_BYTES) {
            throw new IllegalArgumentException("a P-256 point is 65 bytes (uncompressed) or 33 (compressed), not " + encoded.length);
        }
        // BouncyCastle would also take the hybrid forms 06/07: a second spelling of the same key (RFC 5480 forbids it).
        boolean canonicalPrefix = encoded.length == UNCOMPRESSED_POINT_BYTES
                ? encoded[0] == 0x04
                : encoded[0] == 0x02 || encoded[0] == 0x03;
        if (!canonicalPrefix) {
            throw new IllegalArgumentException(String.format(
                    "a %d-byte point starts with %s, not 0x%02x", encoded.length,
                    encoded.length == UNCOMPRESSED_POINT_BYTES ? "0x04" : "0x02 or 0x03", encoded[0] & 0xFF));
        }
        // BouncyCastle checks that the point satisfies the curve equation while decoding.
        ECPoint point = P256.CURVE.decodePoint(encoded);
        return requireValid(point);
    }

    public static ECPoint pointOf(BigInteger x, BigInteger y) {
        if (x.signum() < 0 || y.signum() < 0 || x.bitLength() > 256 || y.bitLength() > 256) {
            throw new IllegalArgumentException("coordinates out of range for P-256");
        }
        return requireValid(P256.CURVE.validatePoint(x, y));
    }

    private static ECPoint requireValid(ECPoint point) {
        if (point.isInfinity() || !point.isValid()) {
            throw new IllegalArgumentException("the point is not a valid P-256 public key");
        }
        return point.normalize();
    }

    public static ECPoint pointOf(ECPublicKey key) {
        if (!P256.isP256(key.getParams())) {
            throw new IllegalArgumentException("the key is not on P-256");
        }
        return pointOf(key.getW().getAffineX(), key.getW().getAffineY());
    }

    public static ECPublicKeyParameters toParameters(ECPublicKey key) {
        return new ECPublicKeyParameters(pointOf(key), P256.DOMAIN);
    }

    public static byte[] uncompressedPoint(ECPublicKey key) {
        return pointOf(key).getEncoded(false);
    }
}
