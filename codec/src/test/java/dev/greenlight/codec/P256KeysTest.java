package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class P256KeysTest {

    private static final KeyPair PAIR = TestKeys.newKeyPair();
    private static final ECPublicKey PUBLIC = (ECPublicKey) PAIR.getPublic();
    private static final ECPrivateKey PRIVATE = (ECPrivateKey) PAIR.getPrivate();

    @Test
    void pem_roundTrip_keepsBothKeys() {
        assertEquals(PUBLIC.getW(), P256Keys.publicKeyFromPem(P256Keys.publicKeyToPem(PUBLIC)).getW());
        assertEquals(PRIVATE.getS(), P256Keys.privateKeyFromPem(P256Keys.privateKeyToPem(PRIVATE)).getS());
        assertEquals(PUBLIC.getW(), P256Keys.publicKeyOf(PRIVATE).getW());
    }

    @Test
    void privateKeyToPem_namesTheCurveByOid() {
        String pem = P256Keys.privateKeyToPem(PRIVATE);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        String hex = java.util.HexFormat.of().formatHex(der);
        assertTrue(hex.contains("06082a8648ce3d030107"), "prime256v1 OID in " + hex);
        assertTrue(der.length < 160, "explicit curve parameters would make " + der.length + " bytes");
    }

    @Test
    void jwk_roundTrip_carriesTheKeyIdAsKid() {
        String jwk = P256Keys.publicKeyToJwk(PUBLIC);
        assertTrue(jwk.contains("\"kid\":\"" + KeyId.of(PUBLIC) + "\""), jwk);
        assertEquals(PUBLIC.getW(), P256Keys.publicKeyFromJwk(jwk).getW());
        ECPublicKey other = (ECPublicKey) TestKeys.newKeyPair().getPublic();
        List<ECPublicKey> both = P256Keys.publicKeysFromJwks(P256Keys.publicKeysToJwks(List.of(PUBLIC, other)));
        assertEquals(List.of(PUBLIC.getW(), other.getW()), both.stream().map(ECPublicKey::getW).toList());
    }

    @Test
    void publicKeyFromJwk_kidOfAnotherKey_isRefused() {
        String jwk = P256Keys.publicKeyToJwk(PUBLIC).replace(KeyId.of(PUBLIC).toString(), "00000000");
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> P256Keys.publicKeyFromJwk(jwk));
        assertTrue(e.getMessage().contains("kid"), e.getMessage());
    }

    @Test
    void publicKeyFromJwk_withPrivatePart_isRefusedWithoutPrintingIt() throws Exception {
        String withD = new com.nimbusds.jose.jwk.ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, PUBLIC)
                .privateKey(PRIVATE).build().toJSONString();
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> P256Keys.publicKeyFromJwk(withD));
        assertTrue(e.getMessage().contains("private"), e.getMessage());
        String d = com.nimbusds.jose.util.Base64URL.encode(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, PRIVATE.getS())).toString();
        assertFalse(e.getMessage().contains(d));
    }

    @Test
    void loaders_p384Key_areRefusedNamingTheCurve() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = generator.generateKeyPair();
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(p384.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String privatePem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(p384.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";

        KeyFormatException publicError = assertThrows(KeyFormatException.class, () -> P256Keys.publicKeyFromPem(publicPem));
        KeyFormatException privateError = assertThrows(KeyFormatException.class, () -> P256Keys.privateKeyFromPem(privatePem));

        assertTrue(publicError.getMessage().contains("1.3.132.0.34"), publicError.getMessage());
        assertTrue(privateError.getMessage().contains("P-256"), privateError.getMessage());
        assertThrows(KeyFormatException.class, () -> TrustedKey.of((ECPublicKey) p384.getPublic()));
    }

    @Test
    void publicKeyFromPem_privateKeyPem_isRefusedAsMisplaced() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> P256Keys.publicKeyFromPem(P256Keys.privateKeyToPem(PRIVATE)));
        assertTrue(e.getMessage().contains("private key does not belong"), e.getMessage());
    }

    @Test
    void privateKeyFromPem_sec1OrEncrypted_explainsWhatToDo() {
        String sec1 = "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n";
        String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assertTrue(assertThrows(KeyFormatException.class, () -> P256Keys.privateKeyFromPem(sec1)).getMessage().contains("pkcs8"));
        assertTrue(assertThrows(KeyFormatException.class, () -> P256Keys.privateKeyFromPem(encrypted)).getMessage().contains("encrypted"));
    }

    @Test
    void publicKeyFromPem_garbage_isRefused() {
        assertThrows(KeyFormatException.class, () -> P256Keys.publicKeyFromPem("not a key"));
        assertThrows(KeyFormatException.class,
                () -> P256Keys.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n"));
        String pem = P256Keys.publicKeyToPem(PUBLIC);
        assertThrows(KeyFormatException.class, () -> P256Keys.publicKeyFromPem(pem + pem));
    }

    @Test
    void publicKeyFromPoint_offCurvePoint_isRefused() {
        byte[] point = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, PUBLIC.getW().getAffineX());
        byte[] encoded = new byte[65];
        encoded[0] = 4;
        System.arraycopy(point, 0, encoded, 1, 32);
        System.arraycopy(point, 0, encoded, 33, 32);
        assertThrows(KeyFormatException.class, () -> P256Keys.publicKeyFromPoint(encoded));
    }
}
