package dev.greenlight.codec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.internal.json.StrictJson;
import dev.greenlight.codec.internal.jws.CompactJws;

/**
 * Fuzz targets for the trust-list reader. A random text never passes the root's signature, so the
 * first target signs whatever the fuzzer makes as the payload: the reader must then return a list
 * or a {@link TrustListException}, nothing else, and a list it accepts must read back from its own
 * JSON as the same list. The second feeds the I-JSON reader any text.
 *
 * <p>Regression corpus: {@code src/test/resources/dev/greenlight/codec/trust/FuzzTrustListTestInputs/<method>/}.
 * To fuzz for real (SECURITY.md):
 * {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl codec test -Dtest='FuzzTrustListTest#verify_anySignedPayload_listOrTypedRefusal'}.
 */
class FuzzTrustListTest {

    private static final KeyPair ROOT = P256KeyPairs.generate(new SecureRandom());
    private static final TrustListVerifier VERIFIER = TrustListVerifier.of((ECPublicKey) ROOT.getPublic(),
            Clock.fixed(Instant.parse("2026-03-01T01:00:00Z"), ZoneOffset.UTC),
            Freshness.LENIENT);

    @FuzzTest
    @DictionaryEntries({"{\"format\":\"greenlight-trust-list\",\"version\":1,", "\"sequence\":", "\"issuedAt\":\"2026-03-01T00:00:00Z\"",
        "\"maxAge\":604800", "\"keys\":[", "\"issuer\":", "\"region\":\"110000\"", "\"notBefore\":", "\"notAfter\":", "\"jwk\":{",
        "\"kty\":\"EC\",\"crv\":\"P-256\"", "\"kid\":", "\\ud800"})
    void verify_anySignedPayload_listOrTypedRefusal(byte[] payload) {
        String jws = CompactJws.sign(payload, TrustListDocument.TYPE, null, ROOT.getPrivate(), null);
        TrustList list;
        try {
            list = VERIFIER.verify(jws);
        } catch (TrustListException e) {
            assertNotNull(e.reason());
            return;
        }
        String json = list.document().toJson();
        try {
            assertEquals(json, TrustListDocument.parseUnverified(json).toJson());
        } catch (TrustListException e) {
            throw new AssertionError("an accepted list does not read back from its own JSON: " + e.getMessage(), e);
        }
    }

    @FuzzTest
    @DictionaryEntries({"{\"", "\":", "[", "]", "}", "\\u", "\\ud83d\\ude00", "1e999", "-0", "null", "true"})
    void strictJson_anyText_valueOrJsonException(byte[] data) {
        try {
            StrictJson.parse(new String(data, StandardCharsets.UTF_8));
        } catch (StrictJson.JsonException e) {
            assertNotNull(e.getMessage());
        }
    }
}
