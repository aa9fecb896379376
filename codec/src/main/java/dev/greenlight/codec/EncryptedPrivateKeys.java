package dev.greenlight.codec;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import dev.greenlight.codec.internal.Pem;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
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

/**
 * P-256 private keys as encrypted PKCS#8 PEM ({@code ENCRYPTED PRIVATE KEY}, PKCS#5 v2.0 PBES2:
 * PBKDF2 with HMAC-SHA-256 and AES-256-CBC, the form {@code openssl pkcs8 -topk8 -v2 aes-256-cbc
 * -v2prf hmacWithSHA256} writes and reads). Reading also takes AES-128-CBC and HMAC-SHA-1, which
 * older openssl versions wrote.
 *
 * <p>Passphrases are {@code char[]} so that the caller can clear them; nothing here keeps a copy,
 * and the derived AES key and the decrypted PKCS#8 bytes are cleared after use.
 *
 * <p>The JDK does the cryptography and BouncyCastle's ASN.1 classes the encoding: the JDK 17
 * {@code EncryptedPrivateKeyInfo} cannot encode PBES2 parameters, and bcpkix would be a whole
 * library for forty lines.
 */
public final class EncryptedPrivateKeys {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256: about half a second per load. */
    static final int PBKDF2_ITERATIONS = 600_000;

    /**
     * The fewest PBKDF2 iterations a key file may ask for: openssl's default for {@code pkcs8 -topk8}
     * is 2,048; fewer would make a stolen key file cheap to brute-force, and 0 or a negative count is
     * not a derivation at all.
     */
    static final int MIN_PBKDF2_ITERATIONS = 1_000;
    /**
     * The most PBKDF2 iterations a key file may ask for: a little over three times what we write, so
     * at most a couple of seconds per load on a laptop. The count is the file's to choose, and without
     * a cap a 2^31 - 1 in a corrupt or hostile file held {@code issue} for half an hour.
     */
    static final int MAX_PBKDF2_ITERATIONS = 2_000_000;
    /** RFC 8018 asks for at least 8 bytes of salt; openssl writes 8 or 16, we write 16. */
    static final int MIN_SALT_BYTES = 8;
    static final int MAX_SALT_BYTES = 64;
    /** The AES block: AES-CBC takes exactly a 16-byte IV. */
    static final int IV_BYTES = 16;

    static final String LABEL = "ENCRYPTED PRIVATE KEY";

    private static final int SALT_BYTES = 16;
    private static final int AES_256_KEY_BYTES = 32;
    private static final AlgorithmIdentifier HMAC_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private EncryptedPrivateKeys() {
    }

    /**
     * Whether a key file's text holds an encrypted private key, so a passphrase is needed to read
     * it. Looks only for the BEGIN line: {@link #fromPem} still checks the rest.
     *
     * @param pem the key file's text
     * @return true if it holds an {@code ENCRYPTED PRIVATE KEY} block
     */
    public static boolean isEncrypted(String pem) {
        return pem.contains("-----BEGIN " + LABEL + "-----");
    }

    /**
     * The key as an {@code ENCRYPTED PRIVATE KEY} PEM block under {@code passphrase}: PBKDF2-HMAC-SHA256
     * with a random 16-byte salt and 600,000 iterations (about half a second), then AES-256-CBC.
     *
     * @param key        a P-256 private key
     * @param passphrase not kept; the caller may clear it afterwards
     * @param random     the source of the salt and the IV
     * @return the PEM text, ending in a line break
     * @throws KeyFormatException if the key is not on P-256 or its scalar is outside [1, n-1]
     */
    public static String toPem(ECPrivateKey key, char[] passphrase, SecureRandom random) {
        Objects.requireNonNull(passphrase, "passphrase");
        byte[] pkcs8 = PemKeys.privateKeyToPkcs8(key);
        try {
            return Pem.encode(LABEL, encrypt(pkcs8, passphrase, random));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * Decrypts an {@code ENCRYPTED PRIVATE KEY} PEM block. Takes as long as the iteration count
     * in the file asks for.
     *
     * @param pem        the key file's text: exactly one PEM block
     * @param passphrase not kept; the caller may clear it afterwards
     * @return the P-256 private key
     * @throws KeyFormatException for a wrong passphrase, a corrupt file, an unsupported scheme,
     *         or a key that is not a P-256 key
     */
    public static ECPrivateKey fromPem(String pem, char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        Pem.Block block = PemKeys.decodePem(pem);
        if (!block.label().equals(LABEL)) {
            throw new KeyFormatException("No '" + LABEL + "' PEM block in the key file");
        }
        byte[] pkcs8 = decrypt(parsePbes2(block.der()), passphrase);
        try {
            return PemKeys.privateKeyFromPkcs8(pkcs8);
        } catch (KeyFormatException e) {
            throw new KeyFormatException("Wrong passphrase, or the key file is corrupt", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static byte[] encrypt(byte[] pkcs8, char[] passphrase, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] aesKey = null;
        try {
            aesKey = pbkdf2("PBKDF2WithHmacSHA256", passphrase, salt, PBKDF2_ITERATIONS, AES_256_KEY_BYTES);
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(pkcs8);
            PBES2Parameters parameters = new PBES2Parameters(
                    new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                            new PBKDF2Params(salt, PBKDF2_ITERATIONS, AES_256_KEY_BYTES, HMAC_SHA256)),
                    new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
            return new EncryptedPrivateKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, parameters), encrypted).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot encrypt the private key: " + e.getClass().getSimpleName(), e);
        } finally {
            if (aesKey != null) {
                Arrays.fill(aesKey, (byte) 0);
            }
        }
    }

    /**
     * Every parameter of the encryption, read from the DER {@code EncryptedPrivateKeyInfo}: the
     * one place that decides which schemes, functions and parameters are accepted. Only what we or
     * openssl write: PBES2 with PBKDF2 (HMAC-SHA-256 or -SHA-1, {@value #MIN_PBKDF2_ITERATIONS} to
     * {@value #MAX_PBKDF2_ITERATIONS} iterations, a salt of {@value #MIN_SALT_BYTES} to
     * {@value #MAX_SALT_BYTES} bytes, no key length other than the cipher's) and AES-256-CBC or
     * AES-128-CBC with a 16-byte IV. Everything else is a {@link KeyFormatException} before any
     * key derivation starts.
     */
    private static Pbes2 parsePbes2(byte[] der) {
        try {
            EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(der);
            if (!PKCSObjectIdentifiers.id_PBES2.equals(info.getEncryptionAlgorithm().getAlgorithm())) {
                throw new KeyFormatException("The key is encrypted with "
                        + info.getEncryptionAlgorithm().getAlgorithm() + "; only PBES2 (PKCS#5 v2.0) is supported");
            }
            PBES2Parameters parameters = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
            if (!PKCSObjectIdentifiers.id_PBKDF2.equals(parameters.getKeyDerivationFunc().getAlgorithm())) {
                throw new KeyFormatException("Only PBKDF2 is supported as the key derivation function");
            }
            PBKDF2Params kdf = PBKDF2Params.getInstance(parameters.getKeyDerivationFunc().getParameters());
            ASN1ObjectIdentifier scheme = parameters.getEncryptionScheme().getAlgorithm();
            int keyBytes;
            if (NISTObjectIdentifiers.id_aes256_CBC.equals(scheme)) {
                keyBytes = 32;
            } else if (NISTObjectIdentifiers.id_aes128_CBC.equals(scheme)) {
                keyBytes = 16;
            } else {
                throw new KeyFormatException("Unsupported cipher " + scheme + ": use AES-256-CBC or AES-128-CBC");
            }
            String prf = prfAlgorithm(kdf.getPrf().getAlgorithm());
            BigInteger iterations = kdf.getIterationCount();
            if (iterations.compareTo(BigInteger.valueOf(MIN_PBKDF2_ITERATIONS)) < 0
                    || iterations.compareTo(BigInteger.valueOf(MAX_PBKDF2_ITERATIONS)) > 0) {
                throw new KeyFormatException("The key file asks for " + iterations + " PBKDF2 iterations; "
                        + MIN_PBKDF2_ITERATIONS + " to " + MAX_PBKDF2_ITERATIONS + " are accepted");
            }
            byte[] salt = kdf.getSalt();
            if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
                throw new KeyFormatException("The key file's PBKDF2 salt is " + salt.length + " bytes; "
                        + MIN_SALT_BYTES + " to " + MAX_SALT_BYTES + " are accepted");
            }
            BigInteger keyLength = kdf.getKeyLength();
            if (keyLength != null && !keyLength.equals(BigInteger.valueOf(keyBytes))) {
                throw new KeyFormatException("The key file's PBKDF2 key length " + keyLength
                        + " does not match its cipher (" + keyBytes + " bytes)");
            }
            ASN1Encodable ivParameter = parameters.getEncryptionScheme().getParameters();
            if (!(ivParameter instanceof ASN1OctetString ivOctets) || ivOctets.getOctets().length != IV_BYTES) {
                throw new KeyFormatException("The key file's AES-CBC IV is not " + IV_BYTES + " bytes");
            }
            // In range, so intValue() is exact (and Android has intValueExact only from API 31).
            return new Pbes2(prf, salt, iterations.intValue(), keyBytes, ivOctets.getOctets(), info.getEncryptedData());
        } catch (KeyFormatException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new KeyFormatException("The encrypted key is not valid PKCS#8 (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String prfAlgorithm(ASN1ObjectIdentifier prf) {
        if (PKCSObjectIdentifiers.id_hmacWithSHA256.equals(prf)) {
            return "PBKDF2WithHmacSHA256";
        }
        if (PKCSObjectIdentifiers.id_hmacWithSHA1.equals(prf)) {
            return "PBKDF2WithHmacSHA1";
        }
        throw new KeyFormatException("Unsupported PBKDF2 function " + prf + ": use hmacWithSHA256");
    }

    private static byte[] decrypt(Pbes2 pbes2, char[] passphrase) {
        byte[] aesKey = null;
        try {
            aesKey = pbkdf2(pbes2.prf(), passphrase, pbes2.salt(), pbes2.iterations(), pbes2.keyBytes());
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(pbes2.iv()));
            return cipher.doFinal(pbes2.encryptedData());
        } catch (BadPaddingException e) {
            throw new KeyFormatException("Wrong passphrase, or the key file is corrupt");
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("Cannot decrypt the key: " + e.getClass().getSimpleName(), e);
        } finally {
            if (aesKey != null) {
                Arrays.fill(aesKey, (byte) 0);
            }
        }
    }

    private static byte[] pbkdf2(String algorithm, char[] passphrase, byte[] salt, int iterations, int keyBytes)
            throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret((KeySpec) spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    /** The parameters of one PBES2 encryption (PBKDF2 and AES-CBC) and the data it encrypted. */
    private record Pbes2(String prf, byte[] salt, int iterations, int keyBytes, byte[] iv, byte[] encryptedData) {
    }
}
