package dev.greenlight.verifier;

import java.time.Instant;

/**
 * How long a signed list loaded at start may still be relied on, for a session that outlives it
 * (a gate's {@code scan} runs for days): the check at load time says nothing about later scans.
 *
 * @param kind        what list it is: {@code trust list}, {@code revocation list}
 * @param sequence    its sequence number (for revocations, of the last list of the chain)
 * @param staleAt     from when it may not be relied on
 * @param denies      whether scans are denied from then on, or the operator only warned
 * @param reason      the scan log's reason for such a denial
 * @param staleAtLoad whether it was stale already when loaded (accepted with a warning said then)
 */
record ListAge(String kind, long sequence, Instant staleAt, boolean denies, String reason, boolean staleAtLoad) {

    /** @return the list, for the operator: {@code trust list 9} */
    String name() {
        return kind + " " + sequence;
    }

    boolean isStaleAt(Instant now) {
        return !now.isBefore(staleAt);
    }
}
