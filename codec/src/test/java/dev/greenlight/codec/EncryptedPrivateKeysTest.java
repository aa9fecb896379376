package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import org.junit.jupiter.api.Test;

class EncryptedPrivateKeysTest {

    private static final ECPrivateKey PRIVATE = (ECPrivateKey) TestKeys.newKeyPair().getPrivate();
    private static final char[] PASSPHRASE = "correct horse".toCharArray();
    // One encryption for the class: each costs PBKDF2_ITERATIONS rounds.
    private static final String PEM = EncryptedPrivateKeys.toPem(PRIVATE, PASSPHRASE, new SecureRandom());

    @Test
    void toPem_thenFromPem_sameKeyAndTheCallersPassphraseUntouched() {
        assertTrue(PEM.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"), PEM);
        assertTrue(EncryptedPrivateKeys.isEncrypted(PEM));
        assertFalse(EncryptedPrivateKeys.isEncrypted(PemKeys.privateKeyToPem(PRIVATE)));
        assertEquals(PRIVATE.getS(), EncryptedPrivateKeys.fromPem(PEM, PASSPHRASE).getS());
        assertEquals("correct horse", new String(PASSPHRASE));
    }

    @Test
    void fromPem_wrongPassphrase_saysSo() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> EncryptedPrivateKeys.fromPem(PEM, "wrong".toCharArray()));
        assertTrue(e.getMessage().contains("Wrong passphrase"), e.getMessage());
    }

    @Test
    void fromPem_plainKeyOrGarbage_keyFormatException() {
        KeyFormatException plain = assertThrows(KeyFormatException.class,
                () -> EncryptedPrivateKeys.fromPem(PemKeys.privateKeyToPem(PRIVATE), PASSPHRASE));
        assertTrue(plain.getMessage().contains("ENCRYPTED PRIVATE KEY"), plain.getMessage());
        assertThrows(KeyFormatException.class, () -> EncryptedPrivateKeys.fromPem(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", PASSPHRASE));
    }

    @Test
    void plainPrivateKeyFromPem_encryptedKey_pointsToThePassphrase() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> PemKeys.privateKeyFromPem(PEM));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }
}
