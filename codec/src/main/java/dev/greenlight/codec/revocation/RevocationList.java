package dev.greenlight.codec.revocation;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.internal.jws.CompactJws;
import dev.greenlight.codec.internal.jws.SignedDocumentException;
import dev.greenlight.codec.revocation.RevocationListException.Reason;

/**
 * One signed revocation list (specification section 16): a <em>base</em> list, which names every
 * revoked code and key, or a <em>delta</em>, which adds to the list before it. Either names codes
 * by key id and serial, and whole keys by key id. A compact JWS ({@code typ} {@value #TYPE}) over a
 * binary payload, signed by the trust root key that also signs trust lists.
 *
 * <p>The only way to get one is {@link #verify}, which checks the signature over the exact text
 * received before it reads a byte of the payload. Immutable and thread-safe. Combine a base and
 * its deltas into what a verifier asks with {@link RevocationSet#of}.
 */
public final class RevocationList {

    /** The JWS {@code typ}: a revocation list can never be taken for a trust list of the same root, nor the reverse. */
    public static final String TYPE = "greenlight-revocations+jws";
    /**
     * At most this many serials in one list and in a base with its deltas: 4,194,304, four times
     * the million the format is sized for. Checked against the declared counts before any array
     * is allocated; in memory they cost 8 bytes each (32 MiB at the cap).
     */
    public static final int MAX_SERIALS = 1 << 22;
    /** At most this many key ids revoked whole, and as many key ids with serials. */
    public static final int MAX_KEYS = 65_536;
    /**
     * At most this many characters of JWS text (48 MiB), refused before anything is decoded: room
     * for {@link #MAX_SERIALS} serials in the worst layout (about 66 bits each in base64url).
     */
    public static final int MAX_TEXT_LENGTH = 48 << 20;

    private final Contents contents;

    private RevocationList(Contents contents) {
        this.contents = contents;
    }

    /**
     * Checks a revocation list's signature against the pinned root key, then reads it strictly.
     * Never throws anything but {@link RevocationListException} for any text, however hostile.
     *
     * @param received the JWS text as received; one trailing LF or CR LF is not part of it
     * @param rootKey the pinned trust root's public key
     * @return the list
     * @throws RevocationListException if the list is too large, not signed by the root, of
     *         another document type, or malformed; its {@link RevocationListException#reason()} says which
     */
    public static RevocationList verify(String received, ECPublicKey rootKey) throws RevocationListException {
        String compact = CompactJws.withoutLineEnd(Objects.requireNonNull(received, "received"));
        Objects.requireNonNull(rootKey, "rootKey");
        if (compact.length() > MAX_TEXT_LENGTH) {
            throw new RevocationListException(Reason.TOO_LARGE, "the list is " + compact.length() + " characters; at most " + MAX_TEXT_LENGTH);
        }
        CompactJws.Verified verified;
        try {
            verified = CompactJws.verify(compact, TYPE, rootKey);
        } catch (SignedDocumentException e) {
            // Only a text the root signed is "of another type": the typ of an unsigned text decides nothing.
            throw new RevocationListException(e.isOfAnotherType() ? Reason.WRONG_TYPE : Reason.BAD_SIGNATURE,
                    "not a revocation list signed by the root key: " + e.getMessage());
        }
        return new RevocationList(RevocationListFormat.decode(verified.payload()));
    }

    /** @return whether this is a delta on a base list, rather than a base list */
    public boolean isDelta() {
        return contents.delta;
    }

    /** @return the list's sequence number: one counter for bases and deltas, so that a newer list always has a higher one */
    public long sequence() {
        return contents.sequence;
    }

    /** @return for a delta, the sequence of the base list it builds on; empty for a base */
    public OptionalLong baseSequence() {
        return contents.delta ? OptionalLong.of(contents.base) : OptionalLong.empty();
    }

    /** @return for a delta, the sequence of the list (base or delta) it follows; empty for a base */
    public OptionalLong previousSequence() {
        return contents.delta ? OptionalLong.of(contents.previous) : OptionalLong.empty();
    }

    /** @return when the authority signed the list, to the second */
    public Instant issuedAt() {
        return Instant.ofEpochSecond(contents.issuedAtSeconds);
    }

    /** @return the key ids this list revokes whole, in increasing order */
    public List<KeyId> revokedKeys() {
        List<KeyId> keys = new ArrayList<>(contents.keys.length);
        for (int key : contents.keys) {
            keys.add(new KeyId(Contents.bias(key)));
        }
        return Collections.unmodifiableList(keys);
    }

    /** @return how many serials this list names */
    public int serialCount() {
        return (int) contents.serialCount();
    }

    /**
     * @param consumer receives each key id and serial this list names, by key id then serial,
     *        both in increasing unsigned order
     */
    public void forEachSerial(SerialConsumer consumer) {
        for (int g = 0; g < contents.groupKeys.length; g++) {
            KeyId keyId = new KeyId(Contents.bias(contents.groupKeys[g]));
            for (long serial : contents.serials[g]) {
                consumer.accept(keyId, new Serial(Contents.bias(serial)));
            }
        }
    }

    /** Receives the serials of a list one at a time, so that a million of them need no collection. */
    @FunctionalInterface
    public interface SerialConsumer {
        /**
         * @param keyId the key that signed the code
         * @param serial the code's serial
         */
        void accept(KeyId keyId, Serial serial);
    }

    Contents contents() {
        return contents;
    }

    @Override
    public String toString() {
        return "RevocationList[" + (contents.delta ? "delta " + contents.sequence + " on base " + contents.base + " after " + contents.previous
                : "base " + contents.sequence) + ", " + contents.keys.length + " keys, " + contents.serialCount() + " serials]";
    }

    /**
     * Starts a base list: every revocation in force.
     *
     * @param sequence the list's sequence number, not negative; higher than any list published before
     * @param issuedAt when it is signed
     * @return a builder
     */
    public static Builder base(long sequence, Instant issuedAt) {
        return new Builder(false, sequence, sequence, -1, issuedAt);
    }

    /**
     * Starts a delta: the revocations since the list {@code previous}, on the base list {@code base}.
     *
     * @param sequence the delta's sequence number, above {@code previous}
     * @param base the sequence of the base list it builds on
     * @param previous the sequence of the list it follows: the base, or the delta before it
     * @param issuedAt when it is signed
     * @return a builder
     */
    public static Builder delta(long sequence, long base, long previous, Instant issuedAt) {
        return new Builder(true, sequence, base, previous, issuedAt);
    }

    /** Collects a list's revocations and signs it. Not thread-safe. */
    public static final class Builder {
        private final boolean delta;
        private final long sequence;
        private final long base;
        private final long previous;
        private final long issuedAtSeconds;
        private final TreeSet<Integer> keys = new TreeSet<>();
        /**
         * Per biased key id, its biased serials as named, sorted and made distinct once, when the
         * list is encoded: 8 bytes a name (up to twice that while an array doubles, and a sorted
         * copy at encoding) where a sorted set of boxed longs took about 60, for a base list of up
         * to {@link #MAX_SERIALS}.
         */
        private final TreeMap<Integer, NamedSerials> serials = new TreeMap<>();

        private Builder(boolean delta, long sequence, long base, long previous, Instant issuedAt) {
            if (sequence < 0 || base < 0 || (delta && (base > previous || previous >= sequence))) {
                throw new IllegalArgumentException("a list needs 0 <= sequence, and a delta 0 <= base <= previous < sequence; not sequence "
                        + sequence + ", base " + base + ", previous " + previous);
            }
            long seconds = Objects.requireNonNull(issuedAt, "issuedAt").getEpochSecond();
            if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("issuedAt must be from 1970 to 2106: " + issuedAt);
            }
            this.delta = delta;
            this.sequence = sequence;
            this.base = base;
            this.previous = previous;
            this.issuedAtSeconds = seconds;
        }

        /**
         * @param keyId a key whose every code is revoked
         * @return this builder
         */
        public Builder revokeKey(KeyId keyId) {
            keys.add(Contents.bias(keyId.value()));
            return this;
        }

        /**
         * @param keyId the key that signed the code
         * @param serial the code's serial
         * @return this builder; naming a code twice names it once
         */
        public Builder revokeSerial(KeyId keyId, Serial serial) {
            serials.computeIfAbsent(Contents.bias(keyId.value()), k -> new NamedSerials()).add(Contents.bias(serial.value()));
            return this;
        }

        /** @return the payload bytes the signature covers */
        byte[] encode() {
            int[] keyArray = new int[keys.size()];
            int i = 0;
            for (int key : keys) {
                keyArray[i++] = key;
            }
            int[] groupKeys = new int[serials.size()];
            long[][] groups = new long[serials.size()][];
            long total = 0;
            int g = 0;
            for (Map.Entry<Integer, NamedSerials> group : serials.entrySet()) {
                groupKeys[g] = group.getKey();
                long[] values = group.getValue().sortedDistinct();
                groups[g++] = values;
                total += values.length;
            }
            if (total > MAX_SERIALS || keyArray.length > MAX_KEYS || groupKeys.length > MAX_KEYS) {
                throw new IllegalStateException("a list holds at most " + MAX_SERIALS + " serials and " + MAX_KEYS + " keys");
            }
            Arrays.sort(keyArray);
            return RevocationListFormat.encode(new Contents(delta, sequence, base, previous, issuedAtSeconds, keyArray, groupKeys, groups));
        }

        /** One key's serials in the order named; naming a code twice names it once in the list. */
        private static final class NamedSerials {
            private long[] values = new long[8];
            private int count;

            void add(long biasedSerial) {
                if (count == values.length) {
                    values = Arrays.copyOf(values, count * 2);
                }
                values[count++] = biasedSerial;
            }

            long[] sortedDistinct() {
                long[] sorted = Arrays.copyOf(values, count);
                Arrays.sort(sorted);
                int distinct = 0;
                for (int i = 0; i < sorted.length; i++) {
                    if (i == 0 || sorted[i] != sorted[i - 1]) {
                        sorted[distinct++] = sorted[i];
                    }
                }
                return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
            }
        }

        /**
         * Signs the list with the trust root key.
         *
         * @param rootKey the root's P-256 private key
         * @param provider the JCA provider holding the key (a PKCS#11 token's), or null for a software key
         * @param rootKeyId written as the JWS {@code kid}, for people; null to leave it out
         * @return the compact JWS text
         * @throws IllegalArgumentException if the key cannot sign ES256
         */
        public String sign(PrivateKey rootKey, Provider provider, String rootKeyId) {
            return CompactJws.sign(encode(), TYPE, rootKeyId, rootKey, provider);
        }
    }
}
