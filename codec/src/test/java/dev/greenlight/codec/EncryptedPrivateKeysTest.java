package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.greenlight.codec.internal.Pem;
import java.io.IOException;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    // ---- the parameters a key file chooses: refused before any key derivation starts

    /**
     * Not a speed assertion: a hang detector. A refused parameter must be refused before PBKDF2
     * runs; 2^31 - 1 iterations ran for half an hour.
     */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(2);
    private static final byte[] SALT = new byte[16];
    private static final ASN1Encodable IV = new DEROctetString(new byte[16]);

    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE, EncryptedPrivateKeys.MAX_PBKDF2_ITERATIONS + 1, 0, -1, Integer.MIN_VALUE,
            EncryptedPrivateKeys.MIN_PBKDF2_ITERATIONS - 1})
    void fromPem_iterationsOutOfRange_refusedAtOnce(int iterations) {
        String pem = pbes2Pem(SALT, iterations, NISTObjectIdentifiers.id_aes256_CBC, IV);

        KeyFormatException e = assertTimeoutPreemptively(REFUSED_WITHIN,
                () -> assertThrows(KeyFormatException.class, () -> EncryptedPrivateKeys.fromPem(pem, PASSPHRASE)));

        assertTrue(e.getMessage().contains("iterations"), e.getMessage());
    }

    @Test
    void fromPem_iterationsAtTheMinimum_accepted() {
        String pem = pbes2Pem(SALT, EncryptedPrivateKeys.MIN_PBKDF2_ITERATIONS, NISTObjectIdentifiers.id_aes256_CBC, IV);

        KeyFormatException e = assertThrows(KeyFormatException.class, () -> EncryptedPrivateKeys.fromPem(pem, PASSPHRASE));

        // The parameters passed; the made-up ciphertext is what fails.
        assertTrue(e.getMessage().startsWith("Wrong passphrase"), e.getMessage());
    }

    @Test
    void pbkdf2Iterations_whatWeWrite_isInsideTheAcceptedRange() {
        assertTrue(EncryptedPrivateKeys.PBKDF2_ITERATIONS >= EncryptedPrivateKeys.MIN_PBKDF2_ITERATIONS);
        assertTrue(EncryptedPrivateKeys.PBKDF2_ITERATIONS <= EncryptedPrivateKeys.MAX_PBKDF2_ITERATIONS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, EncryptedPrivateKeys.MIN_SALT_BYTES - 1, EncryptedPrivateKeys.MAX_SALT_BYTES + 1})
    void fromPem_saltLengthOutOfRange_keyFormatException(int saltBytes) {
        String pem = pbes2Pem(new byte[saltBytes], 2048, NISTObjectIdentifiers.id_aes256_CBC, IV);

        KeyFormatException e = assertThrows(KeyFormatException.class, () -> EncryptedPrivateKeys.fromPem(pem, PASSPHRASE));

        assertTrue(e.getMessage().contains("salt"), e.getMessage());
    }

    @Test
    void fromPem_ivMissingNullOrNot16Bytes_keyFormatException() {
        for (ASN1Encodable iv : new ASN1Encodable[] {null, DERNull.INSTANCE, new DEROctetString(new byte[0]),
                new DEROctetString(new byte[15]), new DEROctetString(new byte[17])}) {
            String pem = pbes2Pem(SALT, 2048, NISTObjectIdentifiers.id_aes256_CBC, iv);

            KeyFormatException e = assertThrows(KeyFormatException.class,
                    () -> EncryptedPrivateKeys.fromPem(pem, PASSPHRASE), String.valueOf(iv));

            assertTrue(e.getMessage().contains("IV"), e.getMessage());
        }
    }

    @Test
    void fromPem_cipherWeDoNotWrite_keyFormatException() {
        String pem = pbes2Pem(SALT, 2048, NISTObjectIdentifiers.id_aes192_CBC, IV);

        assertThrows(KeyFormatException.class, () -> EncryptedPrivateKeys.fromPem(pem, PASSPHRASE));
    }

    /** An {@code ENCRYPTED PRIVATE KEY} block with the given PBES2 parameters over 48 zero bytes (not a key). */
    static String pbes2Pem(byte[] salt, int iterations, ASN1ObjectIdentifier cipher, ASN1Encodable iv) {
        PBES2Parameters parameters = new PBES2Parameters(
                new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, iterations,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))),
                new EncryptionScheme(cipher, iv));
        byte[] encrypted = new byte[48];
        try {
            return Pem.encode(EncryptedPrivateKeys.LABEL, new EncryptedPrivateKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, parameters), encrypted).getEncoded());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
