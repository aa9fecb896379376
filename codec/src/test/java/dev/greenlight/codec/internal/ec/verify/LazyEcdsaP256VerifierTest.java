package dev.greenlight.codec.internal.ec.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The lazy verifier gives the same verdicts before its tables exist (plain BouncyCastle) as after
 * (the comb), builds them once when the key proves busy, and stays correct when many threads cross
 * that threshold together.
 */
class LazyEcdsaP256VerifierTest {

    private static final Random RANDOM = new Random(0x1a2e_2026L);
    private static final ECPrivateKeyParameters PRIVATE_KEY;
    private static final ECPublicKeyParameters PUBLIC_KEY;

    static {
        BigInteger d = new BigInteger(255, RANDOM).add(BigInteger.ONE);
        ECPoint q = new FixedPointCombMultiplier().multiply(P256.DOMAIN.getG(), d).normalize();
        PRIVATE_KEY = new ECPrivateKeyParameters(d, P256.DOMAIN);
        PUBLIC_KEY = new ECPublicKeyParameters(q, P256.DOMAIN);
    }

    /** A message followed by its signature, valid or broken in one of the ways a code can be. */
    private record Case(byte[] payload, int signatureOffset, boolean valid) {
    }

    @Test
    void verify_mixedCasesOneByOneAcrossTheThreshold_sameVerdictsBeforeAndAfterTheTables() {
        List<Case> cases = mixedCases(3 * LazyEcdsaP256Verifier.PLAIN_VERIFICATIONS + 7);
        LazyEcdsaP256Verifier lazy = LazyEcdsaP256Verifier.forKey(PUBLIC_KEY);
        FastEcdsaP256Verifier fast = FastEcdsaP256Verifier.forKey(PUBLIC_KEY.getQ());

        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            // The first PLAIN_VERIFICATIONS run plainly; the next one builds the tables.
            assertEquals(i > LazyEcdsaP256Verifier.PLAIN_VERIFICATIONS, lazy.hasTables(), "before case " + i);
            boolean verdict = lazy.verify(c.payload, 0, c.signatureOffset, c.payload, c.signatureOffset);
            assertEquals(c.valid, verdict, "case " + i);
            assertEquals(fast.verify(c.payload, 0, c.signatureOffset, c.payload, c.signatureOffset), verdict, "case " + i);
        }
        assertTrue(lazy.hasTables());
    }

    @Test
    void tables_freshKey_buildsThemAtOnceAndAlwaysReturnsTheSame() {
        LazyEcdsaP256Verifier lazy = LazyEcdsaP256Verifier.forKey(PUBLIC_KEY);
        assertFalse(lazy.hasTables());

        FastEcdsaP256Verifier tables = lazy.tables();

        assertTrue(lazy.hasTables());
        assertSame(tables, lazy.tables());
        Case valid = mixedCases(1).get(0);
        assertTrue(lazy.verify(valid.payload, 0, valid.signatureOffset, valid.payload, valid.signatureOffset));
    }

    @Test
    void verify_manyThreadsCrossTheThresholdTogether_allVerdictsRightAndOneTable() throws Exception {
        List<Case> cases = mixedCases(4 * LazyEcdsaP256Verifier.PLAIN_VERIFICATIONS);
        int threads = 8;
        for (int round = 0; round < 5; round++) {
            LazyEcdsaP256Verifier lazy = LazyEcdsaP256Verifier.forKey(PUBLIC_KEY);
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<FastEcdsaP256Verifier>> seen = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t * 5;
                    seen.add(pool.submit(() -> {
                        start.await();
                        for (int k = 0; k < cases.size(); k++) {
                            Case c = cases.get((first + k) % cases.size());
                            assertEquals(c.valid, lazy.verify(c.payload, 0, c.signatureOffset, c.payload, c.signatureOffset));
                        }
                        // Half the threads also ask for the tables as a batch would, racing the threshold's build.
                        return first % 2 == 0 ? lazy.tables() : null;
                    }));
                }
                FastEcdsaP256Verifier built = lazy.tables();
                for (Future<FastEcdsaP256Verifier> result : seen) {
                    FastEcdsaP256Verifier tables = result.get();
                    if (tables != null) {
                        assertSame(built, tables, "every thread sees the one table built");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Valid signatures, and ones with a flipped message bit, a flipped signature bit, high S, r = 0, r = n. */
    private static List<Case> mixedCases(int count) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] message = new byte[36];
            RANDOM.nextBytes(message);
            byte[] signature = EcdsaP256Signer.sign(PRIVATE_KEY, message, 0, message.length);
            boolean valid = true;
            switch (i % 7) {
                case 1 -> {
                    message[RANDOM.nextInt(message.length)] ^= (byte) (1 << RANDOM.nextInt(8));
                    valid = false;
                }
                case 2 -> {
                    signature[RANDOM.nextInt(signature.length)] ^= (byte) (1 << RANDOM.nextInt(8));
                    valid = false;
                }
                case 3 -> {
                    BigInteger s = EcdsaP256.scalar(signature, P256.SCALAR_BYTES);
                    byte[] highS = BigIntegers.asUnsignedByteArray(P256.SCALAR_BYTES, P256.ORDER.subtract(s));
                    System.arraycopy(highS, 0, signature, P256.SCALAR_BYTES, P256.SCALAR_BYTES);
                    valid = false;
                }
                case 4 -> {
                    Arrays.fill(signature, 0, P256.SCALAR_BYTES, (byte) 0);
                    valid = false;
                }
                case 5 -> {
                    System.arraycopy(BigIntegers.asUnsignedByteArray(P256.SCALAR_BYTES, P256.ORDER), 0, signature, 0, P256.SCALAR_BYTES);
                    valid = false;
                }
                default -> {
                }
            }
            byte[] payload = Arrays.copyOf(message, message.length + EcdsaP256.SIGNATURE_BYTES);
            System.arraycopy(signature, 0, payload, message.length, EcdsaP256.SIGNATURE_BYTES);
            cases.add(new Case(payload, message.length, valid));
        }
        return cases;
    }
}
