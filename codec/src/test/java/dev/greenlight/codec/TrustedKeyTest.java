package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * {@link TrustedKey#verifier()} on every 64-byte Wycheproof ECDSA P-256 SHA-256 P1363 case, laid out
 * as a payload (signed bytes, then the signature). The expectation is Wycheproof's own under the
 * format's low-S rule, independent of our verifiers; {@code DifferentialWycheproofTest} holds the
 * fast verifier underneath to the plain one on the same cases.
 */
class TrustedKeyTest {

    private static final HexFormat HEX = HexFormat.of();
    /** n / 2 for P-256: a valid signature with a larger s is rejected by the format. */
    private static final BigInteger HALF_ORDER =
            new BigInteger("7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8", 16);

    @Test
    void signed_everyWycheproofP1363Case_acceptsExactlyTheValidLowSOnes() {
        JsonNode root = SharedVectors.wycheproof("ecdsa_secp256r1_sha256_p1363_test.json");
        int checked = 0;
        int accepted = 0;
        for (JsonNode group : root.get("testGroups")) {
            TrustedKey key = TrustedKey.of(PointKeys.publicKeyFromPoint(HEX.parseHex(group.get("publicKey").get("uncompressed").asText())));
            for (JsonNode test : group.get("tests")) {
                byte[] message = HEX.parseHex(test.get("msg").asText());
                byte[] signature = HEX.parseHex(test.get("sig").asText());
                if (signature.length != 64) {
                    continue;
                }
                byte[] payload = new byte[message.length + 64];
                System.arraycopy(message, 0, payload, 0, message.length);
                System.arraycopy(signature, 0, payload, message.length, 64);
                boolean lowS = new BigInteger(1, signature, 32, 32).compareTo(HALF_ORDER) <= 0;
                boolean expected = test.get("result").asText().equals("valid") && lowS;

                assertEquals(expected, key.verifier().verify(payload, 0, message.length, payload, message.length), "tcId " + test.get("tcId").asInt());
                checked++;
                accepted += expected ? 1 : 0;
            }
        }
        // Both answers must occur, or this test checks less than it claims.
        assertTrue(checked > 100 && accepted > 10, checked + " cases, " + accepted + " accepted");
    }
}
