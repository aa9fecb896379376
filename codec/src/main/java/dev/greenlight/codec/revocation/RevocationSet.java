package dev.greenlight.codec.revocation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Revocations;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.revocation.RevocationListException.Reason;

/**
 * What a verifier refuses: a base revocation list with its deltas applied in order. Exact (no
 * filter, no false positive), immutable and thread-safe; give it to
 * {@code Verifier.Builder.revocations}.
 *
 * <p>In memory: per key id with revoked serials, one sorted {@code long[]}, searched by bisection,
 * within the bucket of the serial's top 16 bits for a key with more than 65,536 serials (a few
 * cache lines instead of about 20, beside the 45 µs of a signature check), and one sorted
 * {@code int[]} of keys revoked whole. A million serials under one key cost 8,000,016 bytes of
 * array and 262,160 of index; a base without deltas shares the arrays its list decoded, applying
 * deltas makes new ones.
 */
public final class RevocationSet implements Revocations {

    /** Of the last list applied: what the rollback guard records, and how stale the set is. */
    private final long sequence;
    private final long issuedAtSeconds;
    private final long baseSequence;
    private final int[] keys;
    private final int[] groupKeys;
    private final long[][] serials;
    /** Per group, where each value of a serial's top 16 bits starts; null for groups too small to need it. */
    private final int[][] index;
    private final int serialCount;

    private RevocationSet(Contents last, long baseSequence, int[] keys, int[] groupKeys, long[][] serials) {
        this.sequence = last.sequence;
        this.issuedAtSeconds = last.issuedAtSeconds;
        this.baseSequence = baseSequence;
        this.keys = keys;
        this.groupKeys = groupKeys;
        this.serials = serials;
        this.index = new int[serials.length][];
        int count = 0;
        for (int g = 0; g < serials.length; g++) {
            count += serials[g].length;
            index[g] = serials[g].length > INDEXED_GROUP ? topBitsIndex(serials[g]) : null;
        }
        this.serialCount = count;
    }

    /**
     * Groups larger than this get an index by the serial's top 16 bits: a plain bisection over a
     * million serials touches about 20 cache lines of an 8 MB array, the index narrows it to about
     * 15 serials (two or three lines) for 256 KiB more. Serials are random, so the buckets are even.
     */
    static final int INDEXED_GROUP = 1 << 16;

    private static int[] topBitsIndex(long[] biasedSerials) {
        int[] start = new int[(1 << 16) + 1];
        for (long biased : biasedSerials) {
            start[topBits(biased) + 1]++;
        }
        for (int b = 0; b < (1 << 16); b++) {
            start[b + 1] += start[b];
        }
        return start;
    }

    /** The top 16 bits of the serial (not of its biased form): ascending with the biased order. */
    private static int topBits(long biased) {
        return (int) (Contents.bias(biased) >>> 48);
    }

    /**
     * Applies deltas to a base list, in order. Each delta must name the base's sequence as its
     * base and the list just before it (the base, or the previous delta) as its previous: a
     * missing delta would silently drop its revocations, so it is refused instead.
     *
     * @param base a base list
     * @param deltas deltas on it, oldest first; may be empty
     * @return the revocations in force after the last of them
     * @throws RevocationListException {@link Reason#WRONG_BASE} if {@code base} is a delta or a delta
     *         does not follow on; {@link Reason#TOO_LARGE} if the union exceeds {@link RevocationList#MAX_SERIALS};
     *         its {@link RevocationListException#chainIndex() chainIndex} names the list that broke the chain
     */
    public static RevocationSet of(RevocationList base, List<RevocationList> deltas) throws RevocationListException {
        Contents first = Objects.requireNonNull(base, "base").contents();
        if (first.delta) {
            throw new RevocationListException(Reason.WRONG_BASE, "list " + first.sequence + " is a delta on base " + first.base
                    + "; the first list must be a base list", 0);
        }
        int[] keys = first.keys;
        int[] groupKeys = first.groupKeys;
        long[][] serials = first.serials;
        Contents last = first;
        for (int k = 1; k <= deltas.size(); k++) {
            Contents next = deltas.get(k - 1).contents();
            if (!next.delta) {
                throw new RevocationListException(Reason.WRONG_BASE, "list " + next.sequence + " is a base list; after a base come only its deltas", k);
            }
            if (next.base != first.sequence) {
                throw new RevocationListException(Reason.WRONG_BASE, "delta " + next.sequence + " builds on base " + next.base
                        + ", not on base " + first.sequence + "; get base " + next.base, k);
            }
            if (next.previous != last.sequence) {
                throw new RevocationListException(Reason.WRONG_BASE, "delta " + next.sequence + " follows list " + next.previous
                        + ", but the last list applied is " + last.sequence + (next.previous > last.sequence ? "; a delta is missing" : ""), k);
            }
            keys = union(keys, next.keys);
            long total = 0;
            int[] mergedKeys = union(groupKeys, next.groupKeys);
            long[][] merged = new long[mergedKeys.length][];
            for (int g = 0; g < mergedKeys.length; g++) {
                long[] before = group(groupKeys, serials, mergedKeys[g]);
                long[] added = group(next.groupKeys, next.serials, mergedKeys[g]);
                merged[g] = before == null ? added : added == null ? before : union(before, added);
                total += merged[g].length;
            }
            if (total > RevocationList.MAX_SERIALS) {
                throw new RevocationListException(Reason.TOO_LARGE, "base " + first.sequence + " with its deltas up to " + next.sequence
                        + " names " + total + " serials, more than " + RevocationList.MAX_SERIALS, k);
            }
            groupKeys = mergedKeys;
            serials = merged;
            last = next;
        }
        return new RevocationSet(last, first.sequence, keys, groupKeys, serials);
    }

    /**
     * The rollback rule: a device that has accepted a list must never accept an older one, which
     * could still miss revocations, or un-revoke codes. Persisting the highest accepted sequence
     * is the caller's part; this is the comparison.
     *
     * @param highestAccepted the highest sequence this device accepted before, or -1 for none
     * @throws RevocationListException {@link Reason#ROLLBACK} if this set's sequence is lower
     */
    public void requireNotOlderThan(long highestAccepted) throws RevocationListException {
        if (sequence < highestAccepted) {
            throw new RevocationListException(Reason.ROLLBACK, "revocation list " + sequence + " is older than list " + highestAccepted
                    + ", accepted before: refusing it (rollback)");
        }
    }

    @Override
    public boolean isRevoked(KeyId keyId, Serial serial) {
        int key = Contents.bias(keyId.value());
        if (Arrays.binarySearch(keys, key) >= 0) {
            return true;
        }
        int g = Arrays.binarySearch(groupKeys, key);
        if (g < 0) {
            return false;
        }
        long biased = Contents.bias(serial.value());
        int[] start = index[g];
        if (start == null) {
            return Arrays.binarySearch(serials[g], biased) >= 0;
        }
        int bucket = topBits(biased);
        return Arrays.binarySearch(serials[g], start[bucket], start[bucket + 1], biased) >= 0;
    }

    /**
     * @param keyId a key id
     * @return whether every code of that key is revoked
     */
    public boolean isKeyRevoked(KeyId keyId) {
        return Arrays.binarySearch(keys, Contents.bias(keyId.value())) >= 0;
    }

    /** @return the sequence of the last list applied: what the rollback guard records */
    public long sequence() {
        return sequence;
    }

    /** @return the sequence of the base list */
    public long baseSequence() {
        return baseSequence;
    }

    /** @return when the last list applied was signed: how stale this device's knowledge is */
    public Instant issuedAt() {
        return Instant.ofEpochSecond(issuedAtSeconds);
    }

    /** @return how many serials are revoked */
    public int serialCount() {
        return serialCount;
    }

    /** @return how many keys are revoked whole */
    public int keyCount() {
        return keys.length;
    }

    @Override
    public String toString() {
        return "RevocationSet[sequence " + sequence + " (base " + baseSequence + "), " + keys.length + " keys, " + serialCount
                + " serials]";
    }

    private static long[] group(int[] groupKeys, long[][] serials, int key) {
        int g = Arrays.binarySearch(groupKeys, key);
        return g >= 0 ? serials[g] : null;
    }

    /** The sorted union of two strictly increasing arrays: a delta that repeats a revocation changes nothing. */
    private static long[] union(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            long next;
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                next = a[i++];
            } else if (i == a.length || b[j] < a[i]) {
                next = b[j++];
            } else {
                next = a[i++];
                j++;
            }
            out[n++] = next;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Key ids, at most 65,536 of them: widened to the serials' merge rather than a second copy of it. */
    private static int[] union(int[] a, int[] b) {
        long[] merged = union(Arrays.stream(a).asLongStream().toArray(), Arrays.stream(b).asLongStream().toArray());
        int[] out = new int[merged.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (int) merged[k];
        }
        return out;
    }
}
