package dev.greenlight.cli.records;

/** What one record says about its input: the {@code verdict} field. */
public enum Verdict {
    /** {@code batch}: a code was issued for the row. */
    ISSUED,
    /** A code signed by a trusted key, within its validity. */
    VALID,
    /** A code text the verifier rejected; the reason is a {@code RejectionReason}. */
    REJECTED,
    /** The input record is not something to work on (empty, too long, not UTF-8, a bad row); the reason is an {@link InputProblem}. */
    INPUT_ERROR,
    /** {@code inspect}: a code decoded WITHOUT checking its signature, key or times. */
    UNVERIFIED
}
