package dev.greenlight.codec.internal.jws;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import dev.greenlight.codec.internal.BouncyCastleJca;
import dev.greenlight.codec.internal.json.StrictJson;

/**
 * The signature stage of every signed document of the format (trust lists, revocation lists):
 * a JWS in compact serialisation, ES256, verified against one pinned P-256 key.
 *
 * <p>Stricter than JWS requires, because we define both ends: the algorithm is the pinned key's
 * ({@code ES256}), never taken from the header; the header holds {@code alg}, {@code typ} and
 * optionally {@code kid}, nothing else (no {@code crit}, no embedded {@code jwk}, no {@code jku}
 * to fetch); {@code typ} names the document type, so that a revocation list signed by the same
 * root can never be read as a trust list; each part is canonical unpadded base64url. nimbus
 * parses and checks the signature, with BouncyCastle as the JCA provider (SunEC fails Wycheproof
 * ECDSA cases on Java 17). A signature with a high {@code s} is accepted, as RFC 7518 requires:
 * a document's identity is its sequence number, not its bytes.
 */
public final class CompactJws {

    /** The one algorithm: that of a P-256 key. */
    public static final String ALGORITHM = "ES256";

    private static final Set<String> HEADER_MEMBERS = Set.of("alg", "typ", "kid");
    /** RFC 4648's URL-safe alphabet, in the order of the values its characters stand for. */
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private CompactJws() {
    }

    /**
     * Signs a document.
     *
     * @param payload the document's bytes
     * @param type the document type, written as the header's {@code typ}
     * @param keyId written as the header's {@code kid}, for people; the verifier does not need it
     * @param key the signing key, a P-256 private key
     * @param provider the JCA provider holding the key (a PKCS#11 token's), or null for a software key
     * @return the compact serialisation
     * @throws IllegalArgumentException if the key cannot sign ES256
     */
    public static String sign(byte[] payload, String type, String keyId, PrivateKey key, Provider provider) {
        Objects.requireNonNull(payload, "payload");
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(Objects.requireNonNull(type, "type")))
                .keyID(keyId)
                .build();
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            ECDSASigner signer = new ECDSASigner(key, Curve.P_256);
            signer.getJCAContext().setProvider(provider != null ? provider : BouncyCastleJca.provider());
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Cannot sign ES256 with this key: " + e.getMessage(), e);
        }
        return jws.serialize();
    }

    /**
     * The text without the one line end a file or a transport adds, LF or CR LF (specification,
     * sections 15.3 and 16.1): the size, the signature and the device's digest are of what is left.
     *
     * @param received the text as it arrived
     * @return the text without one trailing LF or CR LF
     */
    public static String withoutLineEnd(String received) {
        if (received.endsWith("\r\n")) {
            return received.substring(0, received.length() - 2);
        }
        return received.endsWith("\n") ? received.substring(0, received.length() - 1) : received;
    }

    /**
     * Checks a document's signature and returns what it signed. Never throws anything but
     * {@link SignedDocumentException} for any text, however hostile.
     *
     * @param compact the JWS as received
     * @param expectedType the {@code typ} the document must declare
     * @param pinnedKey the key that must have signed it
     * @return the verified header and payload
     * @throws SignedDocumentException if the text is not a JWS of this profile or the signature fails
     */
    public static Verified verify(String compact, String expectedType, ECPublicKey pinnedKey) throws SignedDocumentException {
        Objects.requireNonNull(expectedType, "expectedType");
        Verified verified = verifyAnyType(compact, pinnedKey);
        if (verified.type() == null) {
            throw new SignedDocumentException("the header has no typ; it must be " + quoted(expectedType));
        }
        if (!expectedType.equals(verified.type())) {
            throw new SignedDocumentException("the document is of type " + quoted(verified.type()) + ", not " + quoted(expectedType), true);
        }
        return verified;
    }

    /**
     * {@link #verify} without the type check: for the Wycheproof JWS cases, whose headers carry no
     * {@code typ}. Documents of the format always go through {@link #verify}.
     */
    static Verified verifyAnyType(String compact, ECPublicKey pinnedKey) throws SignedDocumentException {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(pinnedKey, "pinnedKey");
        String[] parts = threeParts(compact);
        for (int i = 0; i < parts.length; i++) {
            requireCanonicalBase64Url(parts[i], PART_NAMES[i]);
        }
        Map<String, Object> header = header(parts[0]);
        Object algorithm = header.get("alg");
        if (!ALGORITHM.equals(algorithm)) {
            throw new SignedDocumentException("the header's alg is " + quoted(algorithm) + "; the pinned key signs " + ALGORITHM + " only");
        }
        Object type = header.get("typ");
        if (type != null && !(type instanceof String)) {
            throw new SignedDocumentException("the header's typ is not a string");
        }
        Object keyId = header.get("kid");
        if (keyId != null && !(keyId instanceof String)) {
            throw new SignedDocumentException("the header's kid is not a string");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new SignedDocumentException("not a JWS: " + e.getMessage());
        }
        boolean valid;
        try {
            ECDSAVerifier verifier = new ECDSAVerifier(pinnedKey);
            verifier.getJCAContext().setProvider(BouncyCastleJca.provider());
            valid = jws.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            throw new SignedDocumentException("the signature cannot be checked: " + e.getMessage());
        }
        if (!valid) {
            throw new SignedDocumentException("the signature is not valid for the pinned key");
        }
        return new Verified((String) type, (String) keyId, jws.getPayload().toBytes());
    }

    /** What a valid signature vouches for. */
    public record Verified(String type, String keyId, byte[] payload) {
    }

    private static final String[] PART_NAMES = {"header", "payload", "signature"};

    private static String[] threeParts(String compact) throws SignedDocumentException {
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (first < 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
            throw new SignedDocumentException("not a compact JWS: it must be three base64url parts separated by two dots");
        }
        return new String[] {compact.substring(0, first), compact.substring(first + 1, second), compact.substring(second + 1)};
    }

    /**
     * One encoding per value, so that the signed bytes are exactly what was received: no padding,
     * no whitespace, no characters outside the URL-safe alphabet, no set bits past the last byte.
     */
    static void requireCanonicalBase64Url(String part, String name) throws SignedDocumentException {
        if (part.isEmpty()) {
            throw new SignedDocumentException("the " + name + " is empty");
        }
        if (part.length() % 4 == 1) {
            throw new SignedDocumentException("the " + name + " has a base64url length no bytes encode");
        }
        int last = 0;
        for (int i = 0; i < part.length(); i++) {
            last = BASE64URL.indexOf(part.charAt(i));
            if (last < 0) {
                throw new SignedDocumentException("the " + name + " holds a character that is not unpadded base64url, at offset " + i);
            }
        }
        int unusedBits = switch (part.length() % 4) {
            case 2 -> 4;
            case 3 -> 2;
            default -> 0;
        };
        if ((last & ((1 << unusedBits) - 1)) != 0) {
            throw new SignedDocumentException("the " + name + " is not canonical base64url: its last character sets unused bits");
        }
    }

    private static Map<String, Object> header(String encoded) throws SignedDocumentException {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(encoded)))
                    .toString();
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw new SignedDocumentException("the header is not UTF-8 JSON");
        }
        // The payload's reader, not nimbus's alone: a header is I-JSON too (no duplicate alg, no
        // unpaired surrogate or noncharacter), so that every verifier reads the same header.
        Object parsed;
        try {
            parsed = StrictJson.parse(json);
        } catch (StrictJson.JsonException e) {
            throw new SignedDocumentException("the header is " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new SignedDocumentException("the header is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) map;
        for (String member : header.keySet()) {
            if (!HEADER_MEMBERS.contains(member)) {
                throw new SignedDocumentException("the header holds " + quoted(member) + "; only alg, typ and kid are allowed");
            }
        }
        return header;
    }

    private static String quoted(Object value) {
        if (value == null) {
            return "nothing";
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.append(text.length() > 64 ? "...\"" : "\"").toString();
    }
}
