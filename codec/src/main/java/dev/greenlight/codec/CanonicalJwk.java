package dev.greenlight.codec;

import dev.greenlight.codec.internal.json.StrictJson;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reader of exactly the JWK form {@link JwkKeys} writes, and of nothing else: a one-level
 * object of string members, each of {@code kty} ({@code EC}), {@code crv} ({@code P-256}),
 * {@code x}, {@code y} (required), {@code kid}, {@code use} ({@code sig}) and {@code alg}
 * ({@code ES256}) at most once, in any order, with JSON whitespace between tokens; and a JWK Set of
 * such objects. The text holds no escapes; the JSON is {@link StrictJson}'s, so no name is repeated.
 *
 * <p>Why: a one-shot {@code gl-verify verify} reads a trust file, and nimbus's JSON and JWK
 * parsers load some 175 classes to do it, a tenth of the process's start. This reader answers
 * only when it is sure: for text outside the form, or a key it would refuse (a point off the
 * curve, a {@code kid} that does not match), it returns null and {@link JwkKeys} asks the general
 * path ({@code NimbusJwk}: a strict JSON check, then nimbus), so that what is accepted and refused,
 * and every refusal's message, is exactly what it is without this reader. Every text this reader accepts is a JSON object that nimbus parses into the same
 * members, hence the same key; {@code CanonicalJwkTest} holds the two paths equal over the
 * Wycheproof keys, the fuzz corpus and systematic edits of written keys.
 */
final class CanonicalJwk {

    /**
     * RFC 7518 6.2.1.2: a coordinate is exactly the field size, leading zeros kept, as unpadded
     * base64url: 42 characters of 6 bits and a last one whose 2 low bits are zero. Both readers check it.
     */
    static final Pattern BASE64URL_32_BYTES = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
    private static final Set<String> MEMBERS = Set.of("kty", "crv", "x", "y", "kid", "use", "alg");

    private CanonicalJwk() {
    }

    /** The key of one JWK in the canonical form, or null to let nimbus decide. */
    static ECPublicKey publicKey(String json) {
        return json(json) instanceof Map<?, ?> jwk ? key(jwk) : null;
    }

    /** The keys of a non-empty JWK Set of canonical JWKs, or null to let nimbus decide. */
    static List<ECPublicKey> publicKeys(String json) {
        if (!(json(json) instanceof Map<?, ?> set) || set.size() != 1
                || !(set.get("keys") instanceof List<?> jwks) || jwks.isEmpty()) {
            return null;
        }
        List<ECPublicKey> keys = new ArrayList<>(jwks.size());
        for (Object jwk : jwks) {
            ECPublicKey key = jwk instanceof Map<?, ?> members ? key(members) : null;
            if (key == null) {
                return null;
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    /** The JSON value of the text, or null. */
    private static Object json(String text) {
        // The form JwkKeys writes has no escapes: text with one goes to nimbus, so that nothing
        // here rests on both readers decoding escapes alike.
        if (text.indexOf('\\') >= 0) {
            return null;
        }
        try {
            return StrictJson.parse(text);
        } catch (StrictJson.JsonException e) {
            return null;
        }
    }

    private static ECPublicKey key(Map<?, ?> jwk) {
        if (!MEMBERS.containsAll(jwk.keySet()) || !"EC".equals(jwk.get("kty")) || !"P-256".equals(jwk.get("crv"))
                || !absentOr(jwk, "use", "sig") || !absentOr(jwk, "alg", "ES256")
                || !(jwk.get("x") instanceof String x) || !BASE64URL_32_BYTES.matcher(x).matches()
                || !(jwk.get("y") instanceof String y) || !BASE64URL_32_BYTES.matcher(y).matches()) {
            return null;
        }
        ECPublicKey key;
        try {
            key = PointKeys.publicKey(coordinate(x), coordinate(y));
        } catch (KeyFormatException e) {
            return null;
        }
        Object kid = jwk.get("kid");
        return kid == null || kid.equals(KeyId.of(key).toString()) ? key : null;
    }

    private static boolean absentOr(Map<?, ?> jwk, String member, String value) {
        Object found = jwk.get(member);
        return found == null || found.equals(value);
    }

    private static BigInteger coordinate(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }
}
