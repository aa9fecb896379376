package dev.greenlight.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.greenlight.codec.internal.wire.Base45;
import dev.greenlight.codec.internal.wire.PayloadV1;
import dev.greenlight.codec.internal.wire.TextForm;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.sign.EcdsaP256Signer;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * Writes the specification's test vectors ({@code specs/vectors/*.json}) from fixed inputs.
 * Everything is deterministic (fixed keys, secret, serials and clocks; RFC 6979 nonces), so
 * {@link SpecVectorsTest} can check that the committed files are exactly what the code produces.
 *
 * <p>Regenerate after a deliberate format change:
 * {@code ./mvnw -B -q -pl codec test -Dtest=SpecVectorsTest -Dgreenlight.vectors.write=true}.
 */
final class SpecVectorGenerator {

    static final String KEYS_FILE = "keys.json";
    static final String CODES_FILE = "codes.json";
    static final String IDENTITIES_FILE = "identities.json";
    static final String BASE45_FILE = "base45.json";

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static final Instant ISSUED_AT = Instant.parse("2026-03-01T08:00:00Z");
    static final Duration SKEW = Verifier.DEFAULT_CLOCK_SKEW;

    final ECPrivateKey keyA = deterministicKey("greenlight spec vector key A");
    final ECPrivateKey keyB = deterministicKey("greenlight spec vector key B");
    private final byte[] identitySecretBytes = EcdsaP256.sha256(bytes("greenlight spec vector identity secret"), 0, 38);
    final IdentitySecret identitySecret = IdentitySecret.of(identitySecretBytes);
    private final Map<String, ECPrivateKey> keys = new LinkedHashMap<>();

    SpecVectorGenerator() {
        keys.put("issuer-a", keyA);
        keys.put("issuer-b", keyB);
    }

    Map<String, String> files() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(KEYS_FILE, JSON.writeValueAsString(keysDocument()) + "\n");
        files.put(CODES_FILE, JSON.writeValueAsString(codesDocument()) + "\n");
        files.put(IDENTITIES_FILE, JSON.writeValueAsString(identitiesDocument()) + "\n");
        files.put(BASE45_FILE, JSON.writeValueAsString(base45Document()) + "\n");
        return files;
    }

    // ---------------------------------------------------------------- keys

    private ObjectNode keysDocument() {
        ObjectNode doc = NODES.objectNode();
        doc.put("description", "Test keys of the Greenlight v1 vectors. The private keys are published: never trust them in production.");
        ObjectNode keysNode = doc.putObject("keys");
        keys.forEach((name, privateKey) -> {
            ECPublicKey publicKey = P256KeyPairs.publicKeyOf(privateKey);
            ObjectNode k = keysNode.putObject(name);
            k.put("keyId", KeyId.of(publicKey).toString());
            k.put("privateScalar", hex32(privateKey.getS()));
            k.put("privateKeyPkcs8Pem", PemKeys.privateKeyToPem(privateKey));
            k.put("publicX", hex32(publicKey.getW().getAffineX()));
            k.put("publicY", hex32(publicKey.getW().getAffineY()));
            k.put("publicUncompressed", "04" + hex32(publicKey.getW().getAffineX()) + hex32(publicKey.getW().getAffineY()));
            k.put("publicKeySpkiPem", PemKeys.publicKeyToPem(publicKey));
            try {
                k.set("publicJwk", JSON.readTree(JwkKeys.publicKeyToJwk(publicKey)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        doc.put("identitySecret", HEX.formatHex(identitySecretBytes));
        doc.set("invalidPublicKeys", invalidPublicKeys(P256KeyPairs.publicKeyOf(keyA)));
        return doc;
    }

    /** Public keys every loader must refuse: format says which loader, value is the encoding. */
    private ArrayNode invalidPublicKeys(ECPublicKey valid) {
        ArrayNode list = NODES.arrayNode();
        String x = hex32(valid.getW().getAffineX());
        String y = hex32(valid.getW().getAffineY());
        String p = hex32(P256.CURVE.getField().getCharacteristic());
        invalidKey(list, "point", "04" + x + x, "a point off the curve (y replaced by x)");
        invalidKey(list, "point", "00", "the point at infinity");
        invalidKey(list, "point", "04" + p + y, "x = p, outside the field");
        invalidKey(list, "point", "04" + x + y + "00", "66 bytes: a trailing byte");
        invalidKey(list, "point", (valid.getW().getAffineY().testBit(0) ? "07" : "06") + x + y,
                "the hybrid form (06/07): on the curve, but not a canonical encoding");
        String spki = HEX.formatHex(java.util.Base64.getMimeDecoder().decode(
                PemKeys.publicKeyToPem(valid).replaceAll("-----[A-Z ]+-----", "")));
        invalidKey(list, "spki", "3081" + spki.substring(2), "the outer SEQUENCE length in long form: not DER");
        invalidKey(list, "spki", spki.substring(0, spki.length() - 130) + (valid.getW().getAffineY().testBit(0) ? "07" : "06")
                + spki.substring(spki.length() - 128), "the point in hybrid form (06/07)");
        invalidKey(list, "spki", explicitParametersSpki(valid), "P-256 with explicit curve parameters instead of the named curve");
        invalidKey(list, "spki", p384Spki(), "a P-384 key (curve 1.3.132.0.34)");
        ObjectNode jwk;
        try {
            jwk = (ObjectNode) JSON.readTree(JwkKeys.publicKeyToJwk(valid));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        invalidKey(list, "jwk", jwk.deepCopy().put("kid", "00000000").toString(), "a kid that is not the key id derived from the key");
        invalidKey(list, "jwk", jwk.deepCopy().put("kid", KeyId.of(valid).toString().toUpperCase(java.util.Locale.ROOT)).toString(),
                "the key id in upper case: kids are compared as strings");
        invalidKey(list, "jwk", jwk.deepCopy().put("d", "AQ").toString(), "a private part d where a public key belongs");
        invalidKey(list, "jwk", jwk.deepCopy().put("y", jwk.get("x").asText()).toString(), "a point off the curve");
        invalidKey(list, "jwk", jwk.deepCopy().put("crv", "P-384").toString(), "crv P-384");
        invalidKey(list, "jwk", jwk.deepCopy().put("x", jwk.get("x").asText() + "=").toString(), "x with base64 padding");
        invalidKey(list, "jwk", jwk.deepCopy().put("x", jwk.get("x").asText().substring(0, 20) + " "
                + jwk.get("x").asText().substring(20)).toString(), "x with a space inside");
        invalidKey(list, "jwks", "{\"keys\":[" + jwk + ",{\"kty\":\"FOO\"}]}",
                "a JWK Set with a member of an unknown key type: the whole set is refused, not the member dropped");
        invalidKey(list, "jwks", "{\"keys\":[" + jwk + ",{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}",
                "a JWK Set with an RSA key");
        invalidKey(list, "jwk", jwk.deepCopy().put("x", com.nimbusds.jose.util.Base64URL.encode(
                HEX.parseHex(x.substring(2))).toString()).toString(), "x of 31 bytes: coordinates are exactly 32");
        return list;
    }

    private static void invalidKey(ArrayNode list, String format, String value, String why) {
        list.addObject().put("format", format).put("value", value).put("why", why);
    }

    private static String explicitParametersSpki(ECPublicKey key) {
        try {
            java.security.spec.ECParameterSpec explicit =
                    org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util.convertToSpec(P256.PARAMETERS);
            return HEX.formatHex(java.security.KeyFactory.getInstance("EC", new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .generatePublic(new java.security.spec.ECPublicKeySpec(key.getW(), explicit)).getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String p384Spki() {
        org.bouncycastle.jce.spec.ECNamedCurveParameterSpec p384 =
                org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("secp384r1");
        try {
            return HEX.formatHex(java.security.KeyFactory.getInstance("EC", new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(
                            p384.getG().multiply(BigInteger.valueOf(20260301)).normalize(), p384)).getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- Base45

    private static ObjectNode base45Document() {
        ObjectNode doc = NODES.objectNode();
        doc.put("description", "Strict Base45 (RFC 9285): valid pairs of bytes (hex) and text, and texts a decoder must refuse.");
        ArrayNode valid = doc.putArray("valid");
        String[] hexInputs = {"", "00", "ff", "0000", "ffff", "4142", "48656c6c6f2121", "626173652d3435", "01ce82504a"};
        for (String hex : hexInputs) {
            valid.addObject().put("bytes", hex).put("text", Base45.getEncoder().encodeToString(HEX.parseHex(hex)));
        }
        ArrayNode invalid = doc.putArray("invalid");
        refusedText(invalid, "GGW", "triple of value 65536");
        refusedText(invalid, ":::", "triple of value 91124");
        refusedText(invalid, "V5", "final pair of value 256");
        refusedText(invalid, "::", "final pair of value 2024");
        refusedText(invalid, "A", "length 1");
        refusedText(invalid, "BB8B", "length 4, 1 modulo 3");
        refusedText(invalid, "bb8", "lower case");
        refusedText(invalid, "BB8 =", "padding, which Base45 does not have");
        refusedText(invalid, "BB 8\n", "a line feed");
        refusedText(invalid, "BB\u00c8", "a non-ASCII letter");
        return doc;
    }

    private static void refusedText(ArrayNode list, String text, String why) {
        list.addObject().put("text", text).put("why", why);
    }

    // ---------------------------------------------------------------- codes

    private ObjectNode codesDocument() {
        ObjectNode doc = NODES.objectNode();
        doc.put("description", "Greenlight v1 code vectors. Keys are named from keys.json. Each case: the keys the verifier "
                + "trusts, its clock and skew, the input text, every stage that exists for it, and the expected result.");
        ArrayNode cases = doc.putArray("cases");
        Identity cnid = Identity.chineseResidentId("11010519491231002X");
        Identity passport = Identity.passport("FRA", "18AV12345");
        Code green = code("issuer-a", 0x0123456789ABCDEFL, cnid, Colour.GREEN, ISSUED_AT, 1440);
        Instant expiry = green.expiresAt();

        // Valid codes.
        valid(cases, "valid-green-cnid", "A green code for a resident identity card, checked at its issue time.",
                green, ISSUED_AT, SKEW);
        valid(cases, "valid-yellow", "A yellow code.",
                code("issuer-a", 0x1111111111111111L, cnid, Colour.YELLOW, ISSUED_AT, 1440), ISSUED_AT.plusSeconds(3600), SKEW);
        valid(cases, "valid-red", "A red code.",
                code("issuer-a", 0x2222222222222222L, cnid, Colour.RED, ISSUED_AT, 1440), ISSUED_AT.plusSeconds(3600), SKEW);
        valid(cases, "valid-passport", "A green code for a passport holder.",
                code("issuer-a", 0x3333333333333333L, passport, Colour.GREEN, ISSUED_AT, 1440), ISSUED_AT, SKEW);
        valid(cases, "valid-issuer-b-of-two", "Signed by issuer-b while both issuers are trusted: found by key id.",
                code("issuer-b", 0x4444444444444444L, cnid, Colour.GREEN, ISSUED_AT, 1440), ISSUED_AT, SKEW, "issuer-a", "issuer-b");
        valid(cases, "valid-clock-behind-by-skew", "The verifier's clock is exactly the skew behind the issue time: still valid.",
                green, ISSUED_AT.minus(SKEW), SKEW);
        valid(cases, "valid-last-second", "One second before expiry plus skew: the last valid second.",
                green, expiry.plus(SKEW).minusSeconds(1), SKEW);
        valid(cases, "valid-no-skew-last-second", "No skew allowed, one second before expiry.",
                green, expiry.minusSeconds(1), Duration.ZERO);
        valid(cases, "valid-last-millisecond", "One millisecond before expiry plus skew.",
                green, expiry.plus(SKEW).minusMillis(1), SKEW);
        valid(cases, "valid-one-minute", "The shortest validity, one minute.",
                code("issuer-a", 0x5555555555555555L, cnid, Colour.GREEN, ISSUED_AT, 1), ISSUED_AT.plusSeconds(30), SKEW);
        valid(cases, "valid-longest-validity", "The longest validity, 65535 minutes.",
                code("issuer-a", 0x6666666666666666L, cnid, Colour.YELLOW, ISSUED_AT, 65535), ISSUED_AT.plus(Duration.ofDays(45)), SKEW);
        valid(cases, "valid-serial-all-ones", "Serial ffffffffffffffff: serials are unsigned bit strings.",
                code("issuer-a", -1L, passport, Colour.RED, ISSUED_AT, 60), ISSUED_AT, SKEW);
        valid(cases, "valid-latest-issue-time", "Issue time 4294967295 (2106-02-07T06:28:15Z), the last a v1 code can carry.",
                code("issuer-a", 0x7777777777777777L, cnid, Colour.GREEN, Instant.ofEpochSecond(PayloadV1.MAX_ISSUED_AT), 60),
                Instant.ofEpochSecond(PayloadV1.MAX_ISSUED_AT), SKEW);

        // MALFORMED: the text is not a code.
        String body = green.text.substring(TextForm.PREFIX.length());
        rejectText(cases, "malformed-empty", "The empty text.", "", RejectionReason.MALFORMED);
        rejectText(cases, "malformed-prefix-only", "The prefix and nothing after it.", TextForm.PREFIX, RejectionReason.MALFORMED);
        rejectText(cases, "malformed-no-prefix", "The Base45 body without its prefix.", body, RejectionReason.MALFORMED);
        rejectText(cases, "malformed-lowercase-prefix", "The prefix in lower case: prefixes are case-sensitive.",
                "gl1:" + body, RejectionReason.MALFORMED);
        rejectText(cases, "malformed-foreign-prefix", "Another format's prefix (an EU certificate's).", "HC1:" + body, RejectionReason.MALFORMED);
        rejectText(cases, "malformed-leading-space", "A space before the prefix: texts are never trimmed.",
                " " + green.text, RejectionReason.MALFORMED);
        rejectText(cases, "malformed-trailing-newline", "A line feed after the code: not in the Base45 alphabet.",
                green.text + "\n", RejectionReason.MALFORMED);
        rejectText(cases, "malformed-lowercase-base45", "A lower-case letter in the body: outside the Base45 alphabet.",
                TextForm.PREFIX + "a" + body.substring(1), RejectionReason.MALFORMED);
        rejectText(cases, "malformed-fullwidth-colon", "A full-width colon (U+FF1A) in the prefix.",
                "GL1\uFF1A" + body, RejectionReason.MALFORMED);
        rejectText(cases, "malformed-base45-length", "Two characters dropped: a Base45 length of 1 modulo 3 is never valid.",
                green.text.substring(0, green.text.length() - 2), RejectionReason.MALFORMED);
        rejectText(cases, "malformed-base45-overflow", "A final group ':::' of value 91124, more than two bytes hold.",
                green.text.substring(0, green.text.length() - 3) + ":::", RejectionReason.MALFORMED);
        rejectText(cases, "malformed-base45-final-pair-overflow", "A final pair '::' of value 2024, more than one byte holds.",
                green.text.substring(0, green.text.length() - 3) + "::", RejectionReason.MALFORMED);
        rejectPayload(cases, "malformed-truncated", "The last payload byte dropped: 99 bytes.",
                Arrays.copyOf(green.payload, 99), RejectionReason.MALFORMED);
        rejectPayload(cases, "malformed-trailing-byte", "One byte appended: 101 bytes.",
                Arrays.copyOf(green.payload, 101), RejectionReason.MALFORMED);
        rejectText(cases, "malformed-too-long", "1025 characters: over the length cap, refused before decoding.",
                TextForm.PREFIX + "0".repeat(TextForm.MAX_LENGTH + 1 - TextForm.PREFIX.length()), RejectionReason.MALFORMED);

        // UNSUPPORTED_VERSION.
        rejectText(cases, "unsupported-prefix-gl2", "A GL2: prefix: a later version.", "GL2:" + body, RejectionReason.UNSUPPORTED_VERSION);
        rejectText(cases, "unsupported-prefix-gl01", "GL01: is another version prefix too: digits are not compared as numbers.",
                "GL01:" + body, RejectionReason.UNSUPPORTED_VERSION);
        rejectText(cases, "unsupported-prefix-ten-digits", "GL and ten digits: the longest prefix read as another version.",
                "GL1234567890:" + body, RejectionReason.UNSUPPORTED_VERSION);
        rejectText(cases, "malformed-prefix-eleven-digits", "GL and eleven digits: not a version prefix.",
                "GL12345678901:" + body, RejectionReason.MALFORMED);
        rejectText(cases, "malformed-prefix-no-digits", "GL: without a version number.", "GL:" + body, RejectionReason.MALFORMED);
        rejectPayload(cases, "unsupported-one-byte-version-2", "A single byte 02: the version is checked before the length.",
                new byte[] {2}, RejectionReason.UNSUPPORTED_VERSION);
        rejectPayload(cases, "malformed-one-byte-version-1", "A single byte 01: version 1, but not 100 bytes.",
                new byte[] {1}, RejectionReason.MALFORMED);
        rejectText(cases, "length-cap-exactly-1024", "1024 characters pass the length cap; the 680 zero bytes then fail on the version byte.",
                TextForm.PREFIX + "0".repeat(TextForm.MAX_LENGTH - TextForm.PREFIX.length()), RejectionReason.UNSUPPORTED_VERSION);
        rejectPayload(cases, "unsupported-version-byte-2", "Version byte 2 under a GL1: prefix, signed by issuer-a.",
                signRaw("issuer-a", withByte(green.signedBytes(), PayloadV1.OFFSET_VERSION, 2)), RejectionReason.UNSUPPORTED_VERSION);
        rejectPayload(cases, "unsupported-version-byte-0", "Version byte 0.",
                withByte(green.payload, PayloadV1.OFFSET_VERSION, 0), RejectionReason.UNSUPPORTED_VERSION);

        // UNKNOWN_KEY.
        rejectCode(cases, "unknown-key-untrusted-issuer", "Signed by issuer-b while only issuer-a is trusted.",
                code("issuer-b", 0x4444444444444444L, cnid, Colour.GREEN, ISSUED_AT, 1440), RejectionReason.UNKNOWN_KEY);
        rejectPayload(cases, "unknown-key-flipped-key-id", "A bit of the key id flipped.",
                flipBit(green.payload, PayloadV1.OFFSET_KEY_ID, 0), RejectionReason.UNKNOWN_KEY);

        // BAD_SIGNATURE.
        rejectPayload(cases, "bad-signature-flipped-bit", "The last bit of the signature flipped.",
                flipBit(green.payload, PayloadV1.TOTAL_BYTES - 1, 0), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-colour-tampered", "Colour changed from green to red without re-signing.",
                withByte(green.payload, PayloadV1.OFFSET_COLOUR, Colour.RED.wireValue()), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-validity-extended", "Validity raised to 65535 minutes without re-signing.",
                withBytes(green.payload, PayloadV1.OFFSET_VALIDITY_MINUTES, 0xFF, 0xFF), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-identity-swapped", "A bit of the identity hash flipped.",
                flipBit(green.payload, PayloadV1.OFFSET_IDENTITY_HASH + 7, 3), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-high-s", "The same signature with s replaced by n - s: valid ECDSA, but high S.",
                withScalar(green.payload, 1, P256.ORDER.subtract(scalarAt(green.payload, 1))), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-r-zero", "r = 0.", withScalar(green.payload, 0, BigInteger.ZERO), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-s-zero", "s = 0.", withScalar(green.payload, 1, BigInteger.ZERO), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-r-order", "r = n, the group order.", withScalar(green.payload, 0, P256.ORDER),
                RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-r-max", "r = 2^256 - 1: above n, refused by the range check.",
                withScalar(green.payload, 0, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-r-order-minus-one", "r = n - 1: in range, but the equation fails.",
                withScalar(green.payload, 0, P256.ORDER.subtract(BigInteger.ONE)), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-s-just-high", "s = (n + 1) / 2, the smallest high S.",
                withScalar(green.payload, 1, P256.HALF_ORDER.add(BigInteger.ONE)), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-s-order", "s = n.", withScalar(green.payload, 1, P256.ORDER), RejectionReason.BAD_SIGNATURE);
        rejectPayload(cases, "bad-signature-wrong-signer", "issuer-a's key id on bytes signed by issuer-b.",
                signRaw("issuer-b", green.signedBytes()), RejectionReason.BAD_SIGNATURE);

        // INVALID_FIELD: signed by a trusted key, yet the format forbids the value.
        rejectPayload(cases, "invalid-field-colour-3", "Colour byte 3, validly signed.",
                signRaw("issuer-a", withByte(green.signedBytes(), PayloadV1.OFFSET_COLOUR, 3)), RejectionReason.INVALID_FIELD);
        rejectPayload(cases, "invalid-field-validity-zero", "Validity 0 minutes, validly signed.",
                signRaw("issuer-a", withBytes(green.signedBytes(), PayloadV1.OFFSET_VALIDITY_MINUTES, 0, 0)), RejectionReason.INVALID_FIELD);

        // Time.
        rejectCode(cases, "not-yet-valid", "The verifier's clock is one second more than the skew behind the issue time.",
                green, ISSUED_AT.minus(SKEW).minusSeconds(1), SKEW, RejectionReason.NOT_YET_VALID);
        rejectCode(cases, "expired-at-boundary", "Now minus skew equals the expiry: expired (now >= expiry).",
                green, expiry.plus(SKEW), SKEW, RejectionReason.EXPIRED);
        rejectCode(cases, "expired-no-skew-boundary", "No skew, now equals the expiry.",
                green, expiry, Duration.ZERO, RejectionReason.EXPIRED);
        rejectCode(cases, "expired-long-ago", "Checked a week after expiry.",
                green, expiry.plus(Duration.ofDays(7)), SKEW, RejectionReason.EXPIRED);
        rejectCode(cases, "not-yet-valid-fractional", "Half a second more than the skew behind the issue time: clocks are compared exactly.",
                green, ISSUED_AT.minus(SKEW).minusMillis(500), SKEW, RejectionReason.NOT_YET_VALID);

        // OUTSIDE_KEY_WINDOW: the window a trust list gives the key (section 15).
        Code issuerB = code("issuer-b", 0x4444444444444444L, cnid, Colour.GREEN, ISSUED_AT, 1440);
        withWindow(valid(cases, "valid-window-from-issue-time", "issuer-a may sign from the code's issue time on: notBefore is inclusive.",
                green, ISSUED_AT, SKEW), "issuer-a", ISSUED_AT, ISSUED_AT.plus(Duration.ofDays(365)));
        withWindow(valid(cases, "valid-window-ended-after-issue", "issuer-a left service an hour after issuing; its code is checked 20 hours "
                + "later and is still valid: the window judges the issue time, not the clock.", green, ISSUED_AT.plus(Duration.ofHours(20)), SKEW),
                "issuer-a", ISSUED_AT.minus(Duration.ofDays(30)), ISSUED_AT.plus(Duration.ofHours(1)));
        withWindow(rejectCode(cases, "outside-window-at-not-after", "issuer-a's window ends exactly at the issue time: notAfter is exclusive.",
                green, ISSUED_AT, SKEW, RejectionReason.OUTSIDE_KEY_WINDOW), "issuer-a", ISSUED_AT.minus(Duration.ofDays(30)), ISSUED_AT);
        withWindow(rejectCode(cases, "outside-window-before-not-before", "issuer-a's window starts one second after the issue time.",
                green, ISSUED_AT, SKEW, RejectionReason.OUTSIDE_KEY_WINDOW), "issuer-a", ISSUED_AT.plusSeconds(1), ISSUED_AT.plus(Duration.ofDays(365)));
        withWindow(rejectCode(cases, "outside-window-and-expired", "Outside the window and expired: the window is checked first.",
                green, expiry.plus(Duration.ofDays(7)), SKEW, RejectionReason.OUTSIDE_KEY_WINDOW), "issuer-a", ISSUED_AT.plusSeconds(60), ISSUED_AT.plus(Duration.ofDays(365)));

        // REVOKED: a revocation list names the code, or its key (section 16).
        rejectCode(cases, "revoked-serial", "A revocation list names issuer-a's key id with this serial.",
                green, ISSUED_AT, SKEW, RejectionReason.REVOKED)
                .putObject("revoked").putArray("serials").addObject().put("keyId", green.keyId()).put("serial", "0123456789abcdef");
        ObjectNode otherSerial = valid(cases, "valid-other-serial-revoked", "Another serial of issuer-a is revoked, not this one.", green, ISSUED_AT, SKEW);
        otherSerial.putObject("revoked").putArray("serials").addObject().put("keyId", green.keyId()).put("serial", "0123456789abcdee");
        ObjectNode sameSerialOtherKey = valid(cases, "valid-same-serial-other-key-revoked", "The serial is revoked under issuer-b's key id: serials are "
                + "per key.", green, ISSUED_AT, SKEW, "issuer-a", "issuer-b");
        sameSerialOtherKey.putObject("revoked").putArray("serials").addObject().put("keyId", issuerB.keyId()).put("serial", "0123456789abcdef");
        rejectCode(cases, "revoked-whole-key", "The revocation list revokes issuer-a's key as a whole.",
                green, ISSUED_AT, SKEW, RejectionReason.REVOKED)
                .putObject("revoked").putArray("keys").add(green.keyId());
        rejectCode(cases, "revoked-and-expired", "Revoked and expired: revocation is checked before the times.",
                green, expiry.plus(Duration.ofDays(7)), SKEW, RejectionReason.REVOKED)
                .putObject("revoked").putArray("keys").add(green.keyId());
        return doc;
    }

    private static ObjectNode withWindow(ObjectNode c, String keyName, Instant notBefore, Instant notAfter) {
        c.putObject("signingWindows").putObject(keyName).put("notBefore", notBefore.toString()).put("notAfter", notAfter.toString());
        return c;
    }

    private ObjectNode valid(ArrayNode cases, String id, String description, Code code, Instant clock, Duration skew, String... trusted) {
        ObjectNode c = newCase(cases, id, description, trusted.length == 0 ? new String[] {"issuer-a"} : trusted, clock, skew);
        code.describe(c);
        c.putObject("expected").put("result", "valid");
        return c;
    }

    private void rejectCode(ArrayNode cases, String id, String description, Code code, RejectionReason reason) {
        rejectCode(cases, id, description, code, ISSUED_AT, SKEW, reason);
    }

    private ObjectNode rejectCode(ArrayNode cases, String id, String description, Code code, Instant clock, Duration skew,
                                 RejectionReason reason) {
        ObjectNode c = newCase(cases, id, description, new String[] {"issuer-a"}, clock, skew);
        code.describe(c);
        expectRejection(c, reason);
        return c;
    }

    private void rejectPayload(ArrayNode cases, String id, String description, byte[] payload, RejectionReason reason) {
        ObjectNode c = newCase(cases, id, description, new String[] {"issuer-a"}, ISSUED_AT, SKEW);
        c.put("payload", HEX.formatHex(payload));
        c.put("text", TextForm.encode(payload));
        expectRejection(c, reason);
    }

    private void rejectText(ArrayNode cases, String id, String description, String text, RejectionReason reason) {
        ObjectNode c = newCase(cases, id, description, new String[] {"issuer-a"}, ISSUED_AT, SKEW);
        c.put("text", text);
        expectRejection(c, reason);
    }

    private static ObjectNode newCase(ArrayNode cases, String id, String description, String[] trusted, Instant clock, Duration skew) {
        ObjectNode c = cases.addObject();
        c.put("id", id);
        c.put("description", description);
        ArrayNode trustedNode = c.putArray("trustedKeys");
        for (String name : trusted) {
            trustedNode.add(name);
        }
        c.put("clock", clock.toString());
        c.put("clockSkewSeconds", skew.toSeconds());
        return c;
    }

    private static void expectRejection(ObjectNode c, RejectionReason reason) {
        c.putObject("expected").put("result", "rejected").put("reason", reason.name());
    }

    /** A correctly issued code and each stage of its making. */
    private Code code(String keyName, long serial, Identity identity, Colour colour, Instant issuedAt, int validityMinutes) {
        Issuer issuer = Issuer.builder(identitySecret, Clock.fixed(issuedAt, ZoneOffset.UTC))
                .signingKey(keys.get(keyName))
                .build();
        IssuedCode issued = issuer.sign(identitySecret.pseudonymOf(identity), colour, issuedAt,
                Duration.ofMinutes(validityMinutes), new Serial(serial));
        byte[] payload = Base45.getDecoder().decode(issued.text(), TextForm.PREFIX.length(), issued.text().length());
        return new Code(keyName, identity, issued, payload);
    }

    private byte[] signRaw(String keyName, byte[] signedBytes) {
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(keys.get(keyName).getS(), P256.DOMAIN);
        byte[] payload = Arrays.copyOf(signedBytes, PayloadV1.TOTAL_BYTES);
        byte[] signature = EcdsaP256Signer.sign(key, signedBytes, 0, PayloadV1.SIGNED_BYTES);
        System.arraycopy(signature, 0, payload, PayloadV1.OFFSET_SIGNATURE, signature.length);
        return payload;
    }

    private record Code(String keyName, Identity identity, IssuedCode issued, byte[] payload, String text) {

        Code(String keyName, Identity identity, IssuedCode issued, byte[] payload) {
            this(keyName, identity, issued, payload, issued.text());
        }

        Instant expiresAt() {
            return issued.claims().expiresAt();
        }

        String keyId() {
            return issued.claims().keyId().toString();
        }

        byte[] signedBytes() {
            return Arrays.copyOf(payload, PayloadV1.SIGNED_BYTES);
        }

        void describe(ObjectNode c) {
            CodeClaims claims = issued.claims();
            c.put("signedBy", keyName);
            ObjectNode id = c.putObject("identity");
            id.put("documentType", identity.documentType());
            id.put("normalised", identity.normalised());
            ObjectNode f = c.putObject("fields");
            f.put("version", PayloadV1.VERSION);
            f.put("keyId", claims.keyId().toString());
            f.put("serial", claims.serial().toString());
            f.put("identityHash", claims.identityHash().toString());
            f.put("colour", claims.colour().name().toLowerCase(java.util.Locale.ROOT));
            f.put("colourByte", claims.colour().wireValue());
            f.put("issuedAtSeconds", claims.issuedAt().getEpochSecond());
            f.put("issuedAt", claims.issuedAt().toString());
            f.put("validityMinutes", claims.validity().toMinutes());
            f.put("expiresAt", claims.expiresAt().toString());
            c.put("signedBytes", HEX.formatHex(payload, 0, PayloadV1.SIGNED_BYTES));
            c.put("signedBytesSha256", HEX.formatHex(EcdsaP256.sha256(payload, 0, PayloadV1.SIGNED_BYTES)));
            c.put("signature", HEX.formatHex(payload, PayloadV1.OFFSET_SIGNATURE, PayloadV1.TOTAL_BYTES));
            c.put("payload", HEX.formatHex(payload));
            c.put("text", text);
        }
    }

    // ---------------------------------------------------------------- identities

    private ObjectNode identitiesDocument() {
        ObjectNode doc = NODES.objectNode();
        doc.put("description", "Identity normalisation and pseudonyms: identityHash = first 16 bytes of "
                + "HMAC-SHA-256(identitySecret from keys.json, US-ASCII normalised form).");
        ArrayNode valid = doc.putArray("valid");
        String[][] validInputs = {
                {"CNID", "11010519491231002X"},
                {"cnid", "11010519491231002x"},
                {"CNID", "  11010519491231002X\t"},
                {"CNID", "440524188001010014"},
                {"CNID", "510104200002290011"},
                {"PP-FRA", "18AV12345"},
                {"pp-fra", "18av12345"},
                {"PP-CHN", "E12345678"},
        };
        for (String[] input : validInputs) {
            Identity identity = Identity.of(input[0], input[1]);
            ObjectNode v = valid.addObject();
            v.put("documentType", input[0]);
            v.put("number", input[1]);
            v.put("normalised", identity.normalised());
            v.put("identityHash", identitySecret.pseudonymOf(identity).toString());
        }
        ArrayNode invalid = doc.putArray("invalid");
        String[][] invalidInputs = {
                {"CNID", "110105194912310021", "wrong check character"},
                {"CNID", "11010519491231002", "17 characters"},
                {"CNID", "1101051949123100211", "19 characters"},
                {"CNID", "110105194913310021", "month 13 in the birth date (check character correct)"},
                {"CNID", "510104190002290015", "29 February 1900, not a leap year (check character correct)"},
                {"CNID", "11010519491231002Y", "check character Y"},
                {"CNID", "1101051949123100X2", "X before the last position"},
                {"CNID", "１１０１０５１９４９１２３１００２Ｘ", "full-width digits"},
                {"PP-FR", "18AV12345", "two-letter country"},
                {"PP-FRA", "18AV-12345", "a hyphen in the number"},
                {"PP-FRA", "", "empty number"},
                {"PP-FRA", "123456789012345678901", "21 characters"},
                {"DL", "12345", "unknown document type"},
                {"PP- FRA", "18AV12345", "a space inside the document type"},
        };
        for (String[] input : invalidInputs) {
            ObjectNode v = invalid.addObject();
            v.put("documentType", input[0]);
            v.put("number", input[1]);
            v.put("why", input[2]);
        }
        return doc;
    }

    // ---------------------------------------------------------------- helpers

    private static ECPrivateKey deterministicKey(String label) {
        byte[] seed = EcdsaP256.sha256(bytes(label), 0, label.length());
        return P256Jca.privateKey(new BigInteger(1, seed).mod(P256.ORDER.subtract(BigInteger.ONE)).add(BigInteger.ONE));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex32(BigInteger value) {
        return HEX.formatHex(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, value));
    }

    private static byte[] withByte(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        copy[offset] = (byte) value;
        return copy;
    }

    private static byte[] withBytes(byte[] bytes, int offset, int... values) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < values.length; i++) {
            copy[offset + i] = (byte) values[i];
        }
        return copy;
    }

    private static byte[] flipBit(byte[] bytes, int offset, int bit) {
        byte[] copy = bytes.clone();
        copy[offset] ^= (byte) (1 << bit);
        return copy;
    }

    /** Scalar 0 is r, 1 is s. */
    private static BigInteger scalarAt(byte[] payload, int which) {
        return EcdsaP256.scalar(payload, PayloadV1.OFFSET_SIGNATURE + which * P256.SCALAR_BYTES);
    }

    private static byte[] withScalar(byte[] payload, int which, BigInteger value) {
        byte[] copy = payload.clone();
        byte[] encoded = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(P256.SCALAR_BYTES, value);
        System.arraycopy(encoded, 0, copy, PayloadV1.OFFSET_SIGNATURE + which * P256.SCALAR_BYTES, P256.SCALAR_BYTES);
        return copy;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "specs/vectors");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : new SpecVectorGenerator().files().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
    }
}
