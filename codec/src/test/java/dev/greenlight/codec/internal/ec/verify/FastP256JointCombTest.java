package dev.greenlight.codec.internal.ec.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;

/** The joint comb against BouncyCastle's own point arithmetic, including the addition law's exceptional cases. */
class FastP256JointCombTest {

    private static final BigInteger N = P256.ORDER;
    private static final BigInteger MAX_256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    private static final ECPoint G = P256.PARAMETERS.getG();

    @Test
    void multiplyAdd_randomScalarsAndKeys_matchesBouncyCastle() {
        Random random = new Random(20260501L);
        for (int i = 0; i < 100; i++) {
            ECPoint q = G.multiply(new BigInteger(255, random).add(BigInteger.ONE)).normalize();
            assertMatches(new BigInteger(256, random), G, new BigInteger(256, random), q);
        }
    }

    @Test
    void multiplyAdd_edgeScalars_matchesBouncyCastle() {
        ECPoint q = G.multiply(BigInteger.valueOf(0x5eed)).normalize();
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, N.subtract(BigInteger.ONE), N,
                N.add(BigInteger.ONE), MAX_256, BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(224),
                BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)};
        for (BigInteger a : edges) {
            for (BigInteger b : edges) {
                assertMatches(a, G, b, q);
            }
        }
    }

    @Test
    void multiplyAdd_samePointSameScalar_doublesInsteadOfAdding() {
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            BigInteger a = new BigInteger(256, random);
            assertMatches(a, G, a, G);
        }
    }

    @Test
    void multiplyAdd_pointPlusItsNegation_isInfinity() {
        Random random = new Random(11);
        ECPoint q = G.multiply(BigInteger.valueOf(3)).normalize();
        for (int i = 0; i < 50; i++) {
            BigInteger a = new BigInteger(255, random).add(BigInteger.ONE);
            // a G + (n - a) G, and 3a G + (n - a) (3G): both cancel, the last one only at the very end.
            assertMatches(a, G, N.subtract(a), G);
            assertMatches(a.multiply(BigInteger.valueOf(3)).mod(N), G, N.subtract(a), q);
        }
    }

    /**
     * Comb shapes (teeth, combs) for P and for Q: the production pair first, then pairs whose
     * spacings differ the other way round, are equal, or do not divide 256.
     */
    private static final int[][] SHAPES = {{11, 3, 8, 4}, {8, 2, 11, 2}, {8, 1, 8, 1}, {5, 3, 7, 1}};
    private static final Map<String, P256CombTable> TABLES = new HashMap<>();

    private static P256CombTable table(ECPoint point, int teeth, int combs) {
        return TABLES.computeIfAbsent(point.normalize() + "/" + teeth + "x" + combs, k -> P256CombTable.of(point, teeth, combs));
    }

    private static void assertMatches(BigInteger a, ECPoint p, BigInteger b, ECPoint q) {
        ECPoint expected = p.multiply(a).add(q.multiply(b)).normalize();
        for (int[] shape : SHAPES) {
            P256JointComb sum = new P256JointComb();
            sum.multiplyAdd(Nat256.fromBigInteger(a), table(p, shape[0], shape[1]),
                    Nat256.fromBigInteger(b), table(q, shape[2], shape[3]));
            String what = "a = " + a.toString(16) + ", b = " + b.toString(16) + ", shape " + Arrays.toString(shape);
            assertEquals(expected.isInfinity(), sum.isInfinity(), what);
            if (!expected.isInfinity()) {
                assertTrue(sum.affineEquals(Nat256.fromBigInteger(expected.getAffineXCoord().toBigInteger()),
                        Nat256.fromBigInteger(expected.getAffineYCoord().toBigInteger())), what);
            }
        }
    }
}
