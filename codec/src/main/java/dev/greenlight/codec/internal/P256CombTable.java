package dev.greenlight.codec.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;

/**
 * A fixed-base comb table for one P-256 point P: 8 teeth spaced 32 bits apart, so entry
 * {@code i} (1..255) holds, in affine coordinates, the sum of {@code 2^(32 j) P} over the bits j
 * set in i.
 *
 * <p>With it, {@code k P} for a 256-bit k takes 31 doublings and at most 32 mixed additions, and
 * two such tables share those doublings ({@link P256JointComb}).
 *
 * <p>Memory: 256 entries of two 8-limb coordinates in one {@code int[4096]}, 16 KiB (entry 0, the
 * point at infinity, is never read). Built in about a millisecond.
 */
public final class P256CombTable {

    static final int TEETH = 8;
    static final int SPACING = 256 / TEETH;
    static final int ENTRIES = 1 << TEETH;
    /** x then y, 8 little-endian 32-bit limbs each. */
    static final int ENTRY_INTS = 16;

    final int[] entries;

    private P256CombTable(int[] entries) {
        this.entries = entries;
    }

    /** @param point a point of P-256 other than infinity, as a public key is */
    public static P256CombTable of(ECPoint point) {
        if (point.isInfinity() || !point.isValid()) {
            throw new IllegalArgumentException("a comb table needs a valid finite P-256 point");
        }
        ECPoint[] teeth = new ECPoint[TEETH];
        teeth[0] = P256.CURVE.importPoint(point).normalize();
        for (int j = 1; j < TEETH; j++) {
            teeth[j] = teeth[j - 1].timesPow2(SPACING);
        }
        ECPoint[] sums = new ECPoint[ENTRIES];
        sums[0] = P256.CURVE.getInfinity();
        for (int i = 1; i < ENTRIES; i++) {
            int top = 31 - Integer.numberOfLeadingZeros(i);
            // No sum is infinity: its scalar is below 2^225, far less than the group order.
            sums[i] = sums[i ^ (1 << top)].add(teeth[top]);
        }
        P256.CURVE.normalizeAll(sums, 1, ENTRIES - 1, null);
        int[] entries = new int[ENTRIES * ENTRY_INTS];
        for (int i = 1; i < ENTRIES; i++) {
            copyLimbs(sums[i].getAffineXCoord().toBigInteger(), entries, i * ENTRY_INTS);
            copyLimbs(sums[i].getAffineYCoord().toBigInteger(), entries, i * ENTRY_INTS + 8);
        }
        return new P256CombTable(entries);
    }

    private static void copyLimbs(BigInteger value, int[] to, int offset) {
        System.arraycopy(Nat256.fromBigInteger(value), 0, to, offset, 8);
    }

    /**
     * The table index of comb column {@code column} (0..31) for scalar k: bit j of the index is
     * bit {@code 32 j + column} of k.
     */
    static int index(int[] k, int column) {
        return ((k[0] >>> column) & 1)
                | ((k[1] >>> column) & 1) << 1
                | ((k[2] >>> column) & 1) << 2
                | ((k[3] >>> column) & 1) << 3
                | ((k[4] >>> column) & 1) << 4
                | ((k[5] >>> column) & 1) << 5
                | ((k[6] >>> column) & 1) << 6
                | ((k[7] >>> column) & 1) << 7;
    }
}
