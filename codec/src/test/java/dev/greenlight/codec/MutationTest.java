package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.greenlight.codec.internal.wire.PayloadV1;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive (not sampled) mutation of genuine codes: every single-bit flip of the payload bytes
 * and every single-character substitution of the text is rejected, and for the reason its
 * position calls for. The expected reason comes from an oracle written here independently of
 * the codec (its own Base45 arithmetic and the layout table of the specification), following the
 * order of checks: version, then key id, then signature, before any field is read.
 */
class MutationTest {

    /** The QR alphanumeric set, in Base45 value order (RFC 9285, table 1). */
    private static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    /** Characters outside the alphabet that a scanner or a copy-paste could produce. */
    private static final char[] NOT_BASE45 = {'a', 'z', '_', '#', '\0', '\t', '\n', '\r', '\u00a0', '\u00e9', '\ufeff', '\u2580'};
    private static final String PREFIX = "GL1:";

    private final Verifier verifier = FuzzFixtures.verifier();

    @Test
    void verifyPayload_everySingleBitFlip_rejectedWithTheReasonOfItsRegion() {
        Map<RejectionReason, Integer> counts = new EnumMap<>(RejectionReason.class);
        int cases = 0;
        for (IssuedCode code : FuzzFixtures.validCodes()) {
            byte[] genuine = FuzzFixtures.payloadOf(code.text());
            assertTrue(verifier.verifyPayload(genuine).isValid(), "fixture code must verify unmutated");
            for (int index = 0; index < genuine.length; index++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] mutated = genuine.clone();
                    mutated[index] ^= (byte) (1 << bit);
                    RejectionReason expected = reasonForChangedBytes(index, index);
                    VerificationResult binary = verifier.verifyPayload(mutated);
                    VerificationResult text = verifier.verify(FuzzFixtures.textOf(mutated));
                    String where = "byte " + index + " bit " + bit + " of " + code.text();
                    assertEquals(expected, binary.reason(), () -> where + ": " + binary);
                    assertEquals(expected, text.reason(), () -> where + " (as text): " + text);
                    counts.merge(expected, 1, Integer::sum);
                    cases++;
                }
            }
        }
        assertEquals(3 * PayloadV1.TOTAL_BYTES * 8, cases);
        // Region sizes times 8 bits times 3 codes: version 1 byte, key id 4, the other 95 bytes signed or signature.
        assertEquals(Map.of(RejectionReason.UNSUPPORTED_VERSION, 3 * 8, RejectionReason.UNKNOWN_KEY, 3 * 4 * 8,
                RejectionReason.BAD_SIGNATURE, 3 * 95 * 8), counts);
    }

    @Test
    void verify_everySingleCharacterSubstitution_rejectedWithTheReasonOfItsPosition() {
        Map<RejectionReason, Integer> counts = new EnumMap<>(RejectionReason.class);
        int cases = 0;
        for (IssuedCode code : FuzzFixtures.validCodes().subList(0, 2)) {
            String genuine = code.text();
            assertEquals(154, genuine.length());
            for (int position = 0; position < genuine.length(); position++) {
                for (char replacement : replacementsFor(genuine.charAt(position))) {
                    String mutated = genuine.substring(0, position) + replacement + genuine.substring(position + 1);
                    VerificationResult result = verifier.verify(mutated);
                    Set<RejectionReason> expected = expectedReasons(genuine, position, replacement);
                    int at = position;
                    assertTrue(expected.contains(result.reason()), () -> "position " + at + " := U+"
                            + String.format("%04X", (int) replacement) + " gave " + result + ", expected one of " + expected);
                    counts.merge(result.reason(), 1, Integer::sum);
                    cases++;
                }
            }
        }
        assertEquals(2 * 154 * (44 + NOT_BASE45.length), cases);
        // Every reason the layout can produce is reached; nothing was accepted (isValid gives a null reason).
        assertEquals(Set.of(RejectionReason.MALFORMED, RejectionReason.UNSUPPORTED_VERSION, RejectionReason.UNKNOWN_KEY,
                RejectionReason.BAD_SIGNATURE), counts.keySet());
    }

    @Test
    void verify_everyTruncationAndExtensionByOneCharacter_malformed() {
        String genuine = FuzzFixtures.validCodes().get(0).text();
        List<String> mutants = new ArrayList<>();
        for (int length = 0; length < genuine.length(); length++) {
            mutants.add(genuine.substring(0, length));
        }
        for (char extra : (BASE45 + "\n\r").toCharArray()) {
            mutants.add(genuine + extra);
            mutants.add(extra + genuine);
        }
        for (String mutant : mutants) {
            RejectionReason reason = verifier.verify(mutant).reason();
            // A prefix "GL" plus a digit and a colon is a version prefix; anything shorter or longer is not a code.
            assertTrue(reason == RejectionReason.MALFORMED, () -> "'" + mutant + "' gave " + reason);
        }
        assertEquals(154 + 2 * 47, mutants.size());
    }

    /** The first check that fails when payload bytes {@code first..last} (inclusive) have changed. */
    private static RejectionReason reasonForChangedBytes(int first, int last) {
        if (first == PayloadV1.OFFSET_VERSION) {
            return RejectionReason.UNSUPPORTED_VERSION;
        }
        if (first < PayloadV1.OFFSET_SERIAL) {
            return RejectionReason.UNKNOWN_KEY;
        }
        // Serial, identity hash, colour, times and the signature itself: all covered by the signature,
        // which is checked before any field is read.
        return RejectionReason.BAD_SIGNATURE;
    }

    private static Set<RejectionReason> expectedReasons(String genuine, int position, char replacement) {
        if (BASE45.indexOf(replacement) < 0) {
            return Set.of(RejectionReason.MALFORMED);
        }
        if (position < PREFIX.length()) {
            if (position == 2 && Character.isDigit(replacement)) {
                return Set.of(RejectionReason.UNSUPPORTED_VERSION);
            }
            if (position == 3 && Character.isDigit(replacement)) {
                // "GL1" and more digits: a version prefix only if a colon follows the digits.
                return Set.of(RejectionReason.MALFORMED, RejectionReason.UNSUPPORTED_VERSION);
            }
            return Set.of(RejectionReason.MALFORMED);
        }
        // Body: three characters c0 c1 c2 encode the two bytes c0 + 45 c1 + 2025 c2 (RFC 9285).
        int group = (position - PREFIX.length()) / 3;
        int groupStart = PREFIX.length() + 3 * group;
        int[] digits = new int[3];
        for (int i = 0; i < 3; i++) {
            char c = groupStart + i == position ? replacement : genuine.charAt(groupStart + i);
            digits[i] = BASE45.indexOf(c);
        }
        int value = digits[0] + 45 * digits[1] + 2025 * digits[2];
        if (value > 0xFFFF) {
            return Set.of(RejectionReason.MALFORMED);
        }
        int original = BASE45.indexOf(genuine.charAt(groupStart)) + 45 * BASE45.indexOf(genuine.charAt(groupStart + 1))
                + 2025 * BASE45.indexOf(genuine.charAt(groupStart + 2));
        boolean highChanged = (value >>> 8) != (original >>> 8);
        int firstChanged = highChanged ? 2 * group : 2 * group + 1;
        return Set.of(reasonForChangedBytes(firstChanged, 2 * group + 1));
    }

    private static List<Character> replacementsFor(char current) {
        List<Character> replacements = new ArrayList<>();
        for (char c : BASE45.toCharArray()) {
            if (c != current) {
                replacements.add(c);
            }
        }
        for (char c : NOT_BASE45) {
            replacements.add(c);
        }
        return replacements;
    }
}
