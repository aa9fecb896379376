package dev.greenlight.codec.internal.ec.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import dev.greenlight.codec.SharedVectors;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Wycheproof ECDSA P-256/SHA-256 P1363 case against the low-level verify. Wycheproof
 * counts high-S signatures valid; our format demands low S, so for those the expected answer is
 * "reject".
 */
class WycheproofSignatureTest {

    private static final String FILE = "ecdsa_secp256r1_sha256_p1363_test.json";
    private static final HexFormat HEX = HexFormat.of();

    @RegisterExtension
    static final BeforeAllCallback VECTORS = SharedVectors.required(FILE);

    static Stream<Arguments> cases() {
        return SharedVectors.wycheproofCases(FILE, (group, test) -> new Case(
                HEX.parseHex(group.get("publicKey").get("uncompressed").asText()), HEX.parseHex(test.get("msg").asText()),
                HEX.parseHex(test.get("sig").asText()), test.get("result").asText()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void verify_wycheproofP1363Case_agreesWithLowSPolicy(Case c) {
        ECPublicKeyParameters key = new ECPublicKeyParameters(PublicKeyEncoding.decodePoint(c.point), P256.DOMAIN);

        boolean accepted = PlainEcdsaP256Verifier.verify(key, c.message, c.signature);

        assertEquals(c.expectedAccepted(), accepted);
    }

    /** The shared README's figures: 262 cases, 173 valid, 70 of those high S. */
    @Test
    void vectors_countsMatchTheSharedReadme() {
        List<Case> all = cases().map(a -> (Case) ((Named<?>) a.get()[0]).getPayload()).toList();
        long valid = all.stream().filter(c -> c.result.equals("valid")).count();
        long highS = all.stream().filter(c -> c.result.equals("valid") && c.isHighS()).count();
        assertEquals(262, all.size());
        assertEquals(173, valid);
        assertEquals(70, highS);
    }

    record Case(byte[] point, byte[] message, byte[] signature, String result) {

        boolean isHighS() {
            return signature.length == 64
                    && new BigInteger(1, signature, 32, 32).compareTo(P256.HALF_ORDER) > 0;
        }

        /** Wycheproof has no "acceptable" P1363 cases; a valid one is accepted unless its S is high. */
        boolean expectedAccepted() {
            return result.equals("valid") && !isHighS();
        }
    }
}
