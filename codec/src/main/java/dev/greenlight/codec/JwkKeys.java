package dev.greenlight.codec;

import java.security.interfaces.ECPublicKey;
import java.util.List;

/**
 * P-256 public keys as JWK ({@code kty EC, crv P-256}) and JWK Sets, the form verifiers download
 * as a trust list. A {@code kid} is the key id derived from the key; private JWKs are refused.
 *
 * <p>Reading tries {@code CanonicalJwk} first, a small reader of the one form these methods write,
 * and hands anything else to nimbus-jose-jwt ({@code NimbusJwk}), after a strict JSON reading that
 * refuses a member named twice at any depth (nimbus keeps the last inside a set's keys): a
 * one-shot verifier reading its trust file then loads none of nimbus's classes, and what is
 * accepted or refused does not depend on which path read it.
 */
public final class JwkKeys {

    /** A JWK of a P-256 key is about 200 characters; anything much larger is not one. */
    public static final int MAX_JWK_CHARS = 16 * 1024;
    /** Room for thousands of keys: a trust list, not a data dump. */
    public static final int MAX_JWKS_CHARS = 1024 * 1024;

    private JwkKeys() {
    }

    /**
     * A public JWK ({@code kty EC, crv P-256}) with {@code kid} set to the key id, {@code use sig},
     * {@code alg ES256}.
     *
     * @param key a P-256 public key
     * @return the JWK as compact JSON
     * @throws IllegalArgumentException if the key is not a valid P-256 public key
     */
    public static String publicKeyToJwk(ECPublicKey key) {
        return NimbusJwk.publicKeyToJwk(key);
    }

    /**
     * A JWK Set ({@code {"keys": [...]}}) of the keys, each as {@link #publicKeyToJwk} writes it:
     * the trust list verifiers download.
     *
     * @param keys P-256 public keys, in the order the set lists them
     * @return the JWK Set as JSON
     * @throws IllegalArgumentException if any key is not a valid P-256 public key
     */
    public static String publicKeysToJwks(List<ECPublicKey> keys) {
        return NimbusJwk.publicKeysToJwks(keys);
    }

    /**
     * Reads one public JWK. A {@code kid}, when present, must equal the key id derived from the
     * key: a mismatch means the file was edited or mixed up, and is refused.
     *
     * @param json one JWK, at most {@value #MAX_JWK_CHARS} characters
     * @return the public key
     * @throws KeyFormatException if the text is too long, not a JWK, not a public P-256 key
     *         (including a JWK with a private {@code d}), has coordinates that are not exactly 32
     *         bytes of unpadded base64url, a point off the curve, or a mismatched {@code kid}
     */
    public static ECPublicKey publicKeyFromJwk(String json) {
        requireAtMost(json, MAX_JWK_CHARS, "JWK");
        ECPublicKey canonical = CanonicalJwk.publicKey(json);
        return canonical != null ? canonical : NimbusJwk.publicKeyFromJwk(json);
    }

    /**
     * Reads every key of a JWK Set; one unusable key fails the whole set, naming its position.
     * Members of an unknown key type are refused too, not skipped: a trust list must not quietly
     * hold fewer keys than its file.
     *
     * @param json a JWK Set, at most {@value #MAX_JWKS_CHARS} characters
     * @return the keys in the set's order; unmodifiable
     * @throws KeyFormatException if the text is too long, not a JWK Set with a {@code keys} array,
     *         or any member is refused as {@link #publicKeyFromJwk} would refuse it
     */
    public static List<ECPublicKey> publicKeysFromJwks(String json) {
        requireAtMost(json, MAX_JWKS_CHARS, "JWK Set");
        List<ECPublicKey> canonical = CanonicalJwk.publicKeys(json);
        return canonical != null ? canonical : NimbusJwk.publicKeysFromJwks(json);
    }

    private static void requireAtMost(String text, int maxChars, String what) {
        if (text.length() > maxChars) {
            throw new KeyFormatException("The " + what + " has " + text.length() + " characters, more than the " + maxChars + " accepted");
        }
    }
}
