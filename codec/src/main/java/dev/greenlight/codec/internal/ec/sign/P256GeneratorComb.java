package dev.greenlight.codec.internal.ec.sign;

import java.math.BigInteger;
import dev.greenlight.codec.internal.ec.ConstantTime;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.math.ec.AbstractECMultiplier;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat;

/**
 * Constant-time {@code k G} for the P-256 generator G on several combs, for signing, where k is
 * the secret nonce.
 *
 * <p>BouncyCastle's {@code FixedPointCombMultiplier} uses one comb of 6 teeth, 43 bits apart: 43
 * doublings and 43 additions. With {@code combs} combs of {@code teeth} teeth, the teeth are
 * {@code spacing = ceil(256 / (combs teeth))} bits apart, and a multiplication takes
 * {@code spacing} doublings and {@code combs * spacing} additions: the doublings shrink as
 * combs are added, the additions as teeth are.
 *
 * <p>Constant time as BouncyCastle's comb is: every column does the same doubling and one
 * addition per comb, whatever k's bits, each with a point read from a cache-safe table
 * ({@code ECLookupTable.lookup} touches every entry). No entry is the point at infinity, so no
 * addition takes a shortcut: as in BouncyCastle's {@code FixedPointUtil}, entry i of comb c
 * holds its teeth's sum plus the comb's first tooth {@code B_c}, and the sum of the extra teeth,
 * {@code (2^spacing - 1) (B_0 + ... + B_(combs-1))}, is subtracted once at the end. (BouncyCastle's
 * addition law still branches when the two points are equal or opposite, which for a secret k
 * happens with negligible probability, as in BouncyCastle's own comb.)
 *
 * <p>Immutable and thread-safe; {@link #instance()} builds its tables once, in a few milliseconds.
 */
@ConstantTime
final class P256GeneratorComb extends AbstractECMultiplier {

    private static final int SCALAR_BITS = P256.ORDER.bitLength();

    private final int teeth;
    private final int combs;
    private final int spacing;
    private final ECLookupTable[] tables;
    private final ECPoint offset;

    private P256GeneratorComb(int teeth, int combs) {
        if (teeth < 1 || teeth > 10 || combs < 1 || (combs - 1) * teeth >= SCALAR_BITS) {
            throw new IllegalArgumentException("unsupported comb shape: " + combs + " x " + teeth + " teeth");
        }
        this.teeth = teeth;
        this.combs = combs;
        this.spacing = (SCALAR_BITS + combs * teeth - 1) / (combs * teeth);
        int size = 1 << teeth;
        ECPoint g = P256.PARAMETERS.getG();
        ECPoint tooth = g;
        ECPoint firstTeeth = P256.CURVE.getInfinity();
        this.tables = new ECLookupTable[combs];
        for (int c = 0; c < combs; c++) {
            ECPoint[] teethPoints = new ECPoint[teeth];
            for (int j = 0; j < teeth; j++) {
                teethPoints[j] = tooth;
                tooth = tooth.timesPow2(spacing).normalize();
            }
            firstTeeth = firstTeeth.add(teethPoints[0]);
            ECPoint[] entries = new ECPoint[size];
            entries[0] = teethPoints[0];
            for (int i = 1; i < size; i++) {
                int top = 31 - Integer.numberOfLeadingZeros(i);
                entries[i] = entries[i ^ (1 << top)].add(teethPoints[top]);
            }
            for (ECPoint entry : entries) {
                // Never the case for P-256 (each entry is a multiple of G by a number of few set
                // bits, far from the order), but a table with infinity would not be constant time.
                if (entry.isInfinity()) {
                    throw new IllegalStateException("a comb entry is the point at infinity");
                }
            }
            P256.CURVE.normalizeAll(entries);
            tables[c] = P256.CURVE.createCacheSafeLookupTable(entries, 0, size);
        }
        this.offset = firstTeeth.timesPow2(spacing).subtract(firstTeeth).negate().normalize();
    }

    /**
     * The shape signing uses: 13 combs of 5 teeth, 4 bits apart, 26 KiB of tables; 3 doublings
     * (the first column starts from infinity) and 52 additions. Additions dominate and a lookup
     * costs in proportion to its table, so 5 teeth beat 6 (43 additions but 64-entry lookups);
     * more combs only trade the few remaining doublings for memory. Measured in
     * {@code benchmarks/results/batch.md}.
     */
    private static final P256GeneratorComb DEFAULT = new P256GeneratorComb(5, 13);

    static P256GeneratorComb instance() {
        return DEFAULT;
    }

    /** Another shape, for tests and measurements; builds its tables on each call. */
    static P256GeneratorComb of(int teeth, int combs) {
        return new P256GeneratorComb(teeth, combs);
    }

    /**
     * @param p must be the P-256 generator: the tables are for G only
     * @param k below 2^256, as an ECDSA nonce is
     */
    @Override
    @ConstantTime
    protected ECPoint multiplyPositive(ECPoint p, BigInteger k) {
        if (!p.equals(P256.PARAMETERS.getG())) {
            throw new IllegalArgumentException("this multiplier only multiplies the P-256 generator");
        }
        if (k.bitLength() > SCALAR_BITS) {
            throw new IllegalArgumentException("scalar longer than " + SCALAR_BITS + " bits");
        }
        int combBits = spacing * teeth;
        int[] bits = Nat.fromBigInteger(combBits * combs, k);
        ECPoint r = P256.CURVE.getInfinity();
        for (int column = spacing - 1; column >= 0; column--) {
            for (int c = 0; c < combs; c++) {
                int index = 0;
                for (int j = teeth - 1, bit = c * combBits + j * spacing + column; j >= 0; j--, bit -= spacing) {
                    index = (index << 1) | ((bits[bit >>> 5] >>> (bit & 31)) & 1);
                }
                ECPoint entry = tables[c].lookup(index);
                r = c == 0 ? r.twicePlus(entry) : r.add(entry);
            }
        }
        return r.add(offset);
    }
}
