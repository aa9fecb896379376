package dev.greenlight.codec;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import dev.greenlight.codec.internal.PublicKeyEncoding;

/**
 * P-256 public keys as raw X9.62 points: uncompressed ({@code 04||X||Y}) or compressed
 * ({@code 02/03||X}), nothing else (no hybrid forms), and the point must lie on the curve. The
 * byte encoding itself, both ways, is {@code internal.PublicKeyEncoding}'s.
 */
public final class PointKeys {

    private PointKeys() {
    }

    /**
     * The public key from an X9.62 point, uncompressed ({@code 04||X||Y}) or compressed.
     *
     * @param encodedPoint 65 bytes uncompressed or 33 compressed
     * @return the public key
     * @throws KeyFormatException if the length or prefix byte is wrong (hybrid {@code 06/07}
     *         included), or the point is not on P-256
     */
    public static ECPublicKey publicKeyFromPoint(byte[] encodedPoint) {
        try {
            return P256Jca.toJca(PublicKeyEncoding.decodePoint(encodedPoint));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("Invalid P-256 public key point: " + e.getMessage(), e);
        }
    }

    /** The public key from affine coordinates, checked to be on P-256; {@link JwkKeys} reads its x and y with it. */
    static ECPublicKey publicKey(BigInteger x, BigInteger y) {
        try {
            return P256Jca.toJca(PublicKeyEncoding.pointOf(x, y));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("Invalid P-256 public key: " + e.getMessage(), e);
        }
    }
}
