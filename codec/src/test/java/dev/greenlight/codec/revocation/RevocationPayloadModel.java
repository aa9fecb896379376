package dev.greenlight.codec.revocation;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A second reader of the payload of specification section 16.2, for the fuzz targets to hold
 * {@link RevocationListFormat} against: written from the spec's table rather than from the
 * reader, one bit at a time and with {@link BigInteger} sums, so that it shares neither the
 * 64-bit window nor the overflow tests of the real one. Slow, and only fed fuzzer-sized inputs.
 */
final class RevocationPayloadModel {

    private static final BigInteger TWO_TO_THE_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_TO_THE_63 = BigInteger.ONE.shiftLeft(63);

    private RevocationPayloadModel() {
    }

    /**
     * A list as the wire says it. Key ids as unsigned values in a long; serials as {@code long}
     * bit patterns.
     */
    record Decoded(boolean delta, long sequence, long base, long previous, long issuedAt, List<Long> keys, List<Group> groups) {

        /** Every (key id, serial) in wire order, as text: a failed comparison then shows where. */
        List<String> serialLines() {
            List<String> lines = new ArrayList<>();
            for (Group group : groups) {
                for (long serial : group.serials) {
                    lines.add(line(group.keyId, serial));
                }
            }
            return lines;
        }

        int serialCount() {
            return groups.stream().mapToInt(group -> group.serials.size()).sum();
        }
    }

    record Group(long keyId, List<Long> serials) {
    }

    static String line(long keyId, long serial) {
        return String.format(Locale.ROOT, "%08x/%016x", keyId, serial);
    }

    /** A refusal; {@link #tooLarge} when it was a count over a cap, {@code MALFORMED} otherwise. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean tooLarge;

        Refused(boolean tooLarge, String message) {
            super(message);
            this.tooLarge = tooLarge;
        }
    }

    static Decoded decode(byte[] payload) throws Refused {
        ByteBuffer in = ByteBuffer.wrap(payload);
        if (unsigned(in, 1) != 1) {
            throw malformed("version");
        }
        long kind = unsigned(in, 1);
        if (kind > 1) {
            throw malformed("kind");
        }
        boolean delta = kind == 1;
        long sequence = sequence(in);
        long issuedAt = unsigned(in, 4);
        long base = sequence;
        long previous = -1;
        if (delta) {
            base = sequence(in);
            previous = sequence(in);
            if (!(base <= previous && previous < sequence)) {
                throw malformed("base <= previous < sequence");
            }
        }
        long keyCount = unsigned(in, 4);
        if (keyCount > RevocationList.MAX_KEYS) {
            throw new Refused(true, "key count");
        }
        List<Long> keys = new ArrayList<>();
        for (long i = 0; i < keyCount; i++) {
            long key = unsigned(in, 4);
            if (!keys.isEmpty() && key <= keys.get(keys.size() - 1)) {
                throw malformed("keys not increasing");
            }
            keys.add(key);
        }
        long groupCount = unsigned(in, 4);
        if (groupCount > RevocationList.MAX_KEYS) {
            throw new Refused(true, "group count");
        }
        List<Group> groups = new ArrayList<>();
        long total = 0;
        for (long g = 0; g < groupCount; g++) {
            long keyId = unsigned(in, 4);
            long count = unsigned(in, 4);
            int k = (int) unsigned(in, 1);
            long length = unsigned(in, 4);
            total += count;
            if (total > RevocationList.MAX_SERIALS) {
                throw new Refused(true, "serial count");
            }
            if (!groups.isEmpty() && keyId <= groups.get(groups.size() - 1).keyId) {
                throw malformed("group key ids not increasing");
            }
            if (count == 0 || k > 63 || length > in.remaining()) {
                throw malformed("group header");
            }
            groups.add(new Group(keyId, rice(payload, in.position(), (int) length, count, k)));
            in.position(in.position() + (int) length);
        }
        if (in.remaining() != 0) {
            throw malformed("trailing bytes");
        }
        return new Decoded(delta, sequence, base, previous, issuedAt, List.copyOf(keys), List.copyOf(groups));
    }

    private static List<Long> rice(byte[] data, int offset, int length, long count, int k) throws Refused {
        long bit = offset * 8L;
        long end = (offset + (long) length) * 8;
        List<Long> serials = new ArrayList<>();
        BigInteger previous = BigInteger.ZERO;
        for (long i = 0; i < count; i++) {
            long quotient = 0;
            while (true) {
                if (bit == end) {
                    throw malformed("stream ends in a quotient");
                }
                if (bitAt(data, bit++) == 0) {
                    break;
                }
                quotient++;
            }
            BigInteger gap = BigInteger.valueOf(quotient).shiftLeft(k);
            for (int b = k - 1; b >= 0; b--) {
                if (bit == end) {
                    throw malformed("stream ends in a remainder");
                }
                if (bitAt(data, bit++) == 1) {
                    gap = gap.setBit(b);
                }
            }
            if (i > 0 && gap.signum() == 0) {
                throw malformed("repeated serial");
            }
            BigInteger serial = previous.add(gap);
            if (serial.compareTo(TWO_TO_THE_64) >= 0) {
                throw malformed("serial past 2^64 - 1");
            }
            serials.add(serial.longValue());
            previous = serial;
        }
        if (end - bit >= 8) {
            throw malformed("a whole byte after the last serial");
        }
        while (bit < end) {
            if (bitAt(data, bit++) != 0) {
                throw malformed("padding bit set");
            }
        }
        return List.copyOf(serials);
    }

    private static int bitAt(byte[] data, long bit) {
        return (data[(int) (bit >>> 3)] >>> (7 - (int) (bit & 7))) & 1;
    }

    private static Refused malformed(String why) {
        return new Refused(false, why);
    }

    /** A big-endian unsigned field of {@code bytes} bytes; the model's own reading, on the JDK's buffer. */
    private static long unsigned(ByteBuffer in, int bytes) throws Refused {
        if (in.remaining() < bytes) {
            throw malformed("truncated");
        }
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = value << 8 | (in.get() & 0xFF);
        }
        return value;
    }

    private static long sequence(ByteBuffer in) throws Refused {
        byte[] bytes = new byte[8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) unsigned(in, 1);
        }
        BigInteger value = new BigInteger(1, bytes);
        if (value.compareTo(TWO_TO_THE_63) >= 0) {
            throw malformed("sequence at or above 2^63");
        }
        return value.longValue();
    }
}
