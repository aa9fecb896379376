package dev.greenlight.codec.internal.ec.verify;

import java.math.BigInteger;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.VariableTime;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;

/**
 * Fixed-base comb tables for one P-256 point P: {@code combs} combs of {@code teeth} teeth, all
 * teeth {@code spacing = ceil(256 / (combs * teeth))} bits apart. Entry i of comb c holds, in
 * affine coordinates, the sum of {@code 2^(spacing (c teeth + j)) P} over the bits j set in i.
 *
 * <p>With them, {@code k P} for a 256-bit k takes {@code spacing - 1} doublings and at most
 * {@code combs * spacing} mixed additions, and the tables of two points share their doublings
 * ({@link P256JointComb}).
 *
 * <p>Memory: {@code combs * 2^teeth} entries of two 8-limb coordinates, 64 bytes each, in one
 * {@code int[]}: 64 KiB for a public key ({@link #forPublicKey}: 4 combs of 8 teeth), 384 KiB for
 * the one generator table (3 combs of 11 teeth). Entry 0 of each comb, the point at infinity, is
 * never read.
 */
@VariableTime
final class P256CombTable {

    /** x then y, 8 little-endian 32-bit limbs each. */
    static final int ENTRY_INTS = 16;

    final int teeth;
    final int combs;
    final int spacing;
    final int[] entries;

    private P256CombTable(int teeth, int combs, int[] entries) {
        this.teeth = teeth;
        this.combs = combs;
        this.spacing = spacing(teeth, combs);
        this.entries = entries;
    }

    /**
     * The tables kept per trusted key: 4 combs of 8 teeth, 64 KiB, built in about 2 ms. Spacing
     * 8, so a verification takes 7 doublings. (2 combs, 32 KiB, measured about 10% slower.)
     */
    static P256CombTable forPublicKey(ECPoint point) {
        return of(point, 8, 4);
    }

    /**
     * @param point a point of P-256 other than infinity, as a public key is
     */
    static P256CombTable of(ECPoint point, int teeth, int combs) {
        if (point.isInfinity() || !point.isValid()) {
            throw new IllegalArgumentException("a comb table needs a valid finite P-256 point");
        }
        if (teeth < 1 || teeth > 16 || combs < 1 || combs * teeth > 256) {
            throw new IllegalArgumentException("unsupported comb shape: " + combs + " x " + teeth + " teeth");
        }
        int spacing = spacing(teeth, combs);
        int size = 1 << teeth;
        ECPoint[] sums = new ECPoint[combs * size];
        ECPoint tooth = P256.CURVE.importPoint(point).normalize();
        for (int c = 0; c < combs; c++) {
            ECPoint[] teethPoints = new ECPoint[teeth];
            for (int j = 0; j < teeth; j++) {
                teethPoints[j] = tooth;
                tooth = tooth.timesPow2(spacing).normalize();
            }
            int base = c * size;
            sums[base] = P256.CURVE.getInfinity();
            for (int i = 1; i < size; i++) {
                int top = 31 - Integer.numberOfLeadingZeros(i);
                // Never infinity: the scalar is below 2^256 < 2n, has at most combs * teeth bits
                // set, and n has far more, so it is not n. Checked all the same.
                sums[base + i] = sums[base + (i ^ (1 << top))].add(teethPoints[top]);
                if (sums[base + i].isInfinity()) {
                    throw new IllegalStateException("a comb entry is the point at infinity");
                }
            }
        }
        int[] entries = new int[sums.length * ENTRY_INTS];
        for (int c = 0; c < combs; c++) {
            P256.CURVE.normalizeAll(sums, c * size + 1, size - 1, null);
            for (int i = 1; i < size; i++) {
                int at = (c * size + i) * ENTRY_INTS;
                copyLimbs(sums[c * size + i].getAffineXCoord().toBigInteger(), entries, at);
                copyLimbs(sums[c * size + i].getAffineYCoord().toBigInteger(), entries, at + 8);
            }
        }
        return new P256CombTable(teeth, combs, entries);
    }

    private static int spacing(int teeth, int combs) {
        return (256 + combs * teeth - 1) / (combs * teeth);
    }

    private static void copyLimbs(BigInteger value, int[] to, int offset) {
        System.arraycopy(Nat256.fromBigInteger(value), 0, to, offset, 8);
    }

    /**
     * Recodes scalar k into entry offsets: {@code offsets[column * combs + c]} is the offset in
     * {@link #entries} of the entry comb c adds at {@code column}, or -1 for none.
     *
     * @param k 256 bits as 8 little-endian 32-bit limbs
     */
    int[] recode(int[] k) {
        int[] offsets = new int[spacing * combs];
        for (int column = 0; column < spacing; column++) {
            for (int c = 0; c < combs; c++) {
                int index = 0;
                int bit = spacing * c * teeth + column;
                for (int j = 0; j < teeth && bit < 256; j++, bit += spacing) {
                    index |= ((k[bit >>> 5] >>> (bit & 31)) & 1) << j;
                }
                offsets[column * combs + c] = index == 0 ? -1 : ((c << teeth) + index) * ENTRY_INTS;
            }
        }
        return offsets;
    }
}
