package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import dev.greenlight.codec.internal.EcdsaP256;
import dev.greenlight.codec.internal.FastEcdsaP256Verifier;
import dev.greenlight.codec.internal.P256;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fast verifier, directly and through {@link TrustedKey}, against the plain BouncyCastle one
 * ({@link EcdsaP256#verify}) on every Wycheproof ECDSA P-256 SHA-256 P1363 case.
 */
class DifferentialWycheproofTest {

    private static final String VECTORS = "ecdsa_secp256r1_sha256_p1363_test.json";
    private static final HexFormat HEX = HexFormat.of();

    private record Case(int tcId, String comment, String expected, byte[] message, byte[] signature,
                        ECPublicKeyParameters key, FastEcdsaP256Verifier fast, TrustedKey trusted) {
    }

    private static List<Case> cases() throws IOException {
        JsonNode root = SharedVectors.wycheproof(VECTORS);
        List<Case> cases = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            byte[] encodedKey = HEX.parseHex(group.get("publicKey").get("uncompressed").asText());
            // Each group has its own key: one table per key, as TrustedKey builds.
            ECPoint point = PublicKeyEncoding.decodePoint(encodedKey);
            ECPublicKeyParameters key = new ECPublicKeyParameters(point, P256.DOMAIN);
            FastEcdsaP256Verifier fast = FastEcdsaP256Verifier.forKey(point);
            TrustedKey trusted = TrustedKey.of(PointKeys.publicKeyFromPoint(encodedKey));
            for (JsonNode test : group.get("tests")) {
                cases.add(new Case(test.get("tcId").asInt(), test.get("comment").asText(), test.get("result").asText(),
                        HEX.parseHex(test.get("msg").asText()), HEX.parseHex(test.get("sig").asText()), key, fast, trusted));
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> verify_everyWycheproofCase_fastAgreesWithPlain() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest("tcId " + c.tcId() + ": " + c.comment(), () -> {
            boolean plain = EcdsaP256.verify(c.key(), c.message(), c.signature());
            assertEquals(plain, c.fast().verify(c.message(), c.signature()), "fast verifier");
            if (c.signature().length == EcdsaP256.SIGNATURE_BYTES) {
                byte[] payload = new byte[c.message().length + c.signature().length];
                System.arraycopy(c.message(), 0, payload, 0, c.message().length);
                System.arraycopy(c.signature(), 0, payload, c.message().length, c.signature().length);
                assertEquals(plain, c.trusted().signed(payload, c.message().length), "TrustedKey.signed");
            }
            if (c.expected().equals("invalid")) {
                assertFalse(plain, "Wycheproof says invalid");
            }
        }));
    }

    @Test
    void verify_wycheproofValidCases_acceptsTheLowSOnesAndRejectsTheHighSOnes() throws IOException {
        int acceptedValid = 0;
        int rejectedValid = 0;
        for (Case c : cases()) {
            if (!c.expected().equals("valid")) {
                continue;
            }
            boolean lowS = c.signature().length == EcdsaP256.SIGNATURE_BYTES
                    && EcdsaP256.scalar(c.signature(), P256.SCALAR_BYTES).compareTo(P256.HALF_ORDER) <= 0;
            assertEquals(lowS, c.fast().verify(c.message(), c.signature()), "tcId " + c.tcId() + ": " + c.comment());
            if (lowS) {
                acceptedValid++;
            } else {
                rejectedValid++;
            }
        }
        // Both kinds must occur, or this test checks less than it claims.
        assertTrue(acceptedValid > 10, "low-S valid cases: " + acceptedValid);
        assertTrue(rejectedValid > 0, "high-S valid cases: " + rejectedValid);
    }
}
