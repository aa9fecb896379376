package dev.greenlight.issuer.batch;

import java.util.Locale;

/** The two input formats of {@code batch}. */
public enum InputFormat {
    CSV,
    JSONL;

    /** By file extension: {@code .jsonl}, {@code .ndjson} and {@code .json} are JSON Lines, anything else CSV. */
    public static InputFormat byFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json") ? JSONL : CSV;
    }
}
