package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import dev.greenlight.codec.internal.wire.PayloadV1;
import dev.greenlight.codec.internal.wire.TextForm;
import org.junit.jupiter.api.Test;

/**
 * The caps that bound the work a hostile input can cause, each fed at the cap and at the cap plus
 * one. No timing assertions: a cap is shown to hold by the reason or message that only the cap's
 * check produces (the length check runs before any character is looked at).
 */
class ResourceBoundTest {

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;
    /** Nimbus's JSON reader (shaded Gson) refuses more than this many nested arrays and objects. */
    private static final int JSON_NESTING_CAP = 255;

    private final Verifier verifier = FuzzFixtures.verifier();

    @Test
    void verify_textOfMaxLength_isDecoded() {
        // 1020 Base45 characters: 680 bytes whose version byte is 2. Only a full decode can say so.
        byte[] payload = new byte[(TextForm.MAX_LENGTH - TextForm.PREFIX.length()) / 3 * 2];
        payload[0] = 2;
        String text = FuzzFixtures.textOf(payload);
        assertEquals(TextForm.MAX_LENGTH, text.length());

        VerificationResult result = verifier.verify(text);

        assertEquals(RejectionReason.UNSUPPORTED_VERSION, result.reason(), result::toString);
    }

    @Test
    void verify_otherVersionPrefixAtMaxLength_unsupportedVersion() {
        String text = "GL2:" + "0".repeat(TextForm.MAX_LENGTH - 4);

        assertEquals(RejectionReason.UNSUPPORTED_VERSION, verifier.verify(text).reason());
    }

    @Test
    void verify_otherVersionPrefixAtMaxLengthPlusOne_malformedByTheLengthCap() {
        // The same text one character longer is refused before its prefix is read.
        String text = "GL2:" + "0".repeat(TextForm.MAX_LENGTH - 3);

        VerificationResult result = verifier.verify(text);

        assertEquals(RejectionReason.MALFORMED, result.reason());
        assertTrue(result.message().contains("more than the " + TextForm.MAX_LENGTH), result::message);
    }

    @Test
    void inspectUnverified_atAndAboveMaxLength_capAppliesToo() {
        CodeFormatException atCap = assertThrows(CodeFormatException.class,
                () -> Verifier.inspectUnverified("GL2:" + "0".repeat(TextForm.MAX_LENGTH - 4)));
        CodeFormatException aboveCap = assertThrows(CodeFormatException.class,
                () -> Verifier.inspectUnverified("GL2:" + "0".repeat(TextForm.MAX_LENGTH - 3)));

        assertEquals(RejectionReason.UNSUPPORTED_VERSION, atCap.reason());
        assertEquals(RejectionReason.MALFORMED, aboveCap.reason());
    }

    @Test
    void verify_tenMegabyteText_malformedByTheLengthCap() {
        // Characters that would each fail the alphabet check: the length check must come first.
        char[] chars = new char[TEN_MEGABYTES];
        Arrays.fill(chars, '\u00e9');
        String text = TextForm.PREFIX + new String(chars);

        VerificationResult result = verifier.verify(text);

        assertEquals(RejectionReason.MALFORMED, result.reason());
        assertTrue(result.message().contains("more than the " + TextForm.MAX_LENGTH), result::message);
    }

    @Test
    void verifyPayload_tenMegabytesWithVersionOne_malformedByLength() {
        byte[] payload = new byte[TEN_MEGABYTES];
        payload[0] = PayloadV1.VERSION;

        VerificationResult result = verifier.verifyPayload(payload);

        assertEquals(RejectionReason.MALFORMED, result.reason());
        assertTrue(result.message().contains(String.valueOf(TEN_MEGABYTES)), result::message);
    }

    @Test
    void verifyPayload_oneByteMoreOrLessThanTheLayout_malformed() {
        byte[] genuine = FuzzFixtures.payloadOf(FuzzFixtures.validCodes().get(0).text());
        for (int length : List.of(PayloadV1.TOTAL_BYTES - 1, PayloadV1.TOTAL_BYTES + 1)) {
            assertEquals(RejectionReason.MALFORMED, verifier.verifyPayload(Arrays.copyOf(genuine, length)).reason(),
                    "length " + length);
        }
        assertTrue(verifier.verifyPayload(genuine).isValid());
    }

    @Test
    void publicKeysFromJwks_nestingAtTheJsonCap_loads() {
        // Unknown members are ignored (RFC 7517 4), so a deep one is only the JSON reader's concern.
        List<?> keys = JwkKeys.publicKeysFromJwks(jwksWithNestedMember(JSON_NESTING_CAP));

        assertEquals(1, keys.size());
    }

    @Test
    void publicKeysFromJwks_nestingOneAboveTheJsonCap_keyFormatException() {
        assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeysFromJwks(jwksWithNestedMember(JSON_NESTING_CAP + 1)));
    }

    @Test
    void publicKeyFromJwk_nestingAtAndAboveTheJsonCap_loadsThenRefused() {
        String jwk = JwkKeys.publicKeyToJwk(FuzzFixtures.ISSUER_PUBLIC_KEY);

        // The JWK object is level 1, so its member may nest cap - 1 arrays.
        assertEquals(FuzzFixtures.ISSUER_PUBLIC_KEY.getW(),
                JwkKeys.publicKeyFromJwk(withNestedMember(jwk, JSON_NESTING_CAP - 1)).getW());
        assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeyFromJwk(withNestedMember(jwk, JSON_NESTING_CAP)));
    }

    @Test
    void publicKeysFromJwks_hundredThousandNestedArrays_keyFormatExceptionNotStackOverflow() {
        String deep = "{\"keys\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeysFromJwks(deep));
    }

    @Test
    void publicKeysFromJwks_tenMegabyteSet_keyFormatException() {
        String entry = "{\"kty\":\"oct\",\"k\":\"AAAA\"},";
        String jwks = "{\"keys\":[" + entry.repeat(TEN_MEGABYTES / entry.length()) + "{}]}";

        assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeysFromJwks(jwks));
    }

    @Test
    void publicKeyFromPem_tenMegabyteBody_keyFormatException() {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + "A".repeat(TEN_MEGABYTES) + "\n-----END PUBLIC KEY-----\n";

        assertThrows(KeyFormatException.class, () -> PemKeys.publicKeyFromPem(pem));
    }

    @Test
    void publicKeyFromPem_atAndAboveTheCap_parsedThenRefusedBeforeParsing() {
        String pem = PemKeys.publicKeyToPem(FuzzFixtures.ISSUER_PUBLIC_KEY);
        String atCap = pem + " ".repeat(dev.greenlight.codec.internal.Pem.MAX_CHARS - pem.length());

        assertEquals(FuzzFixtures.ISSUER_PUBLIC_KEY.getW(), PemKeys.publicKeyFromPem(atCap).getW());
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> PemKeys.publicKeyFromPem(atCap + " "));
        assertTrue(e.getMessage().contains("at most " + dev.greenlight.codec.internal.Pem.MAX_CHARS), e.getMessage());
    }

    /** A backtracking PEM pattern took 28 s on 144 KB of these; the cap and a linear scan bound it. */
    @Test
    void publicKeyFromPem_repeatedBeginLinesUpToTheCap_keyFormatException() {
        String line = "-----BEGIN A-----\n";
        String repeated = line.repeat(dev.greenlight.codec.internal.Pem.MAX_CHARS / line.length());

        assertThrows(KeyFormatException.class, () -> PemKeys.publicKeyFromPem(repeated));
        assertThrows(KeyFormatException.class, () -> PemKeys.privateKeyFromPem(repeated));
    }

    @Test
    void publicKeyFromJwk_atAndAboveTheCap_parsedThenRefused() {
        String jwk = JwkKeys.publicKeyToJwk(FuzzFixtures.ISSUER_PUBLIC_KEY);
        String atCap = jwk + " ".repeat(JwkKeys.MAX_JWK_CHARS - jwk.length());

        assertEquals(FuzzFixtures.ISSUER_PUBLIC_KEY.getW(), JwkKeys.publicKeyFromJwk(atCap).getW());
        assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeyFromJwk(atCap + " "));
    }

    @Test
    void publicKeysFromJwks_atAndAboveTheCap_parsedThenRefused() {
        String jwks = JwkKeys.publicKeysToJwks(List.of(FuzzFixtures.ISSUER_PUBLIC_KEY));
        String atCap = jwks + " ".repeat(JwkKeys.MAX_JWKS_CHARS - jwks.length());

        assertEquals(1, JwkKeys.publicKeysFromJwks(atCap).size());
        assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeysFromJwks(atCap + " "));
    }

    @Test
    void jwkLoaders_jsonNull_keyFormatExceptionNotNullPointer() {
        assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeyFromJwk("null"));
        assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeysFromJwks("null"));
        assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeysFromJwks("{\"keys\":[null]}"));
    }

    /** A JWK Set of the fixture key whose key object has a member nested to {@code depth} levels in all. */
    private static String jwksWithNestedMember(int depth) {
        String jwk = JwkKeys.publicKeyToJwk(FuzzFixtures.ISSUER_PUBLIC_KEY);
        // Levels: the set object, the "keys" array, the key object, then the member's arrays.
        return "{\"keys\":[" + withNestedMember(jwk, depth - 3) + "]}";
    }

    private static String withNestedMember(String jwkObject, int arrays) {
        return jwkObject.substring(0, jwkObject.length() - 1) + ",\"ext_nested\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
    }
}
