package dev.greenlight.codec.internal.ec.verify;

import java.math.BigInteger;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.VariableTime;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Mod;
import org.bouncycastle.math.raw.Nat256;

/**
 * Computes many {@code a_i P + b_i Q_i} at once, in lockstep over the same comb columns as
 * {@link P256JointComb}, with the accumulators in affine coordinates: at each step every item
 * needs one field inversion, and Montgomery's trick shares them, so that one inversion and three
 * multiplications per item replace it. An affine addition then costs 5M + 1S (a Jacobian mixed
 * addition, 8M + 3S), a doubling 5M + 2S (3M + 5S), and the result is affine, so comparing x
 * with r needs no further work.
 *
 * <p>Variable time, for public inputs only. Every exceptional case of the addition law is
 * handled, per item. One instance holds the scratch of one batch: not thread-safe.
 */
@VariableTime
final class P256BatchComb extends FieldScratch {

    private static final int[] FIELD_PRIME = Nat256.fromBigInteger(P256.CURVE.getField().getCharacteristic());
    private static final int[] THREE = Nat256.fromBigInteger(BigInteger.valueOf(3));

    private final int capacity;
    private final int[][] x;
    private final int[][] y;
    private final boolean[] infinity;

    // Per member of the current step: its item, its entry, its denominator and prefix product.
    private final int[] members;
    private final int[] memberEntries;
    private final int[][] denominators;
    private final int[][] prefixes;

    private final int[] inverse = new int[8];

    P256BatchComb(int capacity) {
        this.capacity = capacity;
        this.x = new int[capacity][8];
        this.y = new int[capacity][8];
        this.infinity = new boolean[capacity];
        this.members = new int[capacity];
        this.memberEntries = new int[capacity];
        this.denominators = new int[capacity][8];
        this.prefixes = new int[capacity][8];
    }

    /**
     * Sets accumulator i to {@code a[i] P + b[i] Q[i]}, for i below count.
     *
     * @param q one table per item, all of one shape (they are walked in lockstep)
     */
    void multiplyAdd(int count, int[][] a, P256CombTable p, int[][] b, P256CombTable[] q) {
        if (count > capacity) {
            throw new IllegalArgumentException("batch of " + count + " for a capacity of " + capacity);
        }
        if (count == 0) {
            return;
        }
        int qSpacing = q[0].spacing;
        int qCombs = q[0].combs;
        int[][] pOffsets = new int[count][];
        int[][] qOffsets = new int[count][];
        for (int i = 0; i < count; i++) {
            if (q[i].spacing != qSpacing || q[i].combs != qCombs) {
                throw new IllegalArgumentException("the tables of one batch must have one shape");
            }
            pOffsets[i] = p.recode(a[i]);
            qOffsets[i] = q[i].recode(b[i]);
            infinity[i] = true;
        }
        int columns = Math.max(p.spacing, qSpacing);
        for (int column = columns - 1; column >= 0; column--) {
            if (column < columns - 1) {
                twiceAll(count);
            }
            if (column < p.spacing) {
                for (int c = 0; c < p.combs; c++) {
                    addStep(count, p, null, pOffsets, column * p.combs + c);
                }
            }
            if (column < qSpacing) {
                for (int c = 0; c < qCombs; c++) {
                    addStep(count, null, q, qOffsets, column * qCombs + c);
                }
            }
        }
    }

    boolean isInfinity(int item) {
        return infinity[item];
    }

    /** Whether accumulator {@code item}, which must not be infinity, has affine x {@code candidate}. */
    boolean affineXEquals(int item, int[] candidate) {
        return Nat256.eq(x[item], candidate);
    }

    /** For tests, which compare whole points. */
    boolean affineEquals(int item, int[] ax, int[] ay) {
        return !infinity[item] && Nat256.eq(x[item], ax) && Nat256.eq(y[item], ay);
    }

    /** Adds, to every item that has one, its entry for {@code slot} of the recoded scalar. */
    private void addStep(int count, P256CombTable shared, P256CombTable[] perItem, int[][] offsets, int slot) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            int offset = offsets[i][slot];
            if (offset < 0) {
                continue;
            }
            int[] entries = shared != null ? shared.entries : perItem[i].entries;
            if (infinity[i]) {
                System.arraycopy(entries, offset, x[i], 0, 8);
                System.arraycopy(entries, offset + 8, y[i], 0, 8);
                infinity[i] = false;
                continue;
            }
            System.arraycopy(entries, offset, t1, 0, 8);
            SecP256R1Field.subtract(t1, x[i], denominators[n]);            // x2 - x1
            if (Nat256.isZero(denominators[n])) {
                System.arraycopy(entries, offset + 8, t2, 0, 8);
                if (Nat256.eq(t2, y[i])) {
                    twiceOne(i);                                             // the same point
                } else {
                    infinity[i] = true;                                      // its negation
                }
                continue;
            }
            members[n] = i;
            memberEntries[n] = offset;
            n++;
        }
        invertAll(n);
        for (int k = 0; k < n; k++) {
            int i = members[k];
            int[] entries = shared != null ? shared.entries : perItem[i].entries;
            System.arraycopy(entries, memberEntries[k], t1, 0, 8);
            System.arraycopy(entries, memberEntries[k] + 8, t2, 0, 8);
            SecP256R1Field.subtract(t2, y[i], t2);
            SecP256R1Field.multiply(t2, denominators[k], t3, wide);        // lambda = (y2 - y1) / (x2 - x1)
            SecP256R1Field.square(t3, t4, wide);
            SecP256R1Field.subtract(t4, x[i], t4);
            SecP256R1Field.subtract(t4, t1, t4);                            // x3 = lambda^2 - x1 - x2
            SecP256R1Field.subtract(x[i], t4, t1);
            SecP256R1Field.multiply(t3, t1, t1, wide);
            SecP256R1Field.subtract(t1, y[i], y[i]);                        // y3 = lambda (x1 - x3) - y1
            System.arraycopy(t4, 0, x[i], 0, 8);
        }
    }

    /** Doubles every finite accumulator. P-256 has no point of order 2, so y is never 0. */
    private void twiceAll(int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (!infinity[i]) {
                SecP256R1Field.twice(y[i], denominators[n]);
                members[n++] = i;
            }
        }
        invertAll(n);
        for (int k = 0; k < n; k++) {
            twiceAffine(members[k], denominators[k]);
        }
    }

    private void twiceOne(int item) {
        // A single inversion of its own: this only happens for crafted inputs.
        SecP256R1Field.twice(y[item], t4);
        Mod.modOddInverseVar(FIELD_PRIME, t4, inverse);
        twiceAffine(item, inverse);
    }

    /** Accumulator item = 2 accumulator item, given {@code 1 / (2 y)}. */
    private void twiceAffine(int item, int[] inverseOfTwiceY) {
        int[] xi = x[item];
        int[] yi = y[item];
        SecP256R1Field.square(xi, t1, wide);
        SecP256R1Field.twice(t1, t2);
        SecP256R1Field.add(t2, t1, t2);
        SecP256R1Field.subtract(t2, THREE, t2);                             // 3 x^2 + a, a = -3
        SecP256R1Field.multiply(t2, inverseOfTwiceY, t3, wide);             // lambda
        SecP256R1Field.square(t3, t4, wide);
        SecP256R1Field.twice(xi, t1);
        SecP256R1Field.subtract(t4, t1, t4);                                // x3 = lambda^2 - 2 x
        SecP256R1Field.subtract(xi, t4, t1);
        SecP256R1Field.multiply(t3, t1, t1, wide);
        SecP256R1Field.subtract(t1, yi, yi);                                // y3 = lambda (x - x3) - y
        System.arraycopy(t4, 0, xi, 0, 8);
    }

    /** Replaces denominators[0, n) by their inverses: one inversion and 3(n - 1) multiplications. */
    private void invertAll(int n) {
        if (n == 0) {
            return;
        }
        System.arraycopy(denominators[0], 0, prefixes[0], 0, 8);
        for (int k = 1; k < n; k++) {
            SecP256R1Field.multiply(prefixes[k - 1], denominators[k], prefixes[k], wide);
        }
        // Never zero: every factor is a nonzero element of the field.
        Mod.modOddInverseVar(FIELD_PRIME, prefixes[n - 1], inverse);
        for (int k = n - 1; k > 0; k--) {
            SecP256R1Field.multiply(inverse, prefixes[k - 1], t1, wide);   // 1 / d_k
            SecP256R1Field.multiply(inverse, denominators[k], inverse, wide); // 1 / (d_0 ... d_(k-1))
            System.arraycopy(t1, 0, denominators[k], 0, 8);
        }
        System.arraycopy(inverse, 0, denominators[0], 0, 8);
    }
}
