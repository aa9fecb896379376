package dev.greenlight.codec.internal.jws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.stream.Stream;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.KeyFormatException;
import dev.greenlight.codec.PointKeys;
import dev.greenlight.codec.SharedVectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of Wycheproof's {@code json_web_signature_test.json} that apply to the signature
 * stage of trust and revocation lists: every group whose key is a P-256 EC key. The other groups
 * (RSA, HMAC with {@code oct} keys, P-521) test algorithms a pinned P-256 key never uses; the
 * HMAC-confusion case inside the EC group does run.
 *
 * <p>A group whose key says it is not for verifying ({@code use: enc}, {@code key_ops} without
 * {@code verify}) must be refused when the key is loaded, before any signature is looked at.
 */
class WycheproofJwsTest {

    private static final String FILE = "json_web_signature_test.json";

    @RegisterExtension
    static final BeforeAllCallback VECTORS = SharedVectors.required(FILE);

    static Stream<Arguments> cases() {
        return SharedVectors.wycheproofCases(FILE, (group, test) -> {
            JsonNode key = group.get("public");
            boolean p256 = key != null && "EC".equals(key.path("kty").asText()) && "P-256".equals(key.path("crv").asText());
            return p256 ? new Case(key, test.get("jws").asText(), test.get("result").asText()) : null;
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void verify_wycheproofJwsCase_agrees(Case c) {
        assertFalse("acceptable".equals(c.result), "no ES256 case is 'acceptable' today; decide how to treat it");
        boolean forVerifying = isForVerifying(c.key);
        if (!forVerifying) {
            // The loader refuses the key; the kid is dropped so that only use/key_ops decide.
            ObjectNode withoutKid = c.key.deepCopy();
            withoutKid.remove("kid");
            assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeyFromJwk(withoutKid.toString()));
            assertEquals("invalid", c.result);
            return;
        }
        boolean accepted;
        try {
            CompactJws.verifyAnyType(c.jws, pointKey(c.key));
            accepted = true;
        } catch (SignedDocumentException e) {
            accepted = false;
        }
        assertEquals("valid".equals(c.result), accepted);
    }

    private static boolean isForVerifying(JsonNode key) {
        if (key.has("use") && !"sig".equals(key.get("use").asText())) {
            return false;
        }
        if (key.has("key_ops")) {
            for (JsonNode operation : key.get("key_ops")) {
                if ("verify".equals(operation.asText())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static ECPublicKey pointKey(JsonNode key) {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        byte[] point = new byte[65];
        point[0] = 0x04;
        System.arraycopy(decoder.decode(key.get("x").asText()), 0, point, 1, 32);
        System.arraycopy(decoder.decode(key.get("y").asText()), 0, point, 33, 32);
        return PointKeys.publicKeyFromPoint(point);
    }

    record Case(JsonNode key, String jws, String result) {
    }
}
