package dev.greenlight.codec.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.internal.jws.CompactJws;
import dev.greenlight.codec.revocation.RevocationListException.Reason;
import dev.greenlight.codec.trust.TrustListDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RevocationListTest {

    private static final KeyPair ROOT = P256KeyPairs.generate(new SecureRandom());
    private static final KeyPair OTHER = P256KeyPairs.generate(new SecureRandom());
    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
    private static final KeyId KEY_A = KeyId.parse("0a0b0c0d");
    private static final KeyId KEY_B = KeyId.parse("f1f2f3f4");
    private static final KeyId KEY_C = KeyId.parse("77777777");

    private static ECPublicKey root() {
        return (ECPublicKey) ROOT.getPublic();
    }

    private static String signed(RevocationList.Builder builder) {
        return builder.sign(ROOT.getPrivate(), null, "root");
    }

    private static RevocationList read(String jws) throws RevocationListException {
        return RevocationList.verify(jws, root());
    }

    private static String signedPayload(byte[] payload) {
        return CompactJws.sign(payload, RevocationList.TYPE, null, ROOT.getPrivate(), null);
    }

    private static Reason refusal(byte[] payload) {
        return assertThrows(RevocationListException.class, () -> read(signedPayload(payload))).reason();
    }

    @Test
    void verify_baseList_revokesExactlyItsSerialsAndKeys() throws RevocationListException {
        long[] edge = {0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0x8000_0000_0000_0001L};
        RevocationList.Builder builder = RevocationList.base(7, AT).revokeKey(KEY_C);
        for (long serial : edge) {
            builder.revokeSerial(KEY_A, new Serial(serial));
        }
        builder.revokeSerial(KEY_B, new Serial(42));

        RevocationList list = read(signed(builder));
        RevocationSet set = RevocationSet.of(list, List.of());

        assertEquals(list.serialCount(), read(signed(builder) + "\r\n").serialCount(), "a file's line end is not the list's");
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(RevocationListException.class, () -> read(signed(builder) + "\n\n")).reason());
        assertFalse(list.isDelta());
        assertEquals(7, list.sequence());
        assertEquals(AT, list.issuedAt());
        assertEquals(List.of(KEY_C), list.revokedKeys());
        assertEquals(edge.length + 1, list.serialCount());
        for (long serial : edge) {
            assertTrue(set.isRevoked(KEY_A, new Serial(serial)), Long.toHexString(serial));
            assertFalse(set.isRevoked(KEY_B, new Serial(serial)) && serial != 42, Long.toHexString(serial));
        }
        assertTrue(set.isRevoked(KEY_B, new Serial(42)));
        assertFalse(set.isRevoked(KEY_A, new Serial(42)));
        assertFalse(set.isRevoked(KEY_A, new Serial(2)));
        assertFalse(set.isRevoked(KEY_A, new Serial(-2)));
        assertTrue(set.isRevoked(KEY_C, new Serial(123456789)), "a key revoked whole revokes every serial");
        assertTrue(set.isKeyRevoked(KEY_C));
        assertFalse(set.isKeyRevoked(KEY_A));
    }

    @Test
    void forEachSerial_listsEverySerialByKeyThenUnsignedOrder() throws RevocationListException {
        RevocationList list = read(signed(RevocationList.base(1, AT)
                .revokeSerial(KEY_B, new Serial(-1)).revokeSerial(KEY_A, new Serial(-1)).revokeSerial(KEY_A, new Serial(5))));
        List<String> seen = new ArrayList<>();

        list.forEachSerial((key, serial) -> seen.add(key + "/" + serial));

        assertEquals(List.of("0a0b0c0d/0000000000000005", "0a0b0c0d/ffffffffffffffff", "f1f2f3f4/ffffffffffffffff"), seen);
    }

    @Test
    void randomSets_roundTripExactly_andNothingElseIsRevoked() throws RevocationListException {
        Random random = new Random(13);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(round < 10 ? 10 : 5000);
            long[] serials = random.longs(n).distinct().toArray();
            RevocationList.Builder builder = RevocationList.base(round, AT);
            for (long serial : serials) {
                builder.revokeSerial(KEY_A, new Serial(serial));
            }
            // Named again, backwards: a code named twice is in the list once.
            for (int i = serials.length - 1; i >= 0; i -= 2) {
                builder.revokeSerial(KEY_A, new Serial(serials[i]));
            }
            RevocationSet set = RevocationSet.of(read(signed(builder)), List.of());

            assertEquals(serials.length, set.serialCount());
            for (long serial : serials) {
                assertTrue(set.isRevoked(KEY_A, new Serial(serial)));
                assertFalse(set.isRevoked(KEY_B, new Serial(serial)));
                assertFalse(set.isRevoked(KEY_A, new Serial(serial + 1)) && Arrays.stream(serials).noneMatch(s -> s == serial + 1));
            }
        }
    }

    @Test
    void aMillionRandomSerials_takeAbout46BitsEach() throws RevocationListException {
        Random random = new Random(1);
        RevocationList.Builder builder = RevocationList.base(1, AT);
        long[] serials = random.longs(1_000_000).toArray();
        for (long serial : serials) {
            builder.revokeSerial(KEY_A, new Serial(serial));
        }
        byte[] payload = builder.encode();

        // Entropy of a random million-set of 64-bit values: log2(C(2^64, 10^6)) / 10^6 = 45.5 bits.
        double bitsEach = payload.length * 8.0 / serials.length;
        assertTrue(bitsEach > 45.5 && bitsEach < 47, "bits per serial: " + bitsEach);
        RevocationSet set = RevocationSet.of(read(signedPayload(payload)), List.of());
        assertEquals(1_000_000, set.serialCount());
        // Above RevocationSet.INDEXED_GROUP: every listed serial through the top-bits index, and
        // neighbours and the extremes of each bucket that are not listed.
        java.util.Set<Long> listed = new java.util.HashSet<>();
        for (long serial : serials) {
            listed.add(serial);
            assertTrue(set.isRevoked(KEY_A, new Serial(serial)));
        }
        for (int i = 0; i < 100_000; i++) {
            for (long probe : new long[] {serials[i] + 1, serials[i] - 1, ((long) i) << 48, (((long) i) << 48) - 1}) {
                assertEquals(listed.contains(probe), set.isRevoked(KEY_A, new Serial(probe)), Long.toHexString(probe));
            }
        }
        assertFalse(set.isRevoked(KEY_B, new Serial(serials[0])));
    }

    @Test
    void deltas_applyInOrderOnTheirBase() throws RevocationListException {
        RevocationList base = read(signed(RevocationList.base(10, AT).revokeSerial(KEY_A, new Serial(1))));
        RevocationList first = read(signed(RevocationList.delta(11, 10, 10, AT).revokeSerial(KEY_A, new Serial(2)).revokeSerial(KEY_A, new Serial(1))));
        RevocationList second = read(signed(RevocationList.delta(12, 10, 11, AT).revokeKey(KEY_B).revokeSerial(KEY_C, new Serial(3))));

        RevocationSet set = RevocationSet.of(base, List.of(first, second));

        assertEquals(12, set.sequence());
        assertEquals(10, set.baseSequence());
        assertEquals(3, set.serialCount());
        assertTrue(set.isRevoked(KEY_A, new Serial(1)));
        assertTrue(set.isRevoked(KEY_A, new Serial(2)));
        assertTrue(set.isRevoked(KEY_C, new Serial(3)));
        assertTrue(set.isRevoked(KEY_B, new Serial(99)));
        assertFalse(set.isRevoked(KEY_A, new Serial(3)));
        assertEquals(10, RevocationSet.of(base, List.of()).sequence());
    }

    @Test
    void deltas_onAnotherBaseOrWithOneMissing_areRefused() throws RevocationListException {
        RevocationList base = read(signed(RevocationList.base(10, AT)));
        RevocationList otherBase = read(signed(RevocationList.base(9, AT)));
        RevocationList first = read(signed(RevocationList.delta(11, 10, 10, AT)));
        RevocationList second = read(signed(RevocationList.delta(12, 10, 11, AT)));

        assertRefusedAt(1, () -> RevocationSet.of(otherBase, List.of(first)));
        RevocationListException missing = assertRefusedAt(1, () -> RevocationSet.of(base, List.of(second)));
        assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
        assertRefusedAt(1, () -> RevocationSet.of(base, List.of(second, first)));
        assertRefusedAt(0, () -> RevocationSet.of(first, List.of()));
        assertRefusedAt(1, () -> RevocationSet.of(base, List.of(base)));
        assertRefusedAt(2, () -> RevocationSet.of(base, List.of(first, first, second)));
    }

    /** WRONG_BASE, blaming the list at {@code index} of the chain: the one to fetch again, not the last. */
    private static RevocationListException assertRefusedAt(int index, Executable chain) {
        RevocationListException e = assertThrows(RevocationListException.class, chain);
        assertEquals(Reason.WRONG_BASE, e.reason());
        assertEquals(OptionalInt.of(index), e.chainIndex(), e.getMessage());
        return e;
    }

    @Test
    void requireNotOlderThan_refusesOnlyALowerSequence() throws RevocationListException {
        RevocationSet set = RevocationSet.of(read(signed(RevocationList.base(10, AT))), List.of());

        set.requireNotOlderThan(-1);
        set.requireNotOlderThan(10);
        assertEquals(Reason.ROLLBACK, assertThrows(RevocationListException.class, () -> set.requireNotOlderThan(11)).reason());
    }

    @Test
    void verify_signedByAnotherKey_isBadSignature() {
        String byOther = RevocationList.base(1, AT).sign(OTHER.getPrivate(), null, "root");

        RevocationListException refused = assertThrows(RevocationListException.class, () -> read(byOther));
        assertEquals(Reason.BAD_SIGNATURE, refused.reason());
        assertEquals(OptionalInt.empty(), refused.chainIndex(), "a list refused on its own is no chain's");
    }

    @Test
    void verify_aTrustListOfTheSameRoot_isWrongType() {
        byte[] payload = RevocationList.base(1, AT).encode();
        String trustList = CompactJws.sign(payload, TrustListDocument.TYPE, null, ROOT.getPrivate(), null);

        assertEquals(Reason.WRONG_TYPE, assertThrows(RevocationListException.class, () -> read(trustList)).reason());
    }

    @Test
    void verify_anotherTypeSignedByAnotherKey_isBadSignatureNotWrongType() {
        byte[] payload = RevocationList.base(1, AT).encode();
        String byOther = CompactJws.sign(payload, TrustListDocument.TYPE, null, OTHER.getPrivate(), null);

        assertEquals(Reason.BAD_SIGNATURE, assertThrows(RevocationListException.class, () -> read(byOther)).reason());
    }

    @Test
    void verify_aTamperedPayload_isBadSignature() {
        String jws = signed(RevocationList.base(1, AT).revokeSerial(KEY_A, new Serial(5)));
        String[] parts = jws.split("\\.");
        byte[] payload = RevocationList.base(1, AT).revokeSerial(KEY_A, new Serial(6)).encode();
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];

        assertEquals(Reason.BAD_SIGNATURE, assertThrows(RevocationListException.class, () -> read(tampered)).reason());
    }

    @Test
    void verify_textOverTheCap_isTooLargeBeforeAnyDecoding() {
        char[] text = new char[RevocationList.MAX_TEXT_LENGTH + 1];
        Arrays.fill(text, 'A');

        assertEquals(Reason.TOO_LARGE, assertThrows(RevocationListException.class, () -> read(new String(text))).reason());
    }

    @Test
    void decode_truncatedAnywhere_isMalformed() {
        byte[] payload = RevocationList.base(3, AT).revokeKey(KEY_C).revokeSerial(KEY_A, new Serial(77)).revokeSerial(KEY_A, new Serial(-5)).encode();
        for (int length = 0; length < payload.length; length++) {
            byte[] cut = Arrays.copyOf(payload, length);
            assertEquals(Reason.MALFORMED, assertThrows(RevocationListException.class, () -> RevocationListFormat.decode(cut),
                    "cut at " + length).reason());
        }
    }

    @Test
    void decode_trailingByte_isMalformed() {
        byte[] payload = RevocationList.base(3, AT).revokeSerial(KEY_A, new Serial(77)).encode();

        assertEquals(Reason.MALFORMED, refusal(Arrays.copyOf(payload, payload.length + 1)));
    }

    @Test
    void decode_unsortedOrRepeatedKeyIds_isMalformed() {
        Payload unsortedKeys = Payload.base(1).keys(KEY_B.value(), KEY_A.value()).noGroups();
        Payload repeatedKeys = Payload.base(1).keys(KEY_A.value(), KEY_A.value()).noGroups();
        byte[] group = RevocationListFormat.riceEncode(new long[] {Contents.bias(9L)}, 3);
        Payload unsortedGroups = Payload.base(1).keys().groups(2).group(KEY_B.value(), 1, 3, group).group(KEY_A.value(), 1, 3, group);

        assertEquals(Reason.MALFORMED, refusal(unsortedKeys.bytes()));
        assertEquals(Reason.MALFORMED, refusal(repeatedKeys.bytes()));
        assertEquals(Reason.MALFORMED, refusal(unsortedGroups.bytes()));
    }

    @Test
    void decode_repeatedOrDescendingSerials_isMalformed() {
        // Gaps 5, 0: the second serial repeats the first.
        byte[] repeated = rice(4, 5, 0);
        // Gaps 2^63 + 5, 2^63: the second wraps past 2^64 - 1, the only way to write a lower serial.
        byte[] wrapping = rice(62, Long.MIN_VALUE + 5, Long.MIN_VALUE);

        RevocationListException e = assertThrows(RevocationListException.class,
                () -> RevocationListFormat.decode(Payload.base(1).keys().groups(1).group(KEY_A.value(), 2, 4, repeated).bytes()));
        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().contains("repeats"), e.getMessage());
        e = assertThrows(RevocationListException.class,
                () -> RevocationListFormat.decode(Payload.base(1).keys().groups(1).group(KEY_A.value(), 2, 62, wrapping).bytes()));
        assertTrue(e.getMessage().contains("not greater"), e.getMessage());
    }

    @Test
    void decode_countsThatDoNotMatchTheData_areMalformed() {
        byte[] three = rice(4, 1, 2, 3);

        assertEquals(Reason.MALFORMED, refusal(Payload.base(1).keys().groups(1).group(KEY_A.value(), 2, 4, three).bytes()), "count too low");
        assertEquals(Reason.MALFORMED, refusal(Payload.base(1).keys().groups(1).group(KEY_A.value(), 4, 4, three).bytes()), "count too high");
        assertEquals(Reason.MALFORMED, refusal(Payload.base(1).keys().groups(1).group(KEY_A.value(), 0, 4, new byte[0]).bytes()), "empty group");
        assertEquals(Reason.MALFORMED, refusal(Payload.base(1).keys().groups(2).group(KEY_A.value(), 3, 4, three).bytes()), "a group missing");
        assertEquals(Reason.MALFORMED, refusal(Payload.base(1).keys().groups(1).group(KEY_A.value(), 3, 64, three).bytes()), "k above 63");
    }

    @Test
    void decode_nonZeroPadding_isMalformed() {
        byte[] one = rice(4, 1);
        one[one.length - 1] |= 1;

        RevocationListException e = assertThrows(RevocationListException.class,
                () -> RevocationListFormat.decode(Payload.base(1).keys().groups(1).group(KEY_A.value(), 1, 4, one).bytes()));
        assertTrue(e.getMessage().contains("padding"), e.getMessage());
    }

    @Test
    void decode_hugeDeclaredCounts_areRefusedBeforeAllocating() {
        byte[] tiny = rice(4, 1);

        assertEquals(Reason.TOO_LARGE, refusal(Payload.base(1).keys().groups(1)
                .group(KEY_A.value(), RevocationList.MAX_SERIALS + 1L, 0, tiny).bytes()));
        assertEquals(Reason.MALFORMED, refusal(Payload.base(1).keys().groups(1)
                .group(KEY_A.value(), RevocationList.MAX_SERIALS, 0, tiny).bytes()), "a million serials cannot fit in one byte");
        assertEquals(Reason.TOO_LARGE, refusal(Payload.base(1).rawKeyCount(RevocationList.MAX_KEYS + 1L).bytes()));
        assertEquals(Reason.MALFORMED, refusal(Payload.base(1).rawKeyCount(1000).bytes()), "1,000 keys need 4,000 bytes");
    }

    @Test
    void decode_badHeader_isMalformed() {
        byte[] payload = RevocationList.base(3, AT).encode();
        byte[] version = payload.clone();
        version[0] = 2;
        byte[] kind = payload.clone();
        kind[1] = 2;
        byte[] sequence = payload.clone();
        sequence[2] = (byte) 0x80;
        byte[] delta = RevocationList.delta(5, 3, 4, AT).encode();
        delta[RevocationListFormat.DELTA_HEADER_BYTES - 1] = 5;

        assertEquals(Reason.MALFORMED, refusal(version));
        assertEquals(Reason.MALFORMED, refusal(kind));
        assertEquals(Reason.MALFORMED, refusal(sequence));
        assertEquals(Reason.MALFORMED, refusal(delta), "previous must be below the sequence");
    }

    @Test
    void decode_mutatedPayloads_giveAListOrARevocationListExceptionOnly() {
        RevocationList.Builder builder = RevocationList.delta(9, 3, 8, AT).revokeKey(KEY_C).revokeKey(KEY_B);
        Random random = new Random(99);
        for (int i = 0; i < 300; i++) {
            builder.revokeSerial(i % 3 == 0 ? KEY_A : KEY_B, new Serial(random.nextLong()));
        }
        byte[] payload = builder.encode();
        int accepted = 0;
        for (int round = 0; round < 50_000; round++) {
            byte[] mutated = payload.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            }
            if (round % 10 == 0) {
                mutated = Arrays.copyOf(mutated, random.nextInt(mutated.length + 8));
            }
            try {
                RevocationListFormat.decode(mutated);
                accepted++;
            } catch (RevocationListException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            }
        }
        // Some flips land in the issue time or a serial's low bits and give another valid list.
        assertTrue(accepted > 0 && accepted < 50_000, "accepted " + accepted);
    }

    @Test
    void builder_refusesSequencesThatCannotChain() {
        assertThrows(IllegalArgumentException.class, () -> RevocationList.base(-1, AT));
        assertThrows(IllegalArgumentException.class, () -> RevocationList.delta(5, 6, 6, AT));
        assertThrows(IllegalArgumentException.class, () -> RevocationList.delta(5, 3, 5, AT));
    }

    /**
     * A Rice stream of raw gaps, written by the format's own writer from serials that sum them; also
     * {@link RevocationVectorGenerator}'s, for its malformed groups.
     */
    static byte[] rice(int k, long... gaps) {
        long[] biased = new long[gaps.length];
        long serial = 0;
        for (int i = 0; i < gaps.length; i++) {
            serial += gaps[i];
            biased[i] = Contents.bias(serial);
        }
        return RevocationListFormat.riceEncode(biased, k);
    }

    /** Hand-laid payloads, for layouts the builder never writes. */
    static final class Payload {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        static Payload base(long sequence) {
            Payload p = new Payload();
            p.out.write(1);
            p.out.write(0);
            p.u32(sequence >>> 32).u32(sequence).u32(AT.getEpochSecond());
            return p;
        }

        Payload u32(long value) {
            out.write((int) (value >>> 24));
            out.write((int) (value >>> 16));
            out.write((int) (value >>> 8));
            out.write((int) value);
            return this;
        }

        Payload keys(int... keyIds) {
            u32(keyIds.length);
            for (int key : keyIds) {
                u32(key);
            }
            return this;
        }

        Payload rawKeyCount(long count) {
            return u32(count);
        }

        Payload noGroups() {
            return u32(0);
        }

        Payload groups(int count) {
            return u32(count);
        }

        Payload group(int keyId, long count, int k, byte[] stream) {
            u32(keyId).u32(count);
            out.write(k);
            u32(stream.length);
            out.write(stream, 0, stream.length);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
