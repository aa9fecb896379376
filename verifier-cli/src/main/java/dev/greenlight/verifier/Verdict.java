package dev.greenlight.verifier;

/** The outcome class of one input record. */
enum Verdict {
    /** A code, signed by a trusted key, within its validity. */
    VALID,
    /** A code text that the verifier rejected: the reason is a {@code RejectionReason}. */
    REJECTED,
    /** Not a code text at all (empty, too long, not text, not an image): the reason is an {@link InputProblem}. */
    UNREADABLE
}
