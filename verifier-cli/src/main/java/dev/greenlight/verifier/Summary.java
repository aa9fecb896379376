package dev.greenlight.verifier;

import dev.greenlight.cli.Progress;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.Colour;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts of outcomes by verdict, reason and colour. Not thread-safe: each batch has its own, merged in order. */
final class Summary {

    private final Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
    private final Map<String, Long> byReason = new TreeMap<>();
    private final Map<Colour, Long> byColour = new EnumMap<>(Colour.class);
    private long total;

    void add(Outcome outcome) {
        total++;
        byVerdict.merge(outcome.verdict(), 1L, Long::sum);
        if (outcome.reason() != null) {
            byReason.merge(outcome.reason(), 1L, Long::sum);
        }
        if (outcome.code() != null) {
            byColour.merge(outcome.code().claims().colour(), 1L, Long::sum);
        }
    }

    void addAll(Summary other) {
        total += other.total;
        other.byVerdict.forEach((k, v) -> byVerdict.merge(k, v, Long::sum));
        other.byReason.forEach((k, v) -> byReason.merge(k, v, Long::sum));
        other.byColour.forEach((k, v) -> byColour.merge(k, v, Long::sum));
    }

    long total() {
        return total;
    }

    long count(Verdict verdict) {
        return byVerdict.getOrDefault(verdict, 0L);
    }

    boolean allValid() {
        return count(Verdict.VALID) == total;
    }

    /** Several lines for stderr, ending in a newline. */
    String render(long elapsedNanos) {
        StringBuilder text = new StringBuilder();
        text.append(Progress.throughput(total, "records", elapsedNanos)).append(System.lineSeparator());
        text.append("  by verdict: ").append(join(byVerdict)).append(System.lineSeparator());
        if (!byReason.isEmpty()) {
            text.append("  by reason:  ").append(join(byReason)).append(System.lineSeparator());
        }
        if (!byColour.isEmpty()) {
            text.append("  by colour:  ").append(join(byColour)).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String join(Map<?, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((key, count) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(key).append(' ').append(String.format("%,d", count));
        });
        return text.toString();
    }
}
