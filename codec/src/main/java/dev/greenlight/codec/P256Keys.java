package dev.greenlight.codec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.jwk.KeyUse;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import dev.greenlight.codec.internal.Pem;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Loading, saving and generating P-256 keys: PEM (PKCS#8 and SubjectPublicKeyInfo), raw X9.62
 * points, JWK and JWK Sets.
 *
 * <p>Every loader refuses, with a {@link KeyFormatException} that says why, any key not on P-256,
 * any point not on the curve, and any encoding other than the canonical one. Nothing here prints
 * private key material, including in exception messages.
 */
public final class P256Keys {

    // A private instance, not registered with Security: embedding applications keep their provider order.
    private static final Provider BC = new BouncyCastleProvider();
    // A named spec, so that BouncyCastle encodes keys with the curve's OID rather than explicit parameters.
    private static final ECParameterSpec P256_SPEC = new ECNamedCurveSpec("secp256r1", P256.CURVE,
            P256.PARAMETERS.getG(), P256.ORDER, P256.PARAMETERS.getH());

    /** A JWK of a P-256 key is about 200 characters; anything much larger is not one. */
    public static final int MAX_JWK_CHARS = 16 * 1024;
    /** Room for thousands of keys: a trust list, not a data dump. */
    public static final int MAX_JWKS_CHARS = 1024 * 1024;

    private static final String PUBLIC_KEY_LABEL = "PUBLIC KEY";
    /** 32 bytes: 42 characters of 6 bits and a last one whose 2 low bits are zero. */
    private static final Pattern BASE64URL_32_BYTES = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
    private static final String PRIVATE_KEY_LABEL = "PRIVATE KEY";

    private P256Keys() {
    }

    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle cannot generate P-256 keys", e);
        }
    }

    /** The public key from affine coordinates, checked to be on P-256. */
    public static ECPublicKey publicKey(BigInteger x, BigInteger y) {
        try {
            return toJca(PublicKeyEncoding.pointOf(x, y));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("Invalid P-256 public key: " + e.getMessage(), e);
        }
    }

    /** The public key from an X9.62 point, uncompressed ({@code 04||X||Y}) or compressed. */
    public static ECPublicKey publicKeyFromPoint(byte[] encodedPoint) {
        try {
            return toJca(PublicKeyEncoding.decodePoint(encodedPoint));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("Invalid P-256 public key point: " + e.getMessage(), e);
        }
    }

    /** The public key from a DER SubjectPublicKeyInfo with the named curve P-256 (prime256v1). */
    public static ECPublicKey publicKeyFromSpki(byte[] der) {
        byte[] point = PublicKeyEncoding.pointFromSpki(der);
        if (point == null) {
            throw new KeyFormatException(describeUnacceptableSpki(der));
        }
        return publicKeyFromPoint(point);
    }

    public static ECPublicKey publicKeyFromPem(String pem) {
        Pem.Block block = decodePem(pem);
        if (!block.label().equals(PUBLIC_KEY_LABEL)) {
            throw new KeyFormatException("Expected a PEM '" + PUBLIC_KEY_LABEL + "' block, found '" + block.label() + "'"
                    + (block.label().contains("PRIVATE") ? ": a private key does not belong where a public key is expected" : ""));
        }
        return publicKeyFromSpki(block.der());
    }

    public static String publicKeyToPem(ECPublicKey key) {
        return Pem.encode(PUBLIC_KEY_LABEL, PublicKeyEncoding.spki(PublicKeyEncoding.pointOf(key)));
    }

    /** Reads a PKCS#8 {@code PRIVATE KEY} PEM block holding a P-256 key. */
    public static ECPrivateKey privateKeyFromPem(String pem) {
        Pem.Block block = decodePem(pem);
        switch (block.label()) {
            case PRIVATE_KEY_LABEL:
                break;
            case "ENCRYPTED PRIVATE KEY":
                throw new KeyFormatException("The private key is encrypted; decrypt it with its passphrase first");
            case "EC PRIVATE KEY":
                throw new KeyFormatException("The private key is in SEC1 form ('EC PRIVATE KEY'); convert it to PKCS#8 "
                        + "with: openssl pkcs8 -topk8 -nocrypt -in KEY.pem");
            default:
                throw new KeyFormatException("Expected a PEM '" + PRIVATE_KEY_LABEL + "' block, found '" + block.label() + "'");
        }
        return privateKeyFromPkcs8(block.der());
    }

    public static ECPrivateKey privateKeyFromPkcs8(byte[] der) {
        ECPrivateKey key;
        try {
            key = (ECPrivateKey) KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            // The cause's message could quote key bytes; keep only its type.
            throw new KeyFormatException("Not a PKCS#8 EC private key (" + e.getClass().getSimpleName() + ")");
        }
        if (!P256.isP256(key.getParams())) {
            throw new KeyFormatException("The private key is not on P-256");
        }
        BigInteger d = key.getS();
        if (d.signum() <= 0 || d.compareTo(P256.ORDER) >= 0) {
            throw new KeyFormatException("The private scalar is outside [1, n-1]");
        }
        return key;
    }

    /** PKCS#8 PEM naming the curve by its OID, whatever provider made the key. */
    public static String privateKeyToPem(ECPrivateKey key) {
        if (!P256.isP256(key.getParams())) {
            throw new KeyFormatException("The private key is not on P-256");
        }
        return Pem.encode(PRIVATE_KEY_LABEL, privateKey(key.getS()).getEncoded());
    }

    /** The private key with scalar {@code d}, in [1, n-1]. */
    public static ECPrivateKey privateKey(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(P256.ORDER) >= 0) {
            throw new KeyFormatException("The private scalar is outside [1, n-1]");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC", BC).generatePrivate(new ECPrivateKeySpec(d, P256_SPEC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle refused a valid P-256 scalar", e);
        }
    }

    /** The public key that belongs to a private key, computed with BouncyCastle's constant-time comb. */
    public static ECPublicKey publicKeyOf(ECPrivateKey key) {
        if (!P256.isP256(key.getParams())) {
            throw new KeyFormatException("The private key is not on P-256");
        }
        return toJca(new FixedPointCombMultiplier().multiply(P256.PARAMETERS.getG(), key.getS()).normalize());
    }

    /** A public JWK ({@code kty EC, crv P-256}) with {@code kid} set to the key id, {@code use sig}, {@code alg ES256}. */
    public static String publicKeyToJwk(ECPublicKey key) {
        return jwk(key).toJSONString();
    }

    public static String publicKeysToJwks(List<ECPublicKey> keys) {
        List<JWK> jwks = new ArrayList<>();
        for (ECPublicKey key : keys) {
            jwks.add(jwk(key));
        }
        return new JWKSet(jwks).toString(true);
    }

    /**
     * Reads one public JWK. A {@code kid}, when present, must equal the key id derived from the
     * key: a mismatch means the file was edited or mixed up, and is refused.
     */
    public static ECPublicKey publicKeyFromJwk(String json) {
        requireAtMost(json, MAX_JWK_CHARS, "JWK");
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException | RuntimeException e) {
            // nimbus throws NullPointerException for a JSON null, among others: all mean "not a JWK".
            throw new KeyFormatException("Not a valid JWK: " + e.getMessage(), e);
        }
        return fromJwk(jwk);
    }

    /** Reads every key of a JWK Set; one unusable key fails the whole set, naming its position. */
    public static List<ECPublicKey> publicKeysFromJwks(String json) {
        requireAtMost(json, MAX_JWKS_CHARS, "JWK Set");
        // Not JWKSet.parse: it silently drops members of a key type it does not know, and a trust
        // list must not quietly hold fewer keys than its file.
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

    private static void requireAtMost(String text, int maxChars, String what) {
        if (text.length() > maxChars) {
            throw new KeyFormatException("The " + what + " has " + text.length() + " characters, more than the " + maxChars + " accepted");
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
        requireCoordinate("x", ecKey.getX().toString());
        requireCoordinate("y", ecKey.getY().toString());
        ECPublicKey key = publicKey(ecKey.getX().decodeToBigInteger(), ecKey.getY().decodeToBigInteger());
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
        if (!BASE64URL_32_BYTES.matcher(base64url).matches()) {
            throw new KeyFormatException("JWK coordinate '" + name + "' is not 32 bytes of unpadded base64url (43 characters of A-Z a-z 0-9 - _)");
        }
    }

    private static ECPublicKey toJca(ECPoint point) {
        try {
            ECPoint normal = point.normalize();
            java.security.spec.ECPoint w = new java.security.spec.ECPoint(
                    normal.getAffineXCoord().toBigInteger(), normal.getAffineYCoord().toBigInteger());
            return (ECPublicKey) KeyFactory.getInstance("EC", BC).generatePublic(new ECPublicKeySpec(w, P256_SPEC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle refused a validated P-256 point", e);
        }
    }

    private static Pem.Block decodePem(String pem) {
        try {
            return Pem.decode(pem);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("Not a PEM key: " + e.getMessage(), e);
        }
    }

    private static String describeUnacceptableSpki(byte[] der) {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            return "Not a DER SubjectPublicKeyInfo";
        }
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (!algorithm.getId().equals("1.2.840.10045.2.1")) {
            return "Not an EC public key (algorithm " + algorithm.getId() + ")";
        }
        if (info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve
                && !curve.getId().equals("1.2.840.10045.3.1.7")) {
            return "The key is on curve " + curve.getId() + ", not P-256 (1.2.840.10045.3.1.7)";
        }
        if (!(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier)) {
            return "The key spells out its curve parameters; only the named curve P-256 (1.2.840.10045.3.1.7) is accepted";
        }
        return "The SubjectPublicKeyInfo is not in canonical DER form for a P-256 key";
    }
}
