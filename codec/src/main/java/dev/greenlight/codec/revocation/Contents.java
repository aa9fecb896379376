package dev.greenlight.codec.revocation;

/**
 * What one revocation list says, as the wire format lays it out. Arrays are never modified after
 * construction: {@link RevocationSet} shares them instead of copying a million serials.
 *
 * <p>Key ids and serials are held <em>biased</em> ({@code value ^ MIN_VALUE}), so that Java's
 * signed order, and {@link java.util.Arrays#binarySearch(long[], long)}, is the wire's unsigned order.
 */
final class Contents {

    final boolean delta;
    final long sequence;
    /** A delta's base list; for a base, its own sequence. */
    final long base;
    /** The list a delta follows; for a base, -1. */
    final long previous;
    final long issuedAtSeconds;
    /** Whole keys revoked, biased, strictly increasing. */
    final int[] keys;
    /** Key ids that have serials revoked, biased, strictly increasing. */
    final int[] groupKeys;
    /** Per group, its serials, biased, strictly increasing, at least one. */
    final long[][] serials;

    Contents(boolean delta, long sequence, long base, long previous, long issuedAtSeconds, int[] keys, int[] groupKeys, long[][] serials) {
        this.delta = delta;
        this.sequence = sequence;
        this.base = base;
        this.previous = previous;
        this.issuedAtSeconds = issuedAtSeconds;
        this.keys = keys;
        this.groupKeys = groupKeys;
        this.serials = serials;
    }

    long serialCount() {
        long count = 0;
        for (long[] group : serials) {
            count += group.length;
        }
        return count;
    }

    static int bias(int keyId) {
        return keyId ^ Integer.MIN_VALUE;
    }

    static long bias(long serial) {
        return serial ^ Long.MIN_VALUE;
    }
}
