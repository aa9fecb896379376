package dev.greenlight.codec.internal.ec.verify;

import dev.greenlight.codec.internal.ec.VariableTime;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * Computes {@code a P + b Q} from the comb tables of P and Q, in Jacobian coordinates on
 * BouncyCastle's P-256 field arithmetic ({@link SecP256R1Field}, 8 x 32-bit limbs, always fully
 * reduced), without allocating per step.
 *
 * <p>The combs of both points share their doublings; each column then adds at most one affine
 * entry from each comb (8M + 3S per mixed addition, 3M + 5S per doubling with a = -3). Variable
 * time: only for public inputs, that is verification. Every exceptional case of the addition law (infinity,
 * adding a point to itself or to its negation) is handled, as crafted signatures can reach them.
 *
 * <p>One instance holds the scratch of one computation: not thread-safe, create one per call.
 */
@VariableTime
final class P256JointComb extends FieldScratch {

    // The accumulator (X, Y, Z); meaningless while infinity is set.
    private final int[] x = new int[8];
    private final int[] y = new int[8];
    private final int[] z = new int[8];
    private boolean infinity = true;

    private final int[] t5 = new int[8];

    /**
     * Sets the accumulator to {@code a P + b Q}.
     *
     * @param a the scalar of P, 8 little-endian 32-bit limbs
     * @param b the scalar of Q, likewise
     */
    void multiplyAdd(int[] a, P256CombTable p, int[] b, P256CombTable q) {
        int[] pOffsets = p.recode(a);
        int[] qOffsets = q.recode(b);
        infinity = true;
        for (int column = Math.max(p.spacing, q.spacing) - 1; column >= 0; column--) {
            if (!infinity) {
                twice();
            }
            if (column < p.spacing) {
                addColumn(p, pOffsets, column);
            }
            if (column < q.spacing) {
                addColumn(q, qOffsets, column);
            }
        }
    }

    private void addColumn(P256CombTable table, int[] offsets, int column) {
        for (int c = 0, at = column * table.combs; c < table.combs; c++, at++) {
            if (offsets[at] >= 0) {
                addAffine(table.entries, offsets[at]);
            }
        }
    }

    boolean isInfinity() {
        return infinity;
    }

    /**
     * Whether the accumulator's affine x equals the field element {@code candidate}: X == c Z^2,
     * which saves the inversion. {@code candidate} must be below p.
     */
    boolean affineXEquals(int[] candidate) {
        if (infinity) {
            return false;
        }
        SecP256R1Field.square(z, t1, wide);
        SecP256R1Field.multiply(candidate, t1, t2, wide);
        return Nat256.eq(t2, x);
    }

    /** Whether the accumulator is the affine point (ax, ay): for tests, which compare whole points. */
    boolean affineEquals(int[] ax, int[] ay) {
        if (!affineXEquals(ax)) {
            return false;
        }
        SecP256R1Field.multiply(t1, z, t1, wide);
        SecP256R1Field.multiply(ay, t1, t2, wide);
        return Nat256.eq(t2, y);
    }

    /** Accumulator += (table[offset..offset+7], table[offset+8..offset+15]), an affine point. */
    private void addAffine(int[] table, int offset) {
        if (infinity) {
            System.arraycopy(table, offset, x, 0, 8);
            System.arraycopy(table, offset + 8, y, 0, 8);
            Nat256.zero(z);
            z[0] = 1;
            infinity = false;
            return;
        }
        SecP256R1Field.square(z, t1, wide);                  // Z1^2
        Nat256.mul(table, offset, t1, 0, wide, 0);
        SecP256R1Field.reduce(wide, t2);                     // U2 = x2 Z1^2
        SecP256R1Field.multiply(t1, z, t1, wide);            // Z1^3
        Nat256.mul(table, offset + 8, t1, 0, wide, 0);
        SecP256R1Field.reduce(wide, t1);                     // S2 = y2 Z1^3
        SecP256R1Field.subtract(t2, x, t2);                  // H = U2 - X1
        SecP256R1Field.subtract(t1, y, t1);                  // R = S2 - Y1
        if (Nat256.isZero(t2)) {
            if (Nat256.isZero(t1)) {
                twice();                                     // the same point
            } else {
                infinity = true;                             // its negation
            }
            return;
        }
        SecP256R1Field.square(t2, t3, wide);                 // HH
        SecP256R1Field.multiply(t2, t3, t4, wide);           // HHH
        SecP256R1Field.multiply(x, t3, t3, wide);            // V = X1 HH
        SecP256R1Field.multiply(z, t2, z, wide);             // Z3 = Z1 H
        SecP256R1Field.square(t1, x, wide);
        SecP256R1Field.subtract(x, t4, x);
        SecP256R1Field.twice(t3, t5);
        SecP256R1Field.subtract(x, t5, x);                   // X3 = R^2 - HHH - 2V
        SecP256R1Field.subtract(t3, x, t3);
        SecP256R1Field.multiply(t1, t3, t3, wide);
        SecP256R1Field.multiply(y, t4, t4, wide);
        SecP256R1Field.subtract(t3, t4, y);                  // Y3 = R (V - X3) - Y1 HHH
    }

    /** Accumulator = 2 accumulator (dbl-2001-b, a = -3). P-256 has no point of order 2. */
    private void twice() {
        SecP256R1Field.square(z, t1, wide);                  // delta = Z^2
        SecP256R1Field.square(y, t2, wide);                  // gamma = Y^2
        SecP256R1Field.multiply(x, t2, t3, wide);            // beta = X gamma
        SecP256R1Field.subtract(x, t1, t4);
        SecP256R1Field.add(x, t1, t5);
        SecP256R1Field.multiply(t4, t5, t4, wide);
        SecP256R1Field.twice(t4, t5);
        SecP256R1Field.add(t4, t5, t4);                      // alpha = 3 (X - delta)(X + delta)
        SecP256R1Field.multiply(y, z, z, wide);
        SecP256R1Field.twice(z, z);                          // Z3 = 2 Y Z
        SecP256R1Field.twice(t3, t3);
        SecP256R1Field.twice(t3, t3);                        // 4 beta
        SecP256R1Field.square(t4, x, wide);
        SecP256R1Field.twice(t3, t5);
        SecP256R1Field.subtract(x, t5, x);                   // X3 = alpha^2 - 8 beta
        SecP256R1Field.subtract(t3, x, t3);
        SecP256R1Field.multiply(t4, t3, t3, wide);
        SecP256R1Field.square(t2, t2, wide);
        SecP256R1Field.twice(t2, t2);
        SecP256R1Field.twice(t2, t2);
        SecP256R1Field.twice(t2, t2);                        // 8 gamma^2
        SecP256R1Field.subtract(t3, t2, y);                  // Y3 = alpha (4 beta - X3) - 8 gamma^2
    }
}
