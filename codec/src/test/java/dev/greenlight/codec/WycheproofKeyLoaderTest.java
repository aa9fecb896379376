package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public key of the Wycheproof ECDH P-256 files against the matching key loader: raw X9.62
 * points, DER SubjectPublicKeyInfo, and JWK. The ECDH result stands for the key's validity (the
 * private keys are all valid). For "acceptable" cases the loader's policy decides, and this test
 * pins it: compressed points are accepted (SEC1 allows them, the point is checked); explicit
 * curve parameters and non-canonical DER are refused (only the named curve, in its one DER form).
 */
class WycheproofKeyLoaderTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> ACCEPTED_ACCEPTABLE_FLAGS = Set.of("CompressedPublic");

    @RegisterExtension
    static final BeforeAllCallback VECTORS = SharedVectors.required("ecdh_secp256r1_ecpoint_test.json");

    static Stream<Arguments> pointCases() {
        return cases("ecdh_secp256r1_ecpoint_test.json",
                test -> test.get("public").asText(),
                hex -> PointKeys.publicKeyFromPoint(HEX.parseHex(hex)));
    }

    static Stream<Arguments> spkiCases() {
        return cases("ecdh_secp256r1_test.json",
                test -> test.get("public").asText(),
                hex -> PemKeys.publicKeyFromSpki(HEX.parseHex(hex)));
    }

    static Stream<Arguments> jwkCases() {
        return cases("ecdh_secp256r1_webcrypto_test.json",
                test -> {
                    // Wycheproof's kid is a placeholder ("none"); our loader checks a kid against the key.
                    ObjectNode jwk = ((ObjectNode) test.get("public")).deepCopy();
                    jwk.remove("kid");
                    return jwk.toString();
                },
                JwkKeys::publicKeyFromJwk);
    }

    @ParameterizedTest
    @MethodSource("pointCases")
    void publicKeyFromPoint_wycheproofCase_agrees(KeyCase c) {
        assertEquals(c.expectAccepted(), c.loads());
    }

    @ParameterizedTest
    @MethodSource("spkiCases")
    void publicKeyFromSpki_wycheproofCase_agrees(KeyCase c) {
        assertEquals(c.expectAccepted(), c.loads());
    }

    @ParameterizedTest
    @MethodSource("jwkCases")
    void publicKeyFromJwk_wycheproofCase_agrees(KeyCase c) {
        assertEquals(c.expectAccepted(), c.loads());
    }

    private static Stream<Arguments> cases(String file, Function<JsonNode, String> encoding, Consumer<String> loader) {
        return SharedVectors.wycheproofCases(file, (group, test) ->
                new KeyCase(encoding.apply(test), test.get("result").asText(), SharedVectors.flags(test), loader));
    }

    record KeyCase(String encoded, String result, List<String> flags, Consumer<String> loader) {

        boolean expectAccepted() {
            return switch (result) {
                case "valid" -> true;
                case "invalid" -> false;
                default -> flags.stream().anyMatch(ACCEPTED_ACCEPTABLE_FLAGS::contains)
                        && flags.stream().noneMatch(f -> f.equals("UnnamedCurve") || f.equals("InvalidAsn"));
            };
        }

        boolean loads() {
            try {
                loader.accept(encoded);
                return true;
            } catch (KeyFormatException e) {
                return false;
            }
        }
    }
}
