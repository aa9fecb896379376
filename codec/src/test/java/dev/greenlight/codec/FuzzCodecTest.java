package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Fuzz targets for code decoding and verification. Property: whatever the input, the verifier
 * answers with a {@link VerificationResult} (never an exception), accepts nothing but the codes
 * genuinely issued ({@link FuzzFixtures#validTexts()}), and {@code inspectUnverified} throws at
 * most a {@link CodeFormatException}. Any other exception, or an accepted forgery, is a finding.
 *
 * <p>In {@code ./mvnw -B verify} these run in Jazzer's regression mode: each target runs once per
 * file of its committed corpus in {@code src/test/resources/dev/greenlight/codec/FuzzCodecTestInputs/<method>/}
 * (valid codes and one file per invalid kind, written by {@link FuzzCorpusWriter}). To fuzz one
 * target for real for ten minutes (see SECURITY.md):
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl codec test -Dtest='FuzzCodecTest#verify_anyText_typedResultOnly'
 * </pre>
 * Findings are written to the Inputs directory above, so they become regression cases once committed.
 */
class FuzzCodecTest {

    private static final Verifier VERIFIER = FuzzFixtures.verifier();
    /** What inspectUnverified may find without a key or a clock: structure and field values. */
    private static final Set<RejectionReason> FORMAT_REASONS =
            EnumSet.of(RejectionReason.MALFORMED, RejectionReason.UNSUPPORTED_VERSION, RejectionReason.INVALID_FIELD);

    @FuzzTest
    @DictionaryEntries({"GL1:", "GL2:", "GL", ":", " ", "$", "%", "*", "+", "-", ".", "/"})
    void verify_anyText_typedResultOnly(byte[] data) {
        // UTF-8 so that a corpus file is simply the code text; malformed sequences become U+FFFD.
        String text = new String(data, StandardCharsets.UTF_8);
        assertAcceptsOnlyIssued(text, VERIFIER.verify(text));
    }

    @FuzzTest
    @DictionaryEntries({"GL1:", "GL2:", "GL", ":", " ", "$", "%", "*", "+", "-", ".", "/"})
    void verify_anyLatin1Text_typedResultOnly(byte[] data) {
        // Every char 0..255 reachable byte by byte, including NUL, CR, LF and the non-ASCII Latin-1 range.
        String text = new String(data, StandardCharsets.ISO_8859_1);
        assertAcceptsOnlyIssued(text, VERIFIER.verify(text));
    }

    @FuzzTest
    @DictionaryEntries({"GL1:", "GL2:", "GL", ":", " ", "$", "%", "*", "+", "-", ".", "/"})
    void inspectUnverified_anyText_codeFormatExceptionOnly(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            UnverifiedCode code = Verifier.inspectUnverified(text);
            assertNotNull(code.claims());
            assertEquals(64, code.signature().length);
            assertTrue(text.startsWith("GL1:"), text);
        } catch (CodeFormatException e) {
            assertTrue(FORMAT_REASONS.contains(e.reason()), () -> "inspectUnverified gave reason " + e.reason());
            assertNotNull(e.getMessage());
        }
    }

    @FuzzTest
    void verifyPayload_anyBytes_typedResultOnly(byte[] payload) {
        VerificationResult result = VERIFIER.verifyPayload(payload);
        if (result.isValid()) {
            assertTrue(FuzzFixtures.validTexts().contains(FuzzFixtures.textOf(payload)),
                    () -> "accepted a payload that was never issued: " + result);
        } else {
            assertNotNull(result.reason());
            assertNotNull(result.message());
        }
    }

    /**
     * Starts from a genuine code and lets the fuzzer overwrite, insert or delete bytes, so that
     * inputs get past the key id lookup (random bytes almost never name the trusted key) and reach
     * the signature check and the field checks behind it, with the real trusted key.
     */
    @FuzzTest
    void verify_editedValidCode_onlyUnchangedCodeAccepted(FuzzedDataProvider data) {
        List<IssuedCode> codes = FuzzFixtures.validCodes();
        String original = codes.get(data.consumeInt(0, codes.size() - 1)).text();
        byte[] payload = FuzzFixtures.payloadOf(original);
        int edits = data.consumeInt(0, 8);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            int at = data.consumeInt(0, payload.length - 1);
            switch (data.consumeInt(0, 2)) {
                case 0 -> payload[at] = data.consumeByte();
                case 1 -> payload = insert(payload, at, data.consumeByte());
                default -> payload = delete(payload, at);
            }
            if (payload.length == 0) {
                break;
            }
        }
        String text = FuzzFixtures.textOf(payload);
        VerificationResult byText = VERIFIER.verify(text);
        VerificationResult byBytes = VERIFIER.verifyPayload(payload);
        assertAcceptsOnlyIssued(text, byText);
        assertEquals(byText.isValid(), byBytes.isValid(), "text and binary channels disagree");
        assertEquals(byText.reason(), byBytes.reason(), "text and binary channels disagree");
        assertEquals(byText.isValid(), text.equals(original) && FuzzFixtures.validTexts().contains(text),
                () -> "edited code " + text + " gave " + byText);
    }

    private static void assertAcceptsOnlyIssued(String text, VerificationResult result) {
        if (result.isValid()) {
            assertTrue(FuzzFixtures.validTexts().contains(text), () -> "accepted a code that was never issued: " + text);
        } else {
            assertNotNull(result.reason());
            assertNotNull(result.message());
        }
    }

    private static byte[] insert(byte[] bytes, int at, byte value) {
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        return out;
    }

    private static byte[] delete(byte[] bytes, int at) {
        byte[] out = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + 1, out, at, bytes.length - at - 1);
        return out;
    }
}
