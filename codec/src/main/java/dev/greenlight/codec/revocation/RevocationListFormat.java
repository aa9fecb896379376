package dev.greenlight.codec.revocation;

import java.io.ByteArrayOutputStream;
import dev.greenlight.codec.revocation.RevocationListException.Reason;

/**
 * The payload of a revocation list, both ways (specification section 16): one owner, so that the
 * writer and the reader cannot drift. Big-endian fixed-width header, then per key id its serials
 * as Golomb-Rice coded gaps.
 *
 * <p>Why Rice: serials are 64 random bits, so sorted serials are spread evenly and their gaps are
 * close to geometric; a Rice code with the right parameter spends about {@code log2(gap) + 2}
 * bits on each, about 46 bits a serial in a list of a million (8 bytes raw, 7 as varints), within
 * 2% of the entropy of a random set of that size.
 *
 * <p>The reader is strict and bounded: every count is checked against the caps and against the
 * bytes that could hold it before anything is allocated, so a short hostile list cannot make it
 * allocate more than its own size allows.
 */
final class RevocationListFormat {

    static final int VERSION = 1;
    static final int KIND_BASE = 0;
    static final int KIND_DELTA = 1;
    /** version, kind, sequence (8), issued at (4). */
    static final int BASE_HEADER_BYTES = 14;
    /** A delta adds its base's and its predecessor's sequences. */
    static final int DELTA_HEADER_BYTES = BASE_HEADER_BYTES + 16;
    /** key id (4), count (4), Rice parameter (1), stream length (4). */
    static final int GROUP_HEADER_BYTES = 13;

    private RevocationListFormat() {
    }

    static byte[] encode(Contents contents) {
        Out out = new Out();
        out.write(VERSION);
        out.write(contents.delta ? KIND_DELTA : KIND_BASE);
        out.writeLong(contents.sequence);
        out.writeInt((int) contents.issuedAtSeconds);
        if (contents.delta) {
            out.writeLong(contents.base);
            out.writeLong(contents.previous);
        }
        out.writeInt(contents.keys.length);
        for (int key : contents.keys) {
            out.writeInt(Contents.bias(key));
        }
        out.writeInt(contents.groupKeys.length);
        for (int g = 0; g < contents.groupKeys.length; g++) {
            long[] serials = contents.serials[g];
            int k = riceParameter(serials);
            byte[] stream = riceEncode(serials, k);
            out.writeInt(Contents.bias(contents.groupKeys[g]));
            out.writeInt(serials.length);
            out.write(k);
            out.writeInt(stream.length);
            out.write(stream, 0, stream.length);
        }
        return out.toByteArray();
    }

    static Contents decode(byte[] payload) throws RevocationListException {
        In in = new In(payload);
        int version = in.u8("the version");
        if (version != VERSION) {
            throw malformed("version " + version + " is not 1");
        }
        int kind = in.u8("the kind");
        if (kind != KIND_BASE && kind != KIND_DELTA) {
            throw malformed("kind " + kind + " is neither base (0) nor delta (1)");
        }
        boolean delta = kind == KIND_DELTA;
        long sequence = in.sequence("the sequence");
        long issuedAt = in.u32("the issue time");
        long base = sequence;
        long previous = -1;
        if (delta) {
            base = in.sequence("the base sequence");
            previous = in.sequence("the previous sequence");
            if (base > previous || previous >= sequence) {
                throw malformed("a delta needs base <= previous < sequence, not base " + base + ", previous " + previous + ", sequence " + sequence);
            }
        }
        int keyCount = in.count("the number of revoked keys", RevocationList.MAX_KEYS, 4);
        int[] keys = new int[keyCount];
        for (int i = 0; i < keyCount; i++) {
            keys[i] = Contents.bias(in.i32("a revoked key id"));
            if (i > 0 && keys[i] <= keys[i - 1]) {
                throw malformed("revoked key ids are not strictly increasing at key " + i + " (unsorted or repeated)");
            }
        }
        int groupCount = in.count("the number of key ids with serials", RevocationList.MAX_KEYS, GROUP_HEADER_BYTES);
        int[] groupKeys = new int[groupCount];
        long[][] serials = new long[groupCount][];
        long total = 0;
        for (int g = 0; g < groupCount; g++) {
            groupKeys[g] = Contents.bias(in.i32("a key id"));
            if (g > 0 && groupKeys[g] <= groupKeys[g - 1]) {
                throw malformed("key ids of the serial groups are not strictly increasing at group " + g + " (unsorted or repeated)");
            }
            long count = in.u32("a serial count");
            int k = in.u8("a Rice parameter");
            long length = in.u32("a stream length");
            if (count == 0) {
                throw malformed("group " + g + " holds no serial; an empty group is left out");
            }
            if (k > 63) {
                throw malformed("group " + g + " has Rice parameter " + k + "; at most 63");
            }
            total += count;
            if (total > RevocationList.MAX_SERIALS) {
                throw new RevocationListException(Reason.TOO_LARGE, "more than " + RevocationList.MAX_SERIALS + " serials");
            }
            if (length > in.remaining()) {
                throw malformed("group " + g + " declares " + length + " bytes of serials; " + in.remaining() + " remain (truncated)");
            }
            // Each serial costs at least k + 1 bits: checked before the array is allocated.
            if (count > length * 8 / (k + 1)) {
                throw malformed("group " + g + " declares " + count + " serials, more than its " + length + " bytes can hold");
            }
            serials[g] = riceDecode(payload, in.position(), (int) length, (int) count, k, g);
            in.skip((int) length);
        }
        if (in.remaining() != 0) {
            throw malformed(in.remaining() + " bytes after the last group");
        }
        return new Contents(delta, sequence, base, previous, issuedAt, keys, groupKeys, serials);
    }

    /** The Rice parameter that makes the group's stream shortest; ties go to the smaller. */
    static int riceParameter(long[] biasedSerials) {
        double[] cost = new double[64];
        long previous = 0;
        for (int i = 0; i < biasedSerials.length; i++) {
            long serial = Contents.bias(biasedSerials[i]);
            long gap = serial - previous;
            previous = serial;
            cost[0] += unsignedToDouble(gap) + 1;
            for (int k = 1; k < 64; k++) {
                cost[k] += (double) (gap >>> k) + 1 + k;
            }
        }
        int best = 0;
        for (int k = 1; k < 64; k++) {
            if (cost[k] < cost[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
    }

    static byte[] riceEncode(long[] biasedSerials, int k) {
        BitWriter bits = new BitWriter();
        long previous = 0;
        for (long biased : biasedSerials) {
            long serial = Contents.bias(biased);
            long gap = serial - previous;
            previous = serial;
            bits.unary(gap >>> k);
            bits.bits(gap, k);
        }
        return bits.toByteArray();
    }

    /**
     * Decodes {@code count} serials and insists that they fill the stream exactly: the first gap
     * is from zero, every later one at least 1 (0 is a repeated serial), and none may carry the
     * sum past {@code 2^64 - 1} (a serial lower than the one before it can only be written so).
     */
    static long[] riceDecode(byte[] data, int offset, int length, int count, int k, int group) throws RevocationListException {
        BitReader bits = new BitReader(data, offset, length, group);
        long maxQuotient = -1L >>> k;
        long[] serials = new long[count];
        long previous = 0;
        for (int i = 0; i < count; i++) {
            long quotient = bits.unary(maxQuotient);
            long gap = (quotient << k) | bits.bits(k);
            if (i > 0 && gap == 0) {
                throw malformed("group " + group + " repeats serial " + Long.toHexString(previous) + " (serial " + i + ")");
            }
            long serial = previous + gap;
            if (i > 0 && Long.compareUnsigned(serial, previous) <= 0) {
                throw malformed("group " + group + ": serial " + i + " is not greater than the one before it (the gap passes 2^64 - 1)");
            }
            serials[i] = Contents.bias(serial);
            previous = serial;
        }
        bits.requireEnd();
        return serials;
    }

    static RevocationListException malformed(String message) {
        return new RevocationListException(Reason.MALFORMED, message);
    }

    /** Bits most significant first, zero-padded to a whole byte. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int filled;

        void unary(long ones) {
            for (long i = 0; i < ones; i++) {
                bit(1);
            }
            bit(0);
        }

        void bits(long value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                bit((int) (value >>> i) & 1);
            }
        }

        private void bit(int bit) {
            current = (current << 1) | bit;
            if (++filled == 8) {
                out.write(current);
                current = 0;
                filled = 0;
            }
        }

        byte[] toByteArray() {
            if (filled > 0) {
                out.write(current << (8 - filled));
                current = 0;
                filled = 0;
            }
            return out.toByteArray();
        }
    }

    /**
     * Reads bits most significant first through a 64-bit window: a unary run costs one
     * {@code numberOfLeadingZeros} per 64 bits, so decoding is linear in the stream whatever it holds.
     */
    private static final class BitReader {
        private final byte[] data;
        private final int end;
        private final int group;
        private int next;
        /** Unread bits, left-aligned; the bits below them are zero. */
        private long window;
        private int available;

        BitReader(byte[] data, int offset, int length, int group) {
            this.data = data;
            this.next = offset;
            this.end = offset + length;
            this.group = group;
        }

        private void refill() {
            while (available <= 56 && next < end) {
                window |= (data[next++] & 0xFFL) << (56 - available);
                available += 8;
            }
        }

        private void consume(int count) {
            window = count == 64 ? 0 : window << count;
            available -= count;
        }

        long unary(long max) throws RevocationListException {
            long ones = 0;
            while (true) {
                refill();
                if (available == 0) {
                    throw truncated();
                }
                // The zero bits below the unread ones stop the count at 'available' at the latest.
                int run = Long.numberOfLeadingZeros(~window);
                if (run < available) {
                    ones += run;
                    consume(run + 1);
                    break;
                }
                ones += available;
                consume(available);
                if (Long.compareUnsigned(ones, max) > 0) {
                    break;
                }
            }
            if (Long.compareUnsigned(ones, max) > 0) {
                throw malformed("group " + group + ": a gap passes 2^64 - 1");
            }
            return ones;
        }

        long bits(int count) throws RevocationListException {
            if (count > 32) {
                long high = small(count - 32);
                return (high << 32) | small(32);
            }
            return small(count);
        }

        private long small(int count) throws RevocationListException {
            if (count == 0) {
                return 0;
            }
            refill();
            if (available < count) {
                throw truncated();
            }
            long value = window >>> (64 - count);
            consume(count);
            return value;
        }

        void requireEnd() throws RevocationListException {
            refill();
            if (available >= 8 || next < end) {
                throw malformed("group " + group + " has bytes after its last serial (its count does not match its data)");
            }
            if (window != 0) {
                throw malformed("group " + group + " has padding bits that are not zero");
            }
        }

        private RevocationListException truncated() {
            return malformed("group " + group + " ends before its last serial (truncated)");
        }
    }

    private static final class Out extends ByteArrayOutputStream {
        void writeInt(int value) {
            write(value >>> 24);
            write(value >>> 16);
            write(value >>> 8);
            write(value);
        }

        void writeLong(long value) {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }
    }

    private static final class In {
        private final byte[] data;
        private int position;

        In(byte[] data) {
            this.data = data;
        }

        int position() {
            return position;
        }

        int remaining() {
            return data.length - position;
        }

        void skip(int count) {
            position += count;
        }

        private void need(int count, String what) throws RevocationListException {
            if (remaining() < count) {
                throw malformed("the list ends inside " + what + " (truncated)");
            }
        }

        int u8(String what) throws RevocationListException {
            need(1, what);
            return data[position++] & 0xFF;
        }

        int i32(String what) throws RevocationListException {
            need(4, what);
            int value = (data[position] & 0xFF) << 24 | (data[position + 1] & 0xFF) << 16 | (data[position + 2] & 0xFF) << 8 | (data[position + 3] & 0xFF);
            position += 4;
            return value;
        }

        long u32(String what) throws RevocationListException {
            return i32(what) & 0xFFFF_FFFFL;
        }

        /** A sequence number: 64 bits whose top bit is clear, so that it is a non-negative long everywhere. */
        long sequence(String what) throws RevocationListException {
            long value = u32(what) << 32 | u32(what);
            if (value < 0) {
                throw malformed(what + " is above 2^63 - 1");
            }
            return value;
        }

        /** A count of entries of {@code entryBytes} each, within {@code cap} and the bytes that remain. */
        int count(String what, int cap, int entryBytes) throws RevocationListException {
            long count = u32(what);
            if (count > cap) {
                throw new RevocationListException(Reason.TOO_LARGE, what + " is " + count + ", above the cap of " + cap);
            }
            if (count * entryBytes > remaining()) {
                throw malformed(what + " is " + count + ", more than the " + remaining() + " bytes left can hold (truncated)");
            }
            return (int) count;
        }
    }
}
