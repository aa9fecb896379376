package dev.greenlight.codec.internal.ec.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/**
 * The signing multiplier against BouncyCastle's fixed-point comb and its generic
 * {@code ECPoint.multiply}, and signatures against the plain BouncyCastle signing path.
 */
class FastSignMultiplierTest {

    private static final BigInteger N = P256.ORDER;
    private static final ECPoint G = P256.DOMAIN.getG();
    private static final ECMultiplier REFERENCE = new FixedPointCombMultiplier();

    @Test
    void multiply_edgeScalars_matchesBouncyCastle() {
        for (BigInteger k : edgeScalars()) {
            assertMatches(P256GeneratorComb.instance(), k);
        }
    }

    @Test
    void multiply_tenThousandRandomScalars_matchesBouncyCastle() {
        Random random = new Random(20261126L);
        for (int i = 0; i < 10_000; i++) {
            assertMatches(P256GeneratorComb.instance(), new BigInteger(256, random));
        }
    }

    @Test
    void multiply_otherCombShapes_matchBouncyCastle() {
        // Shapes whose last comb runs past bit 255 (6 x 4: 264 bits), or with one column only.
        int[][] shapes = {{6, 1}, {6, 4}, {4, 8}, {5, 52}, {7, 3}, {1, 1}};
        Random random = new Random(7L);
        for (int[] shape : shapes) {
            P256GeneratorComb comb = P256GeneratorComb.of(shape[0], shape[1]);
            for (BigInteger k : edgeScalars()) {
                assertMatches(comb, k);
            }
            for (int i = 0; i < 100; i++) {
                assertMatches(comb, new BigInteger(256, random));
            }
        }
    }

    @Test
    void multiply_zero_isInfinity() {
        assertEquals(true, P256GeneratorComb.instance().multiply(G, BigInteger.ZERO).isInfinity());
    }

    @Test
    void multiply_scalarOf257Bits_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> P256GeneratorComb.instance().multiply(G, BigInteger.ONE.shiftLeft(256)));
    }

    @Test
    void multiply_pointOtherThanGenerator_throws() {
        ECPoint notG = G.twice().normalize();
        assertThrows(IllegalArgumentException.class,
                () -> P256GeneratorComb.instance().multiply(notG, BigInteger.TEN));
    }

    @Test
    void sign_randomKeysAndMessages_identicalToPlainBouncyCastleSigner() {
        Random random = new Random(20261127L);
        for (int i = 0; i < 500; i++) {
            BigInteger d = new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            ECPrivateKeyParameters key = new ECPrivateKeyParameters(d, P256.DOMAIN);
            byte[] message = new byte[random.nextInt(200)];
            random.nextBytes(message);
            int offset = message.length == 0 ? 0 : random.nextInt(message.length);
            int length = message.length - offset;
            assertArrayEquals(referenceSign(key, message, offset, length),
                    EcdsaP256Signer.sign(key, message, offset, length), "key #" + i);
        }
    }

    /** The signing path before the comb: BouncyCastle's own multiplier, same nonce, same low S. */
    private static byte[] referenceSign(ECPrivateKeyParameters key, byte[] message, int offset, int length) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(EcdsaP256.sha256(message, offset, length));
        BigInteger s = rs[1].compareTo(P256.HALF_ORDER) > 0 ? N.subtract(rs[1]) : rs[1];
        byte[] signature = new byte[64];
        BigIntegers.asUnsignedByteArray(rs[0], signature, 0, 32);
        BigIntegers.asUnsignedByteArray(s, signature, 32, 32);
        return signature;
    }

    private static List<BigInteger> edgeScalars() {
        BigInteger one = BigInteger.ONE;
        List<BigInteger> ks = new ArrayList<>();
        for (long small = 1; small <= 70; small++) {
            ks.add(BigInteger.valueOf(small));
        }
        ks.add(N.subtract(one));
        ks.add(N.subtract(BigInteger.TWO));
        ks.add(N.shiftRight(1));
        ks.add(N);
        ks.add(N.add(one));
        ks.add(one.shiftLeft(256).subtract(one));
        for (int bit = 0; bit < 256; bit += 5) {
            ks.add(one.shiftLeft(bit));
            // A run of ones from bit up to 255, and its complement: long runs of 0 and 1 bits.
            ks.add(one.shiftLeft(256).subtract(one.shiftLeft(bit)));
            ks.add(one.shiftLeft(bit).subtract(one));
        }
        ks.add(one.shiftLeft(255));
        ks.add(one.shiftLeft(128).subtract(one).shiftLeft(64));
        return ks;
    }

    private static void assertMatches(P256GeneratorComb comb, BigInteger k) {
        ECPoint expected = REFERENCE.multiply(G, k).normalize();
        ECPoint actual = comb.multiply(G, k).normalize();
        assertEquals(expected, actual, "k = " + k.toString(16));
        assertEquals(G.multiply(k).normalize(), actual, "k = " + k.toString(16));
    }
}
