package dev.greenlight.codec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.json.StrictJson;

/**
 * {@link JwkKeys} through nimbus-jose-jwt: every JWK written, and every one read that is not in
 * the canonical form {@link CanonicalJwk} reads. Its own class, so that a process which only reads
 * canonical keys never loads nimbus. Callers check the size caps.
 */
final class NimbusJwk {

    /** How deep nimbus's JSON reader (shaded Gson) lets arrays and objects nest. */
    private static final int NIMBUS_MAX_NESTING = 255;

    private NimbusJwk() {
    }

    /**
     * A public JWK ({@code kty EC, crv P-256}) with {@code kid} set to the key id, {@code use sig},
     * {@code alg ES256}.
     *
     * @param key a P-256 public key
     * @return the JWK as compact JSON
     * @throws IllegalArgumentException if the key is not a valid P-256 public key
     */
    static String publicKeyToJwk(ECPublicKey key) {
        return jwk(key).toJSONString();
    }

    /**
     * A JWK Set ({@code {"keys": [...]}}) of the keys, each as {@link #publicKeyToJwk} writes it:
     * the trust list verifiers download.
     *
     * @param keys P-256 public keys, in the order the set lists them
     * @return the JWK Set as JSON
     * @throws IllegalArgumentException if any key is not a valid P-256 public key
     */
    static String publicKeysToJwks(List<ECPublicKey> keys) {
        List<JWK> jwks = new ArrayList<>();
        for (ECPublicKey key : keys) {
            jwks.add(jwk(key));
        }
        return new JWKSet(jwks).toString(true);
    }

    /**
     * Reads one public JWK. A {@code kid}, when present, must equal the key id derived from the
     * key: a mismatch means the file was edited or mixed up, and is refused.
     *
     * @param json one JWK
     * @return the public key
     * @throws KeyFormatException if the text is too long, not a JWK, not a public P-256 key
     *         (including a JWK with a private {@code d}), has coordinates that are not exactly 32
     *         bytes of unpadded base64url, a point off the curve, or a mismatched {@code kid}
     */
    static ECPublicKey publicKeyFromJwk(String json) {
        requireStrictJson(json, "JWK");
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException | RuntimeException e) {
            // nimbus throws NullPointerException for a JSON null, among others: all mean "not a JWK".
            throw new KeyFormatException("Not a valid JWK: " + e.getMessage(), e);
        }
        return fromJwk(jwk);
    }

    /**
     * Reads every key of a JWK Set; one unusable key fails the whole set, naming its position.
     * Members of an unknown key type are refused too, not skipped: a trust list must not quietly
     * hold fewer keys than its file.
     *
     * @param json a JWK Set
     * @return the keys in the set's order; unmodifiable
     * @throws KeyFormatException if the text is too long, not a JWK Set with a {@code keys} array,
     *         or any member is refused as {@link #publicKeyFromJwk} would refuse it
     */
    static List<ECPublicKey> publicKeysFromJwks(String json) {
        // Not JWKSet.parse: it silently drops members of a key type it does not know, and a trust
        // list must not quietly hold fewer keys than its file.
        requireStrictJson(json, "JWK Set");
        List<Object> members;
        try {
            members = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(json), "keys");
        } catch (ParseException | RuntimeException e) {
            throw new KeyFormatException("Not a valid JWK Set: " + e.getMessage(), e);
        }
        if (members == null) {
            throw new KeyFormatException("Not a valid JWK Set: no \"keys\" array");
        }
        List<ECPublicKey> keys = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            try {
                if (!(members.get(i) instanceof Map)) {
                    throw new KeyFormatException("not a JSON object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> member = (Map<String, Object>) members.get(i);
                JWK jwk;
                try {
                    jwk = JWK.parse(member);
                } catch (ParseException | RuntimeException e) {
                    throw new KeyFormatException("not a valid JWK: " + e.getMessage(), e);
                }
                keys.add(fromJwk(jwk));
            } catch (KeyFormatException e) {
                throw new KeyFormatException("Key " + i + " of the JWK Set: " + e.getMessage(), e);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * nimbus's reader refuses a repeated member name at the top level only: inside the objects of
     * a set's {@code keys} it keeps the last, so {@code "x":A,"x":B} would be key B here and key A
     * to a reader that keeps the first. Read strictly first, at nimbus's own nesting cap, so that
     * nothing nimbus reads is refused for its depth alone.
     */
    private static void requireStrictJson(String json, String what) {
        try {
            StrictJson.parse(json, NIMBUS_MAX_NESTING);
        } catch (StrictJson.JsonException e) {
            throw new KeyFormatException("Not a valid " + what + ": " + e.getMessage(), e);
        }
    }

    private static JWK jwk(ECPublicKey key) {
        PublicKeyEncoding.pointOf(key);
        return new ECKey.Builder(Curve.P_256, key)
                .keyID(KeyId.of(key).toString())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .build();
    }

    private static ECPublicKey fromJwk(JWK jwk) {
        if (!(jwk instanceof ECKey)) {
            throw new KeyFormatException("Expected an EC key (kty EC), found kty " + jwk.getKeyType());
        }
        ECKey ecKey = (ECKey) jwk;
        if (!Curve.P_256.equals(ecKey.getCurve())) {
            throw new KeyFormatException("Expected curve P-256, found " + ecKey.getCurve());
        }
        if (ecKey.isPrivate()) {
            throw new KeyFormatException("The JWK holds a private key ('d'); publish only the public part");
        }
        // RFC 7517 4.2-4.4: a key its owner marked for another purpose must not verify signatures.
        if (ecKey.getKeyUse() != null && !KeyUse.SIGNATURE.equals(ecKey.getKeyUse())) {
            throw new KeyFormatException("The JWK's use is '" + ecKey.getKeyUse().identifier() + "', not 'sig': it is not a signing key");
        }
        if (ecKey.getKeyOperations() != null && !ecKey.getKeyOperations().contains(KeyOperation.VERIFY)) {
            throw new KeyFormatException("The JWK's key_ops do not include 'verify': it is not a key to verify with");
        }
        if (ecKey.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(ecKey.getAlgorithm())) {
            throw new KeyFormatException("The JWK's alg is '" + ecKey.getAlgorithm().getName() + "', not ES256");
        }
        requireCoordinate("x", ecKey.getX().toString());
        requireCoordinate("y", ecKey.getY().toString());
        ECPublicKey key = PointKeys.publicKey(ecKey.getX().decodeToBigInteger(), ecKey.getY().decodeToBigInteger());
        String kid = ecKey.getKeyID();
        String derived = KeyId.of(key).toString();
        if (kid != null && !kid.equals(derived)) {
            throw new KeyFormatException("The JWK's kid '" + kid + "' does not match the key id " + derived + " derived from the key");
        }
        return key;
    }

    /**
     * RFC 7518 6.2.1.2: the coordinate is exactly the field size, leading zeros kept, as unpadded
     * base64url (RFC 7515): 43 characters. nimbus's decoder skips characters outside the alphabet,
     * so the text is checked before it decodes.
     */
    private static void requireCoordinate(String name, String base64url) {
        if (!CanonicalJwk.BASE64URL_32_BYTES.matcher(base64url).matches()) {
            throw new KeyFormatException("JWK coordinate '" + name + "' is not 32 bytes of unpadded base64url (43 characters of A-Z a-z 0-9 - _)");
        }
    }
}
