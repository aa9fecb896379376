package dev.greenlight.cli.records;

import java.util.Locale;

/** The two forms of records and of batch input: JSON Lines (one object per line) and CSV with a header. */
public enum RecordFormat {
    JSONL, CSV;

    /**
     * @param name {@code jsonl} (or {@code json}) or {@code csv}, in any case
     * @throws IllegalArgumentException naming the accepted values
     */
    public static RecordFormat parse(String name) {
        switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "jsonl":
            case "json":
                return JSONL;
            case "csv":
                return CSV;
            default:
                throw new IllegalArgumentException("'" + name + "' is not a format: expected jsonl or csv");
        }
    }

    /** By a file's extension: {@code .csv} is CSV; {@code .jsonl}, {@code .ndjson}, {@code .json} are JSON Lines; else {@code otherwise}. */
    public static RecordFormat byFileName(String name, RecordFormat otherwise) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json") ? JSONL : otherwise;
    }
}
