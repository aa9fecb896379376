package dev.greenlight.benchmarks;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.RejectionReason;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.Verifier;
import dev.greenlight.codec.revocation.RevocationList;
import dev.greenlight.codec.revocation.RevocationListException;
import dev.greenlight.codec.revocation.RevocationSet;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 13's bar: decode+verify with 1,000,000 revoked serials loaded against the same without
 * revocations, in one fork with the same settings, so that their ratio survives a noisy machine.
 * The million serials are all under the codes' own key id, the worst case for the lookup (a
 * bisection over the whole array); the pool's codes are not among them, so both paths run every
 * step to a valid result. Also: reading a million-serial base list (signature, Rice decoding, the
 * in-memory set).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class RevocationBenchmarks {

    static final int REVOKED = 1_000_000;

    @State(Scope.Benchmark)
    public static class Shared {
        String[] texts;
        Verifier withoutRevocations;
        Verifier withMillionRevoked;
        String millionList;
        ECPublicKey root;

        @Setup(Level.Trial)
        public void setUp() throws RevocationListException {
            Fixtures fixtures = new Fixtures();
            texts = fixtures.texts;
            KeyPair rootPair = P256KeyPairs.generate(new SecureRandom());
            root = (ECPublicKey) rootPair.getPublic();
            IssuedCode revoked = fixtures.issuer.issue(Fixtures.identity(9999), Colour.GREEN);
            millionList = millionSerialList(fixtures, rootPair, revoked.claims().serial());
            RevocationSet set = RevocationSet.of(RevocationList.verify(millionList, root), List.of());
            Clock clock = Clock.fixed(Fixtures.ISSUED_AT.plus(Duration.ofHours(1)), ZoneOffset.UTC);
            withoutRevocations = Verifier.builder(TrustedKeys.of(fixtures.publicKey()), clock).build();
            withMillionRevoked = Verifier.builder(TrustedKeys.of(fixtures.publicKey()), clock).revocations(set).build();
            for (String text : texts) {
                if (!withoutRevocations.verify(text).isValid() || !withMillionRevoked.verify(text).isValid()) {
                    throw new IllegalStateException("a pool code does not verify");
                }
            }
            if (withMillionRevoked.verify(revoked.text()).reason() != RejectionReason.REVOKED || !withoutRevocations.verify(revoked.text()).isValid()) {
                throw new IllegalStateException("the revoked code is not told apart");
            }
            if (set.serialCount() != REVOKED) {
                throw new IllegalStateException("the set holds " + set.serialCount() + " serials");
            }
        }

        /** One million serials of the pool's key: {@code revoked}, and random ones that are no pool code's. */
        static String millionSerialList(Fixtures fixtures, KeyPair rootPair, Serial revoked) {
            KeyId keyId = KeyId.of(fixtures.publicKey());
            Set<Long> poolSerials = new HashSet<>();
            for (IssuedCode code : fixtures.codes) {
                poolSerials.add(code.claims().serial().value());
            }
            RevocationList.Builder builder = RevocationList.base(1, Fixtures.ISSUED_AT).revokeSerial(keyId, revoked);
            SplittableRandom random = new SplittableRandom(13);
            int added = 1;
            Set<Long> seen = new HashSet<>();
            seen.add(revoked.value());
            while (added < REVOKED) {
                long serial = random.nextLong();
                if (!poolSerials.contains(serial) && seen.add(serial)) {
                    builder.revokeSerial(keyId, new Serial(serial));
                    added++;
                }
            }
            return builder.sign(rootPair.getPrivate(), null, null);
        }
    }

    @State(Scope.Thread)
    public static class PerThread {
        int next;

        int next() {
            next = (next + 1) & (Fixtures.POOL - 1);
            return next;
        }
    }

    @Benchmark
    public VerificationResult decodeVerifyNoRevocations(Shared shared, PerThread thread) {
        return shared.withoutRevocations.verify(shared.texts[thread.next()]);
    }

    @Benchmark
    public VerificationResult decodeVerifyMillionRevoked(Shared shared, PerThread thread) {
        return shared.withMillionRevoked.verify(shared.texts[thread.next()]);
    }

    /**
     * Where the machine is shared, load that changes between the two benchmarks above moves one
     * score and not the other. Here both verifiers take turns code by code, in alternating order,
     * and each one's time is summed per iteration: load falls on both alike, and the ratio of the
     * two sums in one iteration is the cost of the lookup. {@code nanoTime} adds some 25 ns to
     * each of two 45 µs verifications, the same to both.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class TurnTimes {
        public long nanosWithoutRevocations;
        public long nanosWithMillionRevoked;
        boolean revokedFirst;

        @Setup(Level.Iteration)
        public void reset() {
            nanosWithoutRevocations = 0;
            nanosWithMillionRevoked = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(2)
    @Fork(2)
    @Measurement(iterations = 10, time = 2)
    public void decodeVerifyInTurns(Shared shared, PerThread thread, TurnTimes times, Blackhole sink) {
        String text = shared.texts[thread.next()];
        times.revokedFirst = !times.revokedFirst;
        long start = System.nanoTime();
        sink.consume((times.revokedFirst ? shared.withMillionRevoked : shared.withoutRevocations).verify(text));
        long middle = System.nanoTime();
        sink.consume((times.revokedFirst ? shared.withoutRevocations : shared.withMillionRevoked).verify(text));
        long end = System.nanoTime();
        if (times.revokedFirst) {
            times.nanosWithMillionRevoked += middle - start;
            times.nanosWithoutRevocations += end - middle;
        } else {
            times.nanosWithoutRevocations += middle - start;
            times.nanosWithMillionRevoked += end - middle;
        }
    }

    /** Signature over 7.7 MB of text, Rice decoding of a million serials, the set: what a scanner does when a base list arrives. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Measurement(iterations = 5, time = 2)
    public RevocationSet loadMillionSerialList(Shared shared) throws RevocationListException {
        return RevocationSet.of(RevocationList.verify(shared.millionList, shared.root), List.of());
    }

}
