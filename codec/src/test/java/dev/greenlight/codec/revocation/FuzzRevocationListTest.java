package dev.greenlight.codec.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.revocation.RevocationListException.Reason;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for the revocation list reader (specification section 16).
 *
 * <ul>
 * <li>Any text to {@link RevocationList#verify}: a list or a {@link RevocationListException},
 * nothing else; and the fuzzer, which has no root key, gets a list, or a refusal that needed the
 * payload read ({@code MALFORMED}, {@code TOO_LARGE}), only for a signing input the root signed.</li>
 * <li>Any bytes, signed by the root as a list's payload, so that they reach the binary and Rice
 * decoders: the reader must agree with {@link RevocationPayloadModel}, a second reader written
 * from the spec's table (same acceptance, the same list), refuse only with {@code MALFORMED} or
 * {@code TOO_LARGE} ({@code TOO_LARGE} only for a count over a cap), and a list it accepts must
 * answer {@code isRevoked} exactly and survive the writer, which is never longer.</li>
 * <li>Up to five such lists to {@link RevocationSet#of}: the union of the chain, exactly, or
 * {@code WRONG_BASE} at the index the rules of section 16.3 point at.</li>
 * </ul>
 *
 * <p>Regression corpus: {@code src/test/resources/dev/greenlight/codec/revocation/FuzzRevocationListTestInputs/<method>/},
 * seeds written by {@link FuzzRevocationSeeds} (through {@code FuzzCorpusWriter}). To fuzz for
 * real (SECURITY.md):
 * {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl codec test -Dtest='FuzzRevocationListTest#verify_anySignedPayload_sameAsIndependentReader'}.
 */
class FuzzRevocationListTest {

    private static final Set<String> ROOT_SIGNED = FuzzRevocationSeeds.rootSignedInputs();
    /** What a refusal may say of a text; WRONG_BASE and ROLLBACK belong to chains. */
    private static final Set<Reason> LIST_REASONS = EnumSet.of(Reason.TOO_LARGE, Reason.BAD_SIGNATURE, Reason.WRONG_TYPE, Reason.MALFORMED);
    private static final int MAX_CHAIN = 5;

    @FuzzTest
    @DictionaryEntries({".", "eyJhbGciOiJFUzI1NiIsInR5cCI6ImdyZWVubGlnaHQtcmV2b2NhdGlvbnMrandzIn0", "eyJhbGciOiJub25lIn0",
        "eyJ0eXAiOiJncmVlbmxpZ2h0LXRydXN0K2p3cyJ9", "=", "AQ"})
    void verify_anyText_listOrTypedRefusal(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            RevocationList list = RevocationList.verify(text, FuzzRevocationSeeds.ROOT);
            assertTrue(ROOT_SIGNED.contains(signingInput(text)), () -> "accepted a list the root never signed: " + text);
            assertNotNull(list.toString());
        } catch (RevocationListException e) {
            assertTrue(LIST_REASONS.contains(e.reason()), () -> "a single list refused with " + e.reason());
            assertNotNull(e.getMessage());
            assertFalse(e.chainIndex().isPresent(), "a single list has no place in a chain");
            if (e.reason() == Reason.MALFORMED || (e.reason() == Reason.TOO_LARGE && text.length() <= RevocationList.MAX_TEXT_LENGTH)) {
                assertTrue(ROOT_SIGNED.contains(signingInput(text)),
                        () -> "read the payload of a list the root never signed (" + e.reason() + "): " + text);
            }
        }
    }

    @FuzzTest
    void verify_anySignedPayload_sameAsIndependentReader(byte[] payload) {
        RevocationList list = readAndCompare(payload);
        if (list == null) {
            return;
        }
        assertWriterRoundTrip(payload, list);
        if (list.isDelta()) {
            RevocationListException e = assertThrows(RevocationListException.class, () -> RevocationSet.of(list, List.of()));
            assertEquals(Reason.WRONG_BASE, e.reason());
            assertEquals(0, e.chainIndex().orElse(-1));
            return;
        }
        RevocationSet set;
        try {
            set = RevocationSet.of(list, List.of());
        } catch (RevocationListException e) {
            throw new AssertionError("a base list alone is a chain: " + e.getMessage(), e);
        }
        assertSetIs(set, List.of(list));
    }

    @FuzzTest
    void revocationSetOf_fuzzedChain_isTheUnionOrWrongBase(byte[] data) {
        List<RevocationList> lists = new ArrayList<>();
        for (byte[] payload : FuzzRevocationSeeds.unchain(data, MAX_CHAIN)) {
            RevocationList list = readAndCompare(payload);
            if (list != null) {
                lists.add(list);
            }
        }
        if (lists.isEmpty()) {
            return;
        }
        int breaksAt = whereTheChainBreaks(lists);
        RevocationSet set;
        try {
            set = RevocationSet.of(lists.get(0), lists.subList(1, lists.size()));
        } catch (RevocationListException e) {
            assertEquals(Reason.WRONG_BASE, e.reason(), e::getMessage);
            assertEquals(breaksAt, e.chainIndex().orElse(-1), () -> "blamed the wrong list: " + e.getMessage() + " in " + lists);
            return;
        }
        assertEquals(-1, breaksAt, () -> "a broken chain was accepted: " + lists);
        assertSetIs(set, lists);
        try {
            set.requireNotOlderThan(-1);
            set.requireNotOlderThan(set.sequence());
        } catch (RevocationListException e) {
            throw new AssertionError("the set's own sequence is a rollback: " + e.getMessage(), e);
        }
        if (set.sequence() < Long.MAX_VALUE) {
            assertEquals(Reason.ROLLBACK, assertThrows(RevocationListException.class,
                    () -> set.requireNotOlderThan(set.sequence() + 1)).reason());
        }
    }

    /** Every seed is what its name says, so that a "valid" seed cannot quietly stop reaching the list. */
    @Test
    void seeds_giveTheOutcomeTheirNamesSay() throws RevocationListException {
        for (Map.Entry<String, String> seed : FuzzRevocationSeeds.texts().entrySet()) {
            assertOutcome(seed.getKey(), () -> RevocationList.verify(seed.getValue(), FuzzRevocationSeeds.ROOT));
        }
        for (Map.Entry<String, byte[]> seed : FuzzRevocationSeeds.payloads().entrySet()) {
            assertOutcome(seed.getKey(), () -> RevocationList.verify(FuzzRevocationSeeds.signed(seed.getValue()), FuzzRevocationSeeds.ROOT));
        }
        for (Map.Entry<String, byte[]> seed : FuzzRevocationSeeds.chains().entrySet()) {
            List<RevocationList> lists = new ArrayList<>();
            for (byte[] payload : FuzzRevocationSeeds.unchain(seed.getValue(), MAX_CHAIN)) {
                lists.add(RevocationList.verify(FuzzRevocationSeeds.signed(payload), FuzzRevocationSeeds.ROOT));
            }
            assertOutcome(seed.getKey(), () -> RevocationSet.of(lists.get(0), lists.subList(1, lists.size())));
        }
    }

    /** The model refuses each near-miss seed on its own, and accepts each valid one: else agreeing with it would prove nothing. */
    @Test
    void theModel_refusesWhatTheSpecRefuses() {
        for (Map.Entry<String, byte[]> seed : FuzzRevocationSeeds.payloads().entrySet()) {
            boolean valid = seed.getKey().startsWith("valid-");
            try {
                RevocationPayloadModel.decode(seed.getValue());
                assertTrue(valid, seed.getKey() + " accepted by the model");
            } catch (RevocationPayloadModel.Refused e) {
                assertFalse(valid, seed.getKey() + " refused by the model: " + e.getMessage());
                assertEquals(seed.getKey().startsWith("too-large-"), e.tooLarge, seed.getKey());
            }
        }
    }

    private interface Outcome {
        Object get() throws RevocationListException;
    }

    private static void assertOutcome(String name, Outcome outcome) {
        Object result;
        try {
            result = outcome.get();
        } catch (RevocationListException e) {
            assertFalse(name.startsWith("valid-"), () -> name + " refused: " + e.reason() + ": " + e.getMessage());
            String expected = e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-";
            assertTrue(name.startsWith(expected), () -> name + " refused with " + e.reason() + ": " + e.getMessage());
            return;
        }
        assertTrue(name.startsWith("valid-"), () -> name + " accepted: " + result);
    }

    /**
     * Signs the payload with the root and reads it, and asks the model: they must agree on whether
     * it is a list and on every field of it. Returns the list, or null when both refuse it.
     */
    private static RevocationList readAndCompare(byte[] payload) {
        RevocationPayloadModel.Decoded expected;
        RevocationPayloadModel.Refused refusedByModel = null;
        try {
            expected = RevocationPayloadModel.decode(payload);
        } catch (RevocationPayloadModel.Refused e) {
            expected = null;
            refusedByModel = e;
        }
        RevocationList list;
        try {
            list = RevocationList.verify(FuzzRevocationSeeds.signed(payload), FuzzRevocationSeeds.ROOT);
        } catch (RevocationListException e) {
            if (payload.length == 0) {
                // An empty part is outside the JWS profile (RFC 7515 reads it as a detached payload).
                assertEquals(Reason.BAD_SIGNATURE, e.reason(), e::getMessage);
                return null;
            }
            assertTrue(e.reason() == Reason.MALFORMED || e.reason() == Reason.TOO_LARGE,
                    () -> "a payload the root signed refused with " + e.reason() + ": " + e.getMessage());
            assertNotNull(refusedByModel, () -> "refused (" + e.getMessage() + ") what the spec accepts: " + hex(payload));
            if (e.reason() == Reason.TOO_LARGE) {
                assertTrue(refusedByModel.tooLarge, () -> "TOO_LARGE (" + e.getMessage() + ") with no count over a cap: " + hex(payload));
            }
            return null;
        }
        RevocationPayloadModel.Refused refused = refusedByModel;
        assertNotNull(expected, () -> "accepted " + list + ", which the spec refuses (" + refused.getMessage() + "): " + hex(payload));
        assertSameList(expected, list);
        return list;
    }

    private static void assertSameList(RevocationPayloadModel.Decoded expected, RevocationList list) {
        assertEquals(expected.delta(), list.isDelta());
        assertEquals(expected.sequence(), list.sequence());
        assertEquals(expected.delta() ? OptionalLong.of(expected.base()) : OptionalLong.empty(), list.baseSequence());
        assertEquals(expected.delta() ? OptionalLong.of(expected.previous()) : OptionalLong.empty(), list.previousSequence());
        assertEquals(Instant.ofEpochSecond(expected.issuedAt()), list.issuedAt());
        assertEquals(expected.keys(), list.revokedKeys().stream().map(key -> Integer.toUnsignedLong(key.value())).toList());
        assertEquals(expected.serialLines(), serialLines(list));
        assertEquals(expected.serialCount(), list.serialCount());
    }

    private static List<String> serialLines(RevocationList list) {
        List<String> lines = new ArrayList<>();
        list.forEachSerial((keyId, serial) -> lines.add(RevocationPayloadModel.line(Integer.toUnsignedLong(keyId.value()), serial.value())));
        return lines;
    }

    /**
     * The writer, given what was read, writes a payload that reads back the same (by the model) and
     * is no longer than the one received: it picks the shortest Rice parameter per group.
     */
    private static void assertWriterRoundTrip(byte[] payload, RevocationList list) {
        RevocationList.Builder builder = list.isDelta()
                ? RevocationList.delta(list.sequence(), list.baseSequence().getAsLong(), list.previousSequence().getAsLong(), list.issuedAt())
                : RevocationList.base(list.sequence(), list.issuedAt());
        list.revokedKeys().forEach(builder::revokeKey);
        list.forEachSerial(builder::revokeSerial);
        byte[] written = builder.encode();
        try {
            assertSameList(RevocationPayloadModel.decode(written), list);
        } catch (RevocationPayloadModel.Refused e) {
            throw new AssertionError("the writer wrote what the spec refuses (" + e.getMessage() + "): " + hex(written), e);
        }
        assertTrue(written.length <= payload.length,
                () -> "the writer took " + written.length + " bytes for a list received in " + payload.length + ": " + hex(payload));
    }

    /** Section 16.3, from its text: the index of the list that breaks the chain, or -1. */
    private static int whereTheChainBreaks(List<RevocationList> lists) {
        if (lists.get(0).isDelta()) {
            return 0;
        }
        long base = lists.get(0).sequence();
        for (int k = 1; k < lists.size(); k++) {
            RevocationList delta = lists.get(k);
            if (!delta.isDelta() || delta.baseSequence().getAsLong() != base
                    || delta.previousSequence().getAsLong() != lists.get(k - 1).sequence()) {
                return k;
            }
        }
        return -1;
    }

    /** The set is the union of the lists, exactly: every named code and key, and nothing beside them. */
    private static void assertSetIs(RevocationSet set, List<RevocationList> lists) {
        Set<Integer> keys = new HashSet<>();
        Set<List<Long>> serials = new HashSet<>();
        for (RevocationList list : lists) {
            list.revokedKeys().forEach(key -> keys.add(key.value()));
            list.forEachSerial((keyId, serial) -> serials.add(List.of((long) keyId.value(), serial.value())));
        }
        RevocationList last = lists.get(lists.size() - 1);
        assertEquals(last.sequence(), set.sequence());
        assertEquals(lists.get(0).sequence(), set.baseSequence());
        assertEquals(last.issuedAt(), set.issuedAt());
        assertEquals(keys.size(), set.keyCount());
        assertEquals(serials.size(), set.serialCount());

        Function<List<Long>, Boolean> revoked = code -> keys.contains(code.get(0).intValue()) || serials.contains(code);
        TreeSet<String> wrong = new TreeSet<>();
        List<List<Long>> probes = new ArrayList<>(serials);
        for (List<Long> code : serials) {
            probes.add(List.of(code.get(0), code.get(1) + 1));
            probes.add(List.of(code.get(0), code.get(1) - 1));
            probes.add(List.of((long) (code.get(0).intValue() + 1), code.get(1)));
        }
        for (int key : keys) {
            probes.add(List.of((long) key, 0L));
            probes.add(List.of((long) (key - 1), -1L));
            assertTrue(set.isKeyRevoked(new KeyId(key)));
        }
        probes.add(List.of(0L, 0L));
        for (List<Long> probe : probes) {
            KeyId keyId = new KeyId(probe.get(0).intValue());
            boolean expected = revoked.apply(List.of((long) keyId.value(), probe.get(1)));
            if (set.isRevoked(keyId, new Serial(probe.get(1))) != expected) {
                wrong.add(RevocationPayloadModel.line(Integer.toUnsignedLong(keyId.value()), probe.get(1)) + " should be " + expected);
            }
            if (set.isKeyRevoked(keyId) != keys.contains(keyId.value())) {
                wrong.add(keyId + " whole should be " + keys.contains(keyId.value()));
            }
        }
        if (!wrong.isEmpty()) {
            fail("the set answers wrongly for " + wrong + " after " + lists);
        }
    }

    private static String signingInput(String text) {
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(0, dot);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
