package dev.greenlight.benchmarks.tools;

import java.io.File;
import java.io.IOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.revocation.RevocationList;
import dev.greenlight.codec.revocation.RevocationListException;
import dev.greenlight.codec.revocation.RevocationSet;

/**
 * The figures of issue 13 that JMH does not give: the size of a million-serial base list and of
 * daily deltas, and the heap a loaded million-serial {@link RevocationSet} keeps; and, given JMH's
 * JSON of {@code RevocationBenchmarks}, the ratio with and without revocations with its error.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.greenlight.benchmarks.tools.RevocationFigures
 * java -cp benchmarks/target/benchmarks.jar dev.greenlight.benchmarks.tools.RevocationFigures ratio results/revocation.json
 * </pre>
 */
public final class RevocationFigures {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    private RevocationFigures() {
    }

    public static void main(String[] args) throws IOException, RevocationListException {
        if (args.length == 2 && args[0].equals("ratio")) {
            ratio(new File(args[1]));
            return;
        }
        KeyPair root = P256KeyPairs.generate(new SecureRandom());
        KeyId key = KeyId.parse("1f2e3d4c");
        for (int n : new int[] {1_000, 10_000, 1_000_000}) {
            String text = list(n, key, root, n == 1_000_000 ? 1 : 2);
            int payload = (int) ((text.length() - text.indexOf('.') - 1 - (text.length() - text.lastIndexOf('.'))) * 3L / 4);
            System.out.printf("%s of %,d serials (one key id): payload %,d bytes (%.1f bits a serial), JWS text %,d characters%n",
                    n == 1_000_000 ? "base list" : "delta", n, payload, payload * 8.0 / n, text.length());
        }
        ECPublicKey rootKey = (ECPublicKey) root.getPublic();
        // Measured before the text exists, so that what the text costs is not netted against the set.
        long before = usedAfterGc();
        String million = list(1_000_000, key, root, 1);
        long start = System.nanoTime();
        RevocationSet set = RevocationSet.of(RevocationList.verify(million, rootKey), List.of());
        long millis = (System.nanoTime() - start) / 1_000_000;
        million = null;
        long after = usedAfterGc();
        System.out.printf("loaded %,d serials in %,d ms (one cold load; JMH's loadMillionSerialList is the warm figure)%n", set.serialCount(), millis);
        System.out.printf("heap kept by the set: %,d bytes (used heap after forced GC, before %,d, after %,d); "
                + "the arrays alone: 8 x %,d + 16 = %,d bytes%n", after - before, before, after, set.serialCount(), 8L * set.serialCount() + 16);
        if (!set.isRevoked(key, new Serial(0)) && set.serialCount() != 1_000_000) {
            throw new IllegalStateException("unexpected set");
        }
    }

    private static String list(int n, KeyId key, KeyPair root, long sequence) {
        SplittableRandom random = new SplittableRandom(n);
        RevocationList.Builder builder = sequence == 1 ? RevocationList.base(1, AT) : RevocationList.delta(sequence, 1, 1, AT);
        int added = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (added < n) {
            long serial = random.nextLong();
            if (seen.add(serial)) {
                builder.revokeSerial(key, new Serial(serial));
                added++;
            }
        }
        return builder.sign(root.getPrivate(), null, null);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void ratio(File json) throws IOException {
        double[] with = null;
        double[] without = null;
        for (JsonNode result : new ObjectMapper().readTree(json)) {
            String name = result.get("benchmark").asText();
            JsonNode metric = result.get("primaryMetric");
            double[] value = {metric.get("score").asDouble(), metric.get("scoreError").asDouble()};
            if (name.endsWith(".decodeVerifyInTurns")) {
                turns(result.get("secondaryMetrics"));
                continue;
            }
            if (name.endsWith(".decodeVerifyMillionRevoked")) {
                with = value;
            } else if (name.endsWith(".decodeVerifyNoRevocations")) {
                without = value;
            } else {
                System.out.printf("%s: %.1f ± %.1f %s%n", name.substring(name.lastIndexOf('.') + 1), value[0], value[1],
                        metric.get("scoreUnit").asText());
            }
        }
        if (with == null || without == null) {
            throw new IllegalArgumentException(json + " lacks decodeVerifyMillionRevoked or decodeVerifyNoRevocations");
        }
        double ratio = with[0] / without[0];
        double error = ratio * Math.sqrt(Math.pow(with[1] / with[0], 2) + Math.pow(without[1] / without[0], 2));
        System.out.printf("decodeVerifyNoRevocations: %,.0f ± %,.0f ops/s%n", without[0], without[1]);
        System.out.printf("decodeVerifyMillionRevoked: %,.0f ± %,.0f ops/s%n", with[0], with[1]);
        String verdict = error > 0.05 ? "the error is larger than the 5% to judge: rerun on a quiet machine"
                : ratio - error >= 0.95 ? "within 5%" : ratio + error >= 0.95 ? "within 5% only inside the error" : "NOT within 5%";
        System.out.printf("ratio with / without: %.3f ± %.3f (99.9%% errors of JMH, combined): %s%n", ratio, error, verdict);
    }

    /**
     * The interleaved benchmark: per measured iteration, the time the verifier without
     * revocations took over the time the one with a million took, which is the throughput ratio
     * with / without; their mean with a 99.9% Student-t interval over the iterations.
     */
    private static void turns(JsonNode metrics) {
        List<Double> with = rawValues(metrics.get("nanosWithMillionRevoked"));
        List<Double> without = rawValues(metrics.get("nanosWithoutRevocations"));
        int n = with.size();
        double[] ratios = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            ratios[i] = without.get(i) / with.get(i);
            sum += ratios[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double ratio : ratios) {
            squares += (ratio - mean) * (ratio - mean);
        }
        double halfWidth = studentT999(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        String verdict = mean - halfWidth >= 0.95 ? "within 5%" : mean + halfWidth >= 0.95 ? "within 5% only inside the interval" : "NOT within 5%";
        System.out.printf("in turns (decodeVerifyInTurns, %d iterations): with / without %.4f, 99.9%% interval %.4f to %.4f: %s%n",
                n, mean, mean - halfWidth, mean + halfWidth, verdict);
    }

    private static List<Double> rawValues(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : metric.get("rawData")) {
            for (JsonNode value : fork) {
                values.add(value.asDouble());
            }
        }
        return values;
    }

    /** Two-sided 99.9% quantiles of Student's t: the table's rows for the iteration counts the benchmarks use. */
    private static double studentT999(int degreesOfFreedom) {
        double[] table = {636.6, 31.60, 12.92, 8.610, 6.869, 5.959, 5.408, 5.041, 4.781, 4.587, 4.437, 4.318, 4.221, 4.140,
            4.073, 4.015, 3.965, 3.922, 3.883, 3.850, 3.819, 3.792, 3.768, 3.745, 3.725, 3.707, 3.690, 3.674, 3.659, 3.646};
        return degreesOfFreedom <= table.length ? table[degreesOfFreedom - 1] : 3.291;
    }
}
