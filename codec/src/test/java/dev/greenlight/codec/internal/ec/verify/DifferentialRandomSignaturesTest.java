package dev.greenlight.codec.internal.ec.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.sign.EcdsaP256Signer;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/**
 * The fast verifier against the plain BouncyCastle one ({@link PlainEcdsaP256Verifier#verify}) on
 * random valid signatures over random keys, and on single-bit mutations of them. Seeded, so a
 * failure repeats.
 */
class DifferentialRandomSignaturesTest {

    private static final long SEED = 0x6c5f_2026_0501L;
    private static final int KEYS = 100;
    /**
     * 100,000 signatures: 21 s on this project's 2-core machine when otherwise idle, 37 s when
     * shared with other builds; {@code -Dgreenlight.differential.messagesPerKey=100} for a quick run.
     */
    private static final int MESSAGES_PER_KEY = Integer.getInteger("greenlight.differential.messagesPerKey", 1_000);
    /** Signatures whose every single-bit mutation (message and signature) is checked. */
    private static final int EXHAUSTIVE_SIGNATURES = 20;

    private record Signer(ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey, FastEcdsaP256Verifier fast) {
        static Signer random(SplittableRandom random) {
            BigInteger d;
            do {
                d = new BigInteger(256, new Random(random.nextLong()));
            } while (d.signum() == 0 || d.compareTo(P256.ORDER) >= 0);
            ECPoint q = new FixedPointCombMultiplier().multiply(P256.DOMAIN.getG(), d).normalize();
            return new Signer(new ECPrivateKeyParameters(d, P256.DOMAIN), new ECPublicKeyParameters(q, P256.DOMAIN),
                    FastEcdsaP256Verifier.forKey(q));
        }
    }

    @Test
    void verify_randomValidSignaturesAndOneMutationEach_fastAgreesWithPlain() {
        // Keys in parallel, each with its own seeded generator: the same cases on any core count.
        long mutatedAccepted = IntStream.range(0, KEYS).parallel().mapToLong(k -> {
            SplittableRandom random = new SplittableRandom(SEED + 1_000 + k);
            Signer signer = Signer.random(random);
            long accepted = 0;
            for (int m = 0; m < MESSAGES_PER_KEY; m++) {
                byte[] message = randomBytes(random, random.nextInt(0, 101));
                byte[] signature = EcdsaP256Signer.sign(signer.privateKey(), message, 0, message.length);
                String where = "key " + k + ", message " + m;
                assertTrue(PlainEcdsaP256Verifier.verify(signer.publicKey(), message, signature), "plain, " + where);
                assertTrue(signer.fast().verify(message, signature), "fast, " + where);

                int bit = random.nextInt(8 * (message.length + signature.length));
                byte[] mutatedMessage = message.clone();
                byte[] mutatedSignature = signature.clone();
                flip(bit, mutatedMessage, mutatedSignature);
                boolean plain = PlainEcdsaP256Verifier.verify(signer.publicKey(), mutatedMessage, mutatedSignature);
                assertEquals(plain, signer.fast().verify(mutatedMessage, mutatedSignature), "bit " + bit + ", " + where);
                accepted += plain ? 1 : 0;
            }
            return accepted;
        }).sum();
        assertEquals(0, mutatedAccepted, "single-bit mutations that still verify");
    }

    @Test
    void verify_everySingleBitMutationOfSomeSignatures_fastAgreesWithPlain() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int n = 0; n < EXHAUSTIVE_SIGNATURES; n++) {
            Signer signer = Signer.random(random);
            byte[] message = randomBytes(random, 36);
            byte[] signature = EcdsaP256Signer.sign(signer.privateKey(), message, 0, message.length);
            for (int bit = 0; bit < 8 * (message.length + signature.length); bit++) {
                byte[] mutatedMessage = message.clone();
                byte[] mutatedSignature = signature.clone();
                flip(bit, mutatedMessage, mutatedSignature);
                boolean plain = PlainEcdsaP256Verifier.verify(signer.publicKey(), mutatedMessage, mutatedSignature);
                boolean fast = signer.fast().verify(mutatedMessage, mutatedSignature);
                assertEquals(plain, fast, "signature " + n + ", bit " + bit);
                assertFalse(fast, "signature " + n + ", bit " + bit + " still verifies");
            }
        }
    }

    @Test
    void verify_highSOfAValidSignature_bothReject() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        Signer signer = Signer.random(random);
        byte[] message = randomBytes(random, 36);
        byte[] signature = EcdsaP256Signer.sign(signer.privateKey(), message, 0, message.length);
        BigInteger s = EcdsaP256.scalar(signature, P256.SCALAR_BYTES);
        byte[] highS = signature.clone();
        byte[] negated = BigIntegers.asUnsignedByteArray(P256.SCALAR_BYTES, P256.ORDER.subtract(s));
        System.arraycopy(negated, 0, highS, P256.SCALAR_BYTES, P256.SCALAR_BYTES);

        assertTrue(signer.fast().verify(message, signature));
        assertFalse(PlainEcdsaP256Verifier.verify(signer.publicKey(), message, highS));
        assertFalse(signer.fast().verify(message, highS));
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Flips bit {@code bit} of message || signature. */
    private static void flip(int bit, byte[] message, byte[] signature) {
        int index = bit >>> 3;
        byte mask = (byte) (1 << (bit & 7));
        if (index < message.length) {
            message[index] ^= mask;
        } else {
            signature[index - message.length] ^= mask;
        }
    }
}
