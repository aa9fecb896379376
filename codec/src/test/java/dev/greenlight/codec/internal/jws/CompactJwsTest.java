package dev.greenlight.codec.internal.jws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import dev.greenlight.codec.P256KeyPairs;
import org.junit.jupiter.api.Test;

class CompactJwsTest {

    private static final String TYPE = "greenlight-test+jws";
    private static final KeyPair ROOT = P256KeyPairs.generate(new SecureRandom());
    private static final KeyPair OTHER = P256KeyPairs.generate(new SecureRandom());
    private static final byte[] DOCUMENT = "{\"sequence\":7}".getBytes(StandardCharsets.UTF_8);

    private static String signed(byte[] payload) {
        return CompactJws.sign(payload, TYPE, "root", ROOT.getPrivate(), null);
    }

    private static ECPublicKey rootKey() {
        return (ECPublicKey) ROOT.getPublic();
    }

    /** A document signed by the root, its header then replaced: the signature no longer covers it. */
    private static String withHeader(String headerJson) {
        String[] parts = signed(DOCUMENT).split("\\.");
        return encode(headerJson) + "." + parts[1] + "." + parts[2];
    }

    private static SignedDocumentException refusal(String jws) {
        return assertThrows(SignedDocumentException.class, () -> CompactJws.verify(jws, TYPE, rootKey()));
    }

    @Test
    void verify_documentSignedByThePinnedKey_returnsItsPayloadTypeAndKid() throws SignedDocumentException {
        CompactJws.Verified verified = CompactJws.verify(signed(DOCUMENT), TYPE, rootKey());

        assertArrayEquals(DOCUMENT, verified.payload());
        assertEquals(TYPE, verified.type());
        assertEquals("root", verified.keyId());
    }

    @Test
    void verify_documentSignedByAnotherKey_isRefused() {
        String byOther = CompactJws.sign(DOCUMENT, TYPE, "root", OTHER.getPrivate(), null);

        SignedDocumentException e = refusal(byOther);
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void verify_anotherDocumentTypeOfTheSameRoot_isRefused() {
        String revocations = CompactJws.sign(DOCUMENT, "greenlight-other+jws", null, ROOT.getPrivate(), null);

        SignedDocumentException e = refusal(revocations);
        assertTrue(e.getMessage().contains("type"), e.getMessage());
        assertTrue(e.isOfAnotherType(), "signed by the pinned key: only the type is wrong");
    }

    @Test
    void verify_anotherTypeUnderAFailingSignature_isNotCalledAnotherType() {
        String byOther = CompactJws.sign(DOCUMENT, "greenlight-other+jws", null, OTHER.getPrivate(), null);

        assertEquals(false, refusal(byOther).isOfAnotherType());
    }

    @Test
    void verify_noTyp_isRefusedAsTheProfileNotAsAnotherType() {
        String untyped = CompactJws.sign(DOCUMENT, TYPE, null, ROOT.getPrivate(), null);
        String[] parts = untyped.split("\\.");
        String header = encode("{\"alg\":\"ES256\"}");
        assertThrows(SignedDocumentException.class, () -> CompactJws.verifyAnyType(header + "." + parts[1] + "." + parts[2], rootKey()));

        SignedDocumentException e = refusal(header + "." + parts[1] + "." + parts[2]);
        assertEquals(false, e.isOfAnotherType());
    }

    @Test
    void verify_headerThatIsNotIJson_isRefusedBeforeAnySignatureCheck() {
        for (String header : new String[] {
            "{\"alg\":\"ES256\",\"alg\":\"ES256\",\"typ\":\"" + TYPE + "\"}",
            "{\"alg\":\"ES256\",\"typ\":\"" + TYPE + "\",\"kid\":\"\\ud800\"}",
            "{\"alg\":\"ES256\",\"typ\":\"" + TYPE + "\",\"kid\":\"\\ufdd0\"}",
            "{\"alg\":\"ES256\",\"typ\":\"" + TYPE + "\",}",
            "{\"alg\":\"ES256\",\"typ\":\"" + TYPE + "\",\"kid\":7}",
        }) {
            SignedDocumentException e = assertThrows(SignedDocumentException.class, () -> CompactJws.verify(withHeader(header), TYPE, rootKey()), header);
            assertTrue(!e.getMessage().contains("signature is not valid"), header + ": " + e.getMessage());
        }
    }

    @Test
    void verify_headerNamingAnotherAlgorithm_isRefusedBeforeAnySignatureCheck() {
        SignedDocumentException e = refusal(withHeader("{\"alg\":\"HS256\",\"typ\":\"" + TYPE + "\"}"));

        assertTrue(e.getMessage().contains("alg"), e.getMessage());
    }

    @Test
    void verify_headerWithCritOrEmbeddedKey_isRefused() {
        for (String extra : new String[] {"\"crit\":[\"exp\"],\"exp\":1", "\"jwk\":{}", "\"jku\":\"https://example.org\"", "\"b64\":false"}) {
            String jws = withHeader("{\"alg\":\"ES256\",\"typ\":\"" + TYPE + "\"," + extra + "}");
            assertThrows(SignedDocumentException.class, () -> CompactJws.verify(jws, TYPE, rootKey()), extra);
        }
    }

    @Test
    void verify_paddedOrNonCanonicalBase64_isRefused() {
        String jws = signed(DOCUMENT);
        String[] parts = jws.split("\\.");
        refusal(parts[0] + "=." + parts[1] + "." + parts[2]);
        refusal(parts[0] + "." + parts[1] + " ." + parts[2]);
        refusal(jws + ".");
    }

    @Test
    void requireCanonicalBase64Url_lastCharacterWithUnusedBitsSet_isRefused() throws SignedDocumentException {
        // "Zm8" is "fo"; "Zm9" sets one of the two unused bits of the last character.
        CompactJws.requireCanonicalBase64Url("Zm8", "payload");

        assertThrows(SignedDocumentException.class, () -> CompactJws.requireCanonicalBase64Url("Zm9", "payload"));
        assertThrows(SignedDocumentException.class, () -> CompactJws.requireCanonicalBase64Url("Zm9vY", "payload"));
    }

    @Test
    void verify_hostileHeaderText_isQuotedEscaped() {
        SignedDocumentException e = refusal(withHeader("{\"alg\":\"ES256\\u001b[31m\",\"typ\":\"" + TYPE + "\"}"));

        assertTrue(e.getMessage().contains("\\u001b"), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), e.getMessage());
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
