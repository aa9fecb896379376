package dev.greenlight.codec.internal.ec.verify;

import java.util.concurrent.atomic.AtomicInteger;
import dev.greenlight.codec.internal.ec.VariableTime;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Verification against one trusted key that earns its tables before it builds them: the first
 * {@value #PLAIN_VERIFICATIONS} verifications run on {@link PlainEcdsaP256Verifier} (BouncyCastle,
 * nothing precomputed), the next one builds the key's {@link FastEcdsaP256Verifier} (64 KiB of
 * comb tables, and the generator's 384 KiB the first time any key does), and every later one uses
 * it. A one-shot {@code gl-verify verify} thus never pays for tables it would use once; a scanner
 * or a server builds them after a few codes. Batches ({@link #tables()}) build them at once.
 *
 * <p>The verdicts do not depend on the path: the differential tests hold the fast verifier to the
 * plain one on every Wycheproof case and on 100,000 random and mutated signatures.
 *
 * <p>Why {@value #PLAIN_VERIFICATIONS}: the tables pay back only after some verifications. In a
 * cold JVM with C1 only (the launchers' one-shot setting), a plain verification costs about 0.7 ms
 * more than a fast one and a key's table about 18 ms to build: a crossover near 25 verifications.
 * Once C2 has compiled both, about 35 µs (81 against 46 µs in the JMH tables of
 * {@code benchmarks/README.md}) against about 3 ms: near 85. The generator's table, built with the
 * first key's, adds a one-off 0.15 to 0.2 s cold. Building at the crossover bounds the waste to
 * twice the best choice in hindsight (the ski-rental argument); 32 sits at the cold crossover and
 * below the warm one, so a busy key reaches the fast path within its first few dozen codes, while
 * a one-shot command, or a key that signed only a handful of the codes seen, never builds.
 *
 * <p>Immutable from the outside and thread-safe: the tables are built once, by the thread that
 * crosses the threshold or the first batch, under a private lock; threads that need them meanwhile
 * wait for that build, and every thread sees the finished tables through a volatile field.
 */
@VariableTime
public final class LazyEcdsaP256Verifier {

    /** How many verifications run plainly before the key's tables are built; see the class comment. */
    static final int PLAIN_VERIFICATIONS = 32;

    private final ECPublicKeyParameters key;
    /** Verifications started on the plain path; stops counting once past the threshold. */
    private final AtomicInteger plainVerifications = new AtomicInteger();
    private final Object tablesLock = new Object();
    private volatile FastEcdsaP256Verifier tables;

    private LazyEcdsaP256Verifier(ECPublicKeyParameters key) {
        this.key = key;
    }

    /**
     * A verifier for one key, with nothing precomputed yet.
     *
     * @param key a valid P-256 point other than infinity, on {@code P256.DOMAIN}
     */
    @VariableTime
    public static LazyEcdsaP256Verifier forKey(ECPublicKeyParameters key) {
        return new LazyEcdsaP256Verifier(key);
    }

    /**
     * Verifies the 64 signature bytes at {@code signature[signatureOffset]} over
     * {@code message[offset, offset + length)}: exactly {@link FastEcdsaP256Verifier#verify}'s
     * verdict, plainly until the key has been used {@value #PLAIN_VERIFICATIONS} times.
     */
    @VariableTime
    public boolean verify(byte[] message, int offset, int length, byte[] signature, int signatureOffset) {
        FastEcdsaP256Verifier fast = tables;
        if (fast == null) {
            if (plainVerifications.get() < PLAIN_VERIFICATIONS
                    && plainVerifications.getAndIncrement() < PLAIN_VERIFICATIONS) {
                return PlainEcdsaP256Verifier.verify(key, message, offset, length, signature, signatureOffset);
            }
            fast = tables();
        }
        return fast.verify(message, offset, length, signature, signatureOffset);
    }

    /**
     * The key's comb tables, built now if they are not yet: for a batch, which runs long enough
     * to earn them back whatever its size.
     *
     * @return the fast verifier of this key, the same object on every call
     */
    @VariableTime
    public FastEcdsaP256Verifier tables() {
        FastEcdsaP256Verifier fast = tables;
        if (fast == null) {
            synchronized (tablesLock) {
                fast = tables;
                if (fast == null) {
                    fast = FastEcdsaP256Verifier.forKey(key.getQ());
                    tables = fast;
                }
            }
        }
        return fast;
    }

    /** Whether the tables have been built; for the tests. */
    boolean hasTables() {
        return tables != null;
    }
}
