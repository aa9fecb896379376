package dev.greenlight.benchmarks;

import java.util.Arrays;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.Verifier;
import dev.greenlight.codec.revocation.RevocationListException;

/**
 * The ratio of {@link RevocationBenchmarks} measured so that a machine whose load changes from
 * second to second cannot fake it: the two verifiers take turns in blocks of 20 ms, in alternating
 * order, and each pair of neighbouring blocks gives one ratio; the median of the ratios and its
 * quartiles are reported. JMH runs one benchmark after the other, so load that arrives during the
 * second moves its score, not the first's: on a shared machine that drift swamps a 5% bar.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.greenlight.benchmarks.RevocationPaired [pairs]
 * </pre>
 */
public final class RevocationPaired {

    private RevocationPaired() {
    }

    public static void main(String[] args) throws RevocationListException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        RevocationBenchmarks.Shared shared = new RevocationBenchmarks.Shared();
        shared.setUp();
        String[] texts = shared.texts;
        int sink = 0;
        // Warm-up: both paths compiled before the first measured block.
        for (int i = 0; i < 40_000; i++) {
            sink += once(shared.withoutRevocations, texts[i & 255]);
            sink += once(shared.withMillionRevoked, texts[i & 255]);
        }
        long blockNanos = 20_000_000L;
        double[] ratios = new double[pairs];
        long totalWith = 0;
        long totalWithout = 0;
        long countWith = 0;
        long countWithout = 0;
        int next = 0;
        for (int p = 0; p < pairs; p++) {
            double rateWith;
            double rateWithout;
            boolean withFirst = (p & 1) == 0;
            long[] first = block(withFirst ? shared.withMillionRevoked : shared.withoutRevocations, texts, next, blockNanos);
            next += (int) first[0];
            long[] second = block(withFirst ? shared.withoutRevocations : shared.withMillionRevoked, texts, next, blockNanos);
            next += (int) second[0];
            long[] with = withFirst ? first : second;
            long[] without = withFirst ? second : first;
            rateWith = with[0] / (double) with[1];
            rateWithout = without[0] / (double) without[1];
            ratios[p] = rateWith / rateWithout;
            totalWith += with[1];
            totalWithout += without[1];
            countWith += with[0];
            countWithout += without[0];
            sink += (int) (first[2] + second[2]);
        }
        Arrays.sort(ratios);
        System.out.printf("paired blocks of 20 ms, %d pairs, alternating order: with / without, median %.4f, quartiles %.4f to %.4f, "
                        + "5th to 95th percentile %.4f to %.4f%n",
                pairs, ratios[pairs / 2], ratios[pairs / 4], ratios[3 * pairs / 4], ratios[pairs / 20], ratios[pairs - 1 - pairs / 20]);
        // The median's standard error from the spread, as for a normal sample: 1.2533 sigma / sqrt(n), sigma = IQR / 1.349.
        double standardError = 1.2533 * ((ratios[3 * pairs / 4] - ratios[pairs / 4]) / 1.349) / Math.sqrt(pairs);
        System.out.printf("median %.4f, 95%% interval of the median about %.4f to %.4f: %s%n", ratios[pairs / 2],
                ratios[pairs / 2] - 1.96 * standardError, ratios[pairs / 2] + 1.96 * standardError,
                ratios[pairs / 2] - 1.96 * standardError >= 0.95 ? "within 5%" : "not shown to be within 5%");
        System.out.printf("overall: with %,.0f codes/s, without %,.0f codes/s (over %.1f s each)%s%n",
                countWith * 1e9 / totalWith, countWithout * 1e9 / totalWithout, totalWith / 1e9, sink == 42 ? " " : "");
    }

    /** Verifies for about {@code nanos}; returns codes verified, nanoseconds taken and a checksum to keep the JIT honest. */
    private static long[] block(Verifier verifier, String[] texts, int start, long nanos) {
        long begin = System.nanoTime();
        long end = begin + nanos;
        long count = 0;
        long sum = 0;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                sum += once(verifier, texts[(int) ((start + count++) & 255)]);
            }
            now = System.nanoTime();
        } while (now < end);
        return new long[] {count, now - begin, sum};
    }

    private static int once(Verifier verifier, String text) {
        VerificationResult result = verifier.verify(text);
        return result.isValid() ? 1 : 0;
    }
}
