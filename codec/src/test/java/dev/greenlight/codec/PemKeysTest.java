package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.codec.internal.Pem;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemKeysTest {

    private static final KeyPair PAIR = TestKeys.newKeyPair();
    private static final ECPublicKey PUBLIC = (ECPublicKey) PAIR.getPublic();
    private static final ECPrivateKey PRIVATE = (ECPrivateKey) PAIR.getPrivate();

    @Test
    void pem_roundTrip_keepsBothKeys() {
        assertEquals(PUBLIC.getW(), PemKeys.publicKeyFromPem(PemKeys.publicKeyToPem(PUBLIC)).getW());
        assertEquals(PRIVATE.getS(), PemKeys.privateKeyFromPem(PemKeys.privateKeyToPem(PRIVATE)).getS());
    }

    @Test
    void privateKeyToPem_namesTheCurveByOid() {
        String pem = PemKeys.privateKeyToPem(PRIVATE);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        String hex = java.util.HexFormat.of().formatHex(der);
        assertTrue(hex.contains("06082a8648ce3d030107"), "prime256v1 OID in " + hex);
        assertTrue(der.length < 160, "explicit curve parameters would make " + der.length + " bytes");
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

        KeyFormatException publicError = assertThrows(KeyFormatException.class, () -> PemKeys.publicKeyFromPem(publicPem));
        KeyFormatException privateError = assertThrows(KeyFormatException.class, () -> PemKeys.privateKeyFromPem(privatePem));

        assertTrue(publicError.getMessage().contains("1.3.132.0.34"), publicError.getMessage());
        assertTrue(privateError.getMessage().contains("P-256"), privateError.getMessage());
        assertThrows(KeyFormatException.class, () -> TrustedKey.of((ECPublicKey) p384.getPublic()));
    }

    @Test
    void publicKeyFromPem_privateKeyPem_isRefusedAsMisplaced() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> PemKeys.publicKeyFromPem(PemKeys.privateKeyToPem(PRIVATE)));
        assertTrue(e.getMessage().contains("private key does not belong"), e.getMessage());
    }

    @Test
    void privateKeyFromPem_sec1OrEncrypted_explainsWhatToDo() {
        String sec1 = "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n";
        String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assertTrue(assertThrows(KeyFormatException.class, () -> PemKeys.privateKeyFromPem(sec1)).getMessage().contains("pkcs8"));
        assertTrue(assertThrows(KeyFormatException.class, () -> PemKeys.privateKeyFromPem(encrypted)).getMessage().contains("encrypted"));
    }

    @Test
    void publicKeyFromPem_garbage_isRefused() {
        assertThrows(KeyFormatException.class, () -> PemKeys.publicKeyFromPem("not a key"));
        assertThrows(KeyFormatException.class,
                () -> PemKeys.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n"));
        String pem = PemKeys.publicKeyToPem(PUBLIC);
        assertThrows(KeyFormatException.class, () -> PemKeys.publicKeyFromPem(pem + pem));
    }

    // ---- files of several keys: one linear reader

    @Test
    void publicKeysFromPem_severalBlocksWithTextBetween_allInOrder() {
        ECPublicKey first = (ECPublicKey) TestKeys.newKeyPair().getPublic();
        ECPublicKey second = (ECPublicKey) TestKeys.newKeyPair().getPublic();
        String file = "# issuer A\n" + PemKeys.publicKeyToPem(first) + "\n# issuer B\r\n"
                + PemKeys.publicKeyToPem(second).replace("\n", "\r\n");

        List<ECPublicKey> keys = PemKeys.publicKeysFromPem(file);

        assertEquals(List.of(first.getW(), second.getW()), keys.stream().map(ECPublicKey::getW).toList());
    }

    @Test
    void publicKeysFromPem_oneBadBlock_refusesTheFile() {
        String good = PemKeys.publicKeyToPem((ECPublicKey) TestKeys.newKeyPair().getPublic());

        assertThrows(KeyFormatException.class, () -> PemKeys.publicKeysFromPem(good + "-----BEGIN PUBLIC KEY-----\nAAAA\n"));
        assertThrows(KeyFormatException.class, () -> PemKeys.publicKeysFromPem(good + PemKeys.privateKeyToPem(
                (ECPrivateKey) TestKeys.newKeyPair().getPrivate())));
        assertThrows(KeyFormatException.class, () -> PemKeys.publicKeysFromPem("no PEM here"));
    }

    @Test
    void publicKeysFromPem_oneMebibyteOfBeginLines_refusedWellUnderASecond() {
        String line = "-----BEGIN PUBLIC KEY-----\n";
        String file = line.repeat(Pem.MAX_BUNDLE_CHARS / line.length());

        // A hang detector, not a benchmark: the backtracking pattern this replaces took 243 s here.
        assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(KeyFormatException.class, () -> PemKeys.publicKeysFromPem(file)));
    }

    @Test
    void publicKeysFromPem_overTheCaps_refused() {
        String pem = PemKeys.publicKeyToPem((ECPublicKey) TestKeys.newKeyPair().getPublic());
        int max = Pem.MAX_BLOCKS;

        assertEquals(max, PemKeys.publicKeysFromPem(pem.repeat(max)).size());
        KeyFormatException tooMany = assertThrows(KeyFormatException.class, () -> PemKeys.publicKeysFromPem(pem.repeat(max + 1)));
        assertTrue(tooMany.getMessage().contains("more than " + max), tooMany.getMessage());
        String tooLong = pem + " ".repeat(Pem.MAX_BUNDLE_CHARS + 1 - pem.length());
        assertThrows(KeyFormatException.class, () -> PemKeys.publicKeysFromPem(tooLong));
    }
}
