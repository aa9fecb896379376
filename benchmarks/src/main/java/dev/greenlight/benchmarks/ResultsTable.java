package dev.greenlight.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a JMH JSON result file into the Markdown table of {@code benchmarks/README.md}: throughput,
 * and for every verification benchmark its ratio to the baselines measured in the same run.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.greenlight.benchmarks.ResultsTable results.json
 * [openssl-verifies-per-second]} (Markdown to stdout). The optional figure is {@code openssl speed
 * ecdsap256} measured right after the run, under the same load: the goal is stated against it.
 */
public final class ResultsTable {

    private static final String SUN_EC = "baselineSunEcVerify";
    private static final String NIMBUS = "baselineNimbusJwsParseVerify";
    private static final String PLAIN = "verifyPlainBouncyCastle";
    private static final String GOAL_ROW = "decodeVerifyFast";
    /** {@code openssl speed ecdsap256} verify on this machine, one core (issue 5). */
    private static final double GOAL_PER_SECOND = 24_000;
    private static final double GOAL_RATIO = 15;
    /** Batch decode+verify, as bulk runs it; the stretch asks 1.5 x OpenSSL's verify per core. */
    private static final String STRETCH_ROW = "decodeVerifyAllBatch";
    private static final double STRETCH_RATIO = 1.5;
    /** The order of the table: what a reader compares, next to each other. Others follow. */
    private static final List<String> ORDER = List.of("decodeOnly", "verifyFast", "verifyFastBatch", PLAIN, GOAL_ROW,
            STRETCH_ROW, "decodeVerifyPlainBouncyCastle", "decodeVerifyFast2Threads", SUN_EC, NIMBUS, "issue", "qrEncode", "qrToPng",
            "qrDecodeImage");

    private record Row(String name, int threads, double score, double error) {
    }

    private ResultsTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ResultsTable <jmh-result.json> [openssl-verifies-per-second]");
            System.exit(2);
        }
        double openSsl = args.length == 2 ? Double.parseDouble(args[1]) : Double.NaN;
        System.out.print(markdown(new ObjectMapper().readTree(Path.of(args[0]).toFile()), openSsl));
    }

    static String markdown(JsonNode results, double openSslVerifiesPerSecond) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.get("benchmark").asText();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonNode metric = result.get("primaryMetric");
            if (!"ops/s".equals(metric.path("scoreUnit").asText("ops/s"))) {
                // A time per operation (RevocationBenchmarks.loadMillionSerialList) is not a rate: scripts/revocation reports it.
                continue;
            }
            rows.put(name, new Row(name, result.get("threads").asInt(), metric.get("score").asDouble(),
                    metric.get("scoreError").asDouble()));
        }
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | threads | ops/s | ± (99.9%) | µs/op | × SunEC | × nimbus | × plain BC verify |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingInt(row -> ORDER.contains(row.name()) ? ORDER.indexOf(row.name()) : ORDER.size()));
        for (Row row : sorted) {
            boolean verifies = row.name().toLowerCase(Locale.ROOT).contains("verify");
            out.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %.2f | %s | %s | %s |%n",
                    row.name(), row.threads(), row.score(), Double.isNaN(row.error()) ? 0 : row.error(),
                    1e6 * row.threads() / row.score(),
                    verifies ? ratio(row, rows.get(SUN_EC)) : "", verifies ? ratio(row, rows.get(NIMBUS)) : "",
                    verifies ? ratio(row, rows.get(PLAIN)) : ""));
        }
        Row goal = rows.get(GOAL_ROW);
        if (goal != null && rows.containsKey(SUN_EC) && rows.containsKey(NIMBUS)) {
            double sunEc = goal.score() / rows.get(SUN_EC).score();
            double nimbus = goal.score() / rows.get(NIMBUS).score();
            out.append(String.format(Locale.ROOT, "%nGoal of issue 5, single-thread decode+verify (%s, %,.0f/s):%n", GOAL_ROW, goal.score()));
            if (!Double.isNaN(openSslVerifiesPerSecond)) {
                out.append(String.format(Locale.ROOT,
                        "- at least `openssl speed ecdsap256` verify, run right after under the same load (%,.0f/s): %.2fx, %s%n",
                        openSslVerifiesPerSecond, goal.score() / openSslVerifiesPerSecond,
                        verdict(goal.score() >= openSslVerifiesPerSecond)));
            }
            out.append(String.format(Locale.ROOT, "- at least %,.0f/s (the issue's figure for OpenSSL): %s%n",
                    GOAL_PER_SECOND, verdict(goal.score() >= GOAL_PER_SECOND)));
            out.append(String.format(Locale.ROOT, "- at least %.0fx SunEC and nimbus: %.1fx and %.1fx, %s%n",
                    GOAL_RATIO, sunEc, nimbus, verdict(sunEc >= GOAL_RATIO && nimbus >= GOAL_RATIO)));
            Row stretch = rows.get(STRETCH_ROW);
            if (stretch != null && !Double.isNaN(openSslVerifiesPerSecond)) {
                double ratio = stretch.score() / openSslVerifiesPerSecond;
                out.append(String.format(Locale.ROOT,
                        "- stretch, batch decode+verify (%s, %,.0f/s per core) at least %.1fx OpenSSL's verify per core: %.2fx, %s%n",
                        STRETCH_ROW, stretch.score(), STRETCH_RATIO, ratio, verdict(ratio >= STRETCH_RATIO)));
            }
        }
        return out.toString();
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }

    private static String ratio(Row row, Row baseline) {
        return baseline == null ? "" : String.format(Locale.ROOT, "%.1f", row.score() / baseline.score());
    }
}
