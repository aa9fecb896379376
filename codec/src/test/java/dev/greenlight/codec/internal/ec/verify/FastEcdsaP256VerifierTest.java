package dev.greenlight.codec.internal.ec.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/**
 * The fast verifier's rarest branch: R = u1 G + u2 Q with an x-coordinate of at least n, so that
 * r = x - n. Random signatures reach it with probability about 2^-128 and no low-S Wycheproof case
 * does, so the signature is built backwards from R: choose R, s and the message, then solve for Q.
 */
class FastEcdsaP256VerifierTest {

    private static final BigInteger N = P256.ORDER;
    private static final BigInteger P = P256.CURVE.getField().getCharacteristic();

    private record Instance(ECPoint key, byte[] message, byte[] signature, BigInteger xOfR) {
    }

    private static Instance signatureWithLargeX() {
        ECPoint r = null;
        for (BigInteger x = N; r == null && x.compareTo(P) < 0; x = x.add(BigInteger.ONE)) {
            byte[] compressed = new byte[33];
            compressed[0] = 0x02;
            BigIntegers.asUnsignedByteArray(x, compressed, 1, 32);
            try {
                r = P256.CURVE.decodePoint(compressed);
            } catch (IllegalArgumentException notOnTheCurve) {
                // x^3 - 3x + b is not a square: try the next x.
            }
        }
        BigInteger xOfR = r.getAffineXCoord().toBigInteger();
        BigInteger rScalar = xOfR.subtract(N);
        BigInteger s = BigInteger.valueOf(0x1234_5678_9abcL);
        byte[] message = "x(R) >= n".getBytes(StandardCharsets.US_ASCII);
        BigInteger e = new BigInteger(1, EcdsaP256.sha256(message, 0, message.length));
        BigInteger w = s.modInverse(N);
        BigInteger u1 = e.multiply(w).mod(N);
        BigInteger u2 = rScalar.multiply(w).mod(N);
        // u1 G + u2 Q = R  <=>  Q = (R - u1 G) / u2
        ECPoint q = r.subtract(P256.PARAMETERS.getG().multiply(u1)).multiply(u2.modInverse(N)).normalize();
        byte[] signature = new byte[64];
        BigIntegers.asUnsignedByteArray(rScalar, signature, 0, 32);
        BigIntegers.asUnsignedByteArray(s, signature, 32, 32);
        return new Instance(q, message, signature, xOfR);
    }

    @Test
    void verify_xOfRAtLeastN_acceptsRAsXMinusN() {
        Instance instance = signatureWithLargeX();

        assertTrue(PlainEcdsaP256Verifier.verify(new ECPublicKeyParameters(instance.key(), P256.DOMAIN), instance.message(), instance.signature()),
                "the reference verifier must accept the constructed signature, or the construction is wrong");
        assertTrue(FastEcdsaP256Verifier.forKey(instance.key()).verify(instance.message(), instance.signature()));
    }

    @Test
    void verify_xOfRAtLeastN_rejectsAnotherR() {
        Instance instance = signatureWithLargeX();
        byte[] signature = instance.signature().clone();
        signature[31] ^= 1;

        assertFalse(FastEcdsaP256Verifier.forKey(instance.key()).verify(instance.message(), signature));
    }
}
