package dev.greenlight.codec;

import static dev.greenlight.codec.SpecVectors.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import dev.greenlight.codec.internal.wire.Base45;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The specification's vectors ({@code specs/vectors/}) against the codec: every case verifies
 * to its expected result, every stage of a valid case is consistent, and the committed files are
 * exactly what {@link SpecVectorGenerator} produces from its fixed inputs.
 */
class SpecVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Named<JsonNode>> codeCases() {
        return SpecVectors.byId(read(SpecVectorGenerator.CODES_FILE).get("cases"));
    }

    @Test
    void committedVectors_equalWhatTheCodeProduces() throws IOException {
        SpecVectors.assertCommittedFilesEqual(new SpecVectorGenerator().files());
    }

    @ParameterizedTest
    @MethodSource("codeCases")
    void verify_specCase_givesExpectedResult(JsonNode c) {
        List<TrustedKey> trusted = new ArrayList<>();
        for (JsonNode name : c.get("trustedKeys")) {
            TrustedKey key = TrustedKey.of(publicKey(name.asText()));
            JsonNode window = c.path("signingWindows").get(name.asText());
            if (window != null) {
                key = key.withSigningWindow(new SigningWindow(Instant.parse(window.get("notBefore").asText()),
                        Instant.parse(window.get("notAfter").asText())));
            }
            trusted.add(key);
        }
        Set<String> revokedSerials = new HashSet<>();
        c.path("revoked").path("serials").forEach(r -> revokedSerials.add(r.get("keyId").asText() + "/" + r.get("serial").asText()));
        Set<String> revokedKeys = new HashSet<>();
        c.path("revoked").path("keys").forEach(k -> revokedKeys.add(k.asText()));
        Verifier verifier = Verifier.builder(TrustedKeys.ofTrusted(trusted),
                Clock.fixed(Instant.parse(c.get("clock").asText()), ZoneOffset.UTC))
                .revocations((keyId, serial) -> revokedKeys.contains(keyId.toString())
                        || revokedSerials.contains(keyId + "/" + serial))
                .clockSkew(Duration.ofSeconds(c.get("clockSkewSeconds").asLong()))
                .build();

        VerificationResult result = verifier.verify(c.get("text").asText());

        JsonNode expected = c.get("expected");
        if (expected.get("result").asText().equals("valid")) {
            assertTrue(result.isValid(), result::toString);
            assertClaimsMatchFields(c.get("fields"), result.code().claims());
        } else {
            assertFalse(result.isValid(), "expected a rejection, got " + result);
            assertEquals(RejectionReason.valueOf(expected.get("reason").asText()), result.reason(), result::message);
        }
    }

    @ParameterizedTest
    @MethodSource("codeCases")
    void stages_ofEachCase_areConsistent(JsonNode c) {
        String text = c.get("text").asText();
        if (c.has("payload")) {
            byte[] payload = HEX.parseHex(c.get("payload").asText());
            assertEquals("GL1:" + Base45.getEncoder().encodeToString(payload), text);
        }
        if (!c.has("fields")) {
            return;
        }
        JsonNode keys = read(SpecVectorGenerator.KEYS_FILE);
        JsonNode fields = c.get("fields");
        assertEquals(c.get("signedBytes").asText() + c.get("signature").asText(), c.get("payload").asText());
        byte[] signed = HEX.parseHex(c.get("signedBytes").asText());
        assertEquals(c.get("signedBytesSha256").asText(), HEX.formatHex(EcdsaP256.sha256(signed, 0, signed.length)));
        assertEquals(keys.get("keys").get(c.get("signedBy").asText()).get("keyId").asText(), fields.get("keyId").asText());
        IdentitySecret secret = IdentitySecret.of(HEX.parseHex(keys.get("identitySecret").asText()));
        JsonNode identity = c.get("identity");
        Identity parsed = Identity.of(identity.get("documentType").asText(), identity.get("normalised").asText().split(":", 2)[1]);
        assertEquals(fields.get("identityHash").asText(), secret.pseudonymOf(parsed).toString());
        BigInteger s = new BigInteger(1, HEX.parseHex(c.get("signature").asText().substring(64)));
        assertTrue(s.compareTo(dev.greenlight.codec.internal.ec.P256.HALF_ORDER) <= 0, "issuers emit low S only");
    }

    @Test
    void codeCases_coverEveryReasonWithEnoughCases() {
        Set<RejectionReason> covered = EnumSet.noneOf(RejectionReason.class);
        int valid = 0;
        int invalid = 0;
        for (JsonNode c : (Iterable<JsonNode>) codeCases().map(Named::getPayload)::iterator) {
            JsonNode expected = c.get("expected");
            if (expected.get("result").asText().equals("valid")) {
                valid++;
            } else {
                invalid++;
                covered.add(RejectionReason.valueOf(expected.get("reason").asText()));
            }
        }
        assertTrue(valid >= 10, "at least 10 valid vectors, found " + valid);
        assertTrue(invalid >= 25, "at least 25 invalid vectors, found " + invalid);
        assertEquals(EnumSet.allOf(RejectionReason.class), covered);
    }

    @Test
    void keys_pemJwkAndPoint_describeTheSameKey() {
        read(SpecVectorGenerator.KEYS_FILE).get("keys").forEach(k -> {
            ECPublicKey fromPem = PemKeys.publicKeyFromPem(k.get("publicKeySpkiPem").asText());
            ECPublicKey fromJwk = JwkKeys.publicKeyFromJwk(k.get("publicJwk").toString());
            ECPublicKey fromPoint = PointKeys.publicKeyFromPoint(HEX.parseHex(k.get("publicUncompressed").asText()));
            ECPublicKey fromPrivate = P256KeyPairs.publicKeyOf(PemKeys.privateKeyFromPem(k.get("privateKeyPkcs8Pem").asText()));
            for (ECPublicKey key : List.of(fromJwk, fromPoint, fromPrivate)) {
                assertEquals(fromPem.getW(), key.getW());
            }
            assertEquals(k.get("keyId").asText(), KeyId.of(fromPem).toString());
        });
    }

    static Stream<Named<JsonNode>> validIdentities() {
        return SpecVectors.named(read(SpecVectorGenerator.IDENTITIES_FILE).get("valid"),
                c -> c.get("documentType").asText() + " " + c.get("number").asText());
    }

    static Stream<Named<JsonNode>> invalidIdentities() {
        return SpecVectors.named(read(SpecVectorGenerator.IDENTITIES_FILE).get("invalid"), c -> c.get("why").asText());
    }

    @ParameterizedTest
    @MethodSource("validIdentities")
    void identity_specVector_normalisesAndHashes(JsonNode c) {
        IdentitySecret secret = IdentitySecret.of(HEX.parseHex(read(SpecVectorGenerator.KEYS_FILE).get("identitySecret").asText()));

        Identity identity = Identity.of(c.get("documentType").asText(), c.get("number").asText());

        assertEquals(c.get("normalised").asText(), identity.normalised());
        assertEquals(c.get("identityHash").asText(), secret.pseudonymOf(identity).toString());
    }

    @ParameterizedTest
    @MethodSource("invalidIdentities")
    void identity_invalidSpecVector_isRefused(JsonNode c) {
        assertThrows(InvalidIdentityException.class,
                () -> Identity.of(c.get("documentType").asText(), c.get("number").asText()));
    }

    static Stream<Named<JsonNode>> invalidPublicKeys() {
        return SpecVectors.named(read(SpecVectorGenerator.KEYS_FILE).get("invalidPublicKeys"),
                c -> c.get("format").asText() + ": " + c.get("why").asText());
    }

    @ParameterizedTest
    @MethodSource("invalidPublicKeys")
    void keyLoader_invalidSpecKey_isRefused(JsonNode c) {
        String value = c.get("value").asText();
        switch (c.get("format").asText()) {
            case "point" -> assertThrows(KeyFormatException.class, () -> PointKeys.publicKeyFromPoint(HEX.parseHex(value)));
            case "spki" -> assertThrows(KeyFormatException.class, () -> PemKeys.publicKeyFromSpki(HEX.parseHex(value)));
            case "jwk" -> assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeyFromJwk(value));
            case "jwks" -> assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeysFromJwks(value));
            default -> throw new AssertionError("unknown key format " + c.get("format"));
        }
    }

    @Test
    void base45_specVectors_encodeAndDecodeStrictly() {
        JsonNode doc = read(SpecVectorGenerator.BASE45_FILE);
        for (JsonNode c : doc.get("valid")) {
            byte[] bytes = HEX.parseHex(c.get("bytes").asText());
            assertEquals(c.get("text").asText(), Base45.getEncoder().encodeToString(bytes));
            assertEquals(c.get("bytes").asText(), HEX.formatHex(Base45.getDecoder().decode(c.get("text").asText())));
        }
        for (JsonNode c : doc.get("invalid")) {
            assertThrows(IllegalArgumentException.class, () -> Base45.getDecoder().decode(c.get("text").asText()),
                    c.get("why").asText());
        }
    }

    private static ECPublicKey publicKey(String name) {
        JsonNode key = read(SpecVectorGenerator.KEYS_FILE).get("keys").get(name);
        return PemKeys.publicKeyFromPem(key.get("publicKeySpkiPem").asText());
    }

    private static void assertClaimsMatchFields(JsonNode fields, CodeClaims claims) {
        assertEquals(fields.get("keyId").asText(), claims.keyId().toString());
        assertEquals(fields.get("serial").asText(), claims.serial().toString());
        assertEquals(fields.get("identityHash").asText(), claims.identityHash().toString());
        assertEquals(Colour.parse(fields.get("colour").asText()), claims.colour());
        assertEquals(Instant.parse(fields.get("issuedAt").asText()), claims.issuedAt());
        assertEquals(Instant.parse(fields.get("expiresAt").asText()), claims.expiresAt());
    }
}
