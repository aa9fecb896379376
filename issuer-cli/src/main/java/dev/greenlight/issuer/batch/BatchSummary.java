package dev.greenlight.issuer.batch;

/** What a batch did: every row is either issued or failed. */
public record BatchSummary(long rows, long issued, long failed) {
}
