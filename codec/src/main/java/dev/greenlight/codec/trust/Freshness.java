package dev.greenlight.codec.trust;

/**
 * What a verifier does with a list older than its maximum age, or dated ahead of its clock.
 * A scanner offline for longer than the authority planned must choose between refusing every code
 * and trusting a list that may still name a key since withdrawn; the authority's choice is strict.
 */
public enum Freshness {

    /** Refuse the list ({@link TrustListException.Reason#STALE}, {@link TrustListException.Reason#NOT_YET_VALID}). */
    STRICT,

    /** Accept it, with a {@linkplain TrustList#warning() warning} for the operator. */
    LENIENT
}
