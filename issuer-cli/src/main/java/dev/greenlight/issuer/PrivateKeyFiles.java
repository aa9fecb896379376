package dev.greenlight.issuer;

import dev.greenlight.codec.KeyFormatException;
import dev.greenlight.codec.P256Keys;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.DERNull;

/**
 * Private keys as PKCS#8 PEM, plain ({@code PRIVATE KEY}) or encrypted ({@code ENCRYPTED PRIVATE
 * KEY}, PKCS#5 v2.0 PBES2: PBKDF2 with HMAC-SHA-256 and AES-256-CBC, the form {@code openssl
 * pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256} writes and reads).
 *
 * <p>The JDK does the cryptography and BouncyCastle's ASN.1 classes (already on the class path
 * through bcprov) the encoding: the JDK 17 {@code EncryptedPrivateKeyInfo} cannot encode PBES2
 * parameters, and bcpkix would be a whole library for forty lines.
 */
final class PrivateKeyFiles {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256: about half a second per load here. */
    static final int PBKDF2_ITERATIONS = 600_000;

    private static final String ENCRYPTED_LABEL = "ENCRYPTED PRIVATE KEY";
    private static final Pattern ENCRYPTED_BLOCK = Pattern.compile(
            "-----BEGIN " + ENCRYPTED_LABEL + "-----\\R(.*?)-----END " + ENCRYPTED_LABEL + "-----", Pattern.DOTALL);
    private static final AlgorithmIdentifier HMAC_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private PrivateKeyFiles() {
    }

    static boolean isEncrypted(String pem) {
        return pem.contains("-----BEGIN " + ENCRYPTED_LABEL + "-----");
    }

    static String toPem(ECPrivateKey key, char[] passphrase, SecureRandom random) {
        if (passphrase == null) {
            return P256Keys.privateKeyToPem(key);
        }
        return encrypt(key.getEncoded(), passphrase, random, PBKDF2_ITERATIONS);
    }

    static String encrypt(byte[] pkcs8, char[] passphrase, SecureRandom random, int iterations) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        try {
            byte[] aesKey = pbkdf2(passphrase, salt, iterations, 32);
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(pkcs8);
            Arrays.fill(aesKey, (byte) 0);
            PBES2Parameters parameters = new PBES2Parameters(
                    new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, iterations, 32, HMAC_SHA256)),
                    new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, parameters), encrypted);
            return pem(ENCRYPTED_LABEL, info.getEncoded());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot encrypt the private key: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * @param passphrase asked for only if the key is encrypted
     * @throws CliException {@link ExitCodes#KEY_ERROR} for a wrong passphrase or an unreadable key
     */
    static ECPrivateKey fromPem(String pem, PassphraseSource passphrase) {
        if (!isEncrypted(pem)) {
            try {
                return P256Keys.privateKeyFromPem(pem);
            } catch (KeyFormatException e) {
                throw new CliException(ExitCodes.KEY_ERROR, e.getMessage(), e);
            }
        }
        char[] secret = passphrase.read("Passphrase for the signing key");
        try {
            byte[] pkcs8 = decrypt(pem, secret);
            try {
                return P256Keys.privateKeyFromPkcs8(pkcs8);
            } catch (KeyFormatException e) {
                throw new CliException(ExitCodes.KEY_ERROR, "Wrong passphrase, or the key file is corrupt", e);
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    static byte[] decrypt(String pem, char[] passphrase) {
        Matcher matcher = ENCRYPTED_BLOCK.matcher(pem);
        if (!matcher.find()) {
            throw new CliException(ExitCodes.KEY_ERROR, "No '" + ENCRYPTED_LABEL + "' PEM block in the key file");
        }
        EncryptedPrivateKeyInfo info;
        PBES2Parameters parameters;
        PBKDF2Params kdf;
        try {
            info = EncryptedPrivateKeyInfo.getInstance(Base64.getMimeDecoder().decode(matcher.group(1)));
            if (!PKCSObjectIdentifiers.id_PBES2.equals(info.getEncryptionAlgorithm().getAlgorithm())) {
                throw new CliException(ExitCodes.KEY_ERROR, "The key is encrypted with "
                        + info.getEncryptionAlgorithm().getAlgorithm() + "; only PBES2 (PKCS#5 v2.0) is supported");
            }
            parameters = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
            if (!PKCSObjectIdentifiers.id_PBKDF2.equals(parameters.getKeyDerivationFunc().getAlgorithm())) {
                throw new CliException(ExitCodes.KEY_ERROR, "Only PBKDF2 is supported as the key derivation function");
            }
            kdf = PBKDF2Params.getInstance(parameters.getKeyDerivationFunc().getParameters());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(ExitCodes.KEY_ERROR, "The encrypted key is not valid PKCS#8 ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        ASN1ObjectIdentifier scheme = parameters.getEncryptionScheme().getAlgorithm();
        int keyBytes;
        if (NISTObjectIdentifiers.id_aes256_CBC.equals(scheme)) {
            keyBytes = 32;
        } else if (NISTObjectIdentifiers.id_aes128_CBC.equals(scheme)) {
            keyBytes = 16;
        } else {
            throw new CliException(ExitCodes.KEY_ERROR, "Unsupported cipher " + scheme + ": use AES-256-CBC or AES-128-CBC");
        }
        String prf = prfAlgorithm(kdf);
        byte[] iv = DEROctetString.getInstance(parameters.getEncryptionScheme().getParameters()).getOctets();
        try {
            byte[] aesKey = pbkdf2(prf, passphrase, kdf.getSalt(), kdf.getIterationCount().intValueExact(), keyBytes);
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
            Arrays.fill(aesKey, (byte) 0);
            return cipher.doFinal(info.getEncryptedData());
        } catch (BadPaddingException e) {
            throw new CliException(ExitCodes.KEY_ERROR, "Wrong passphrase, or the key file is corrupt");
        } catch (GeneralSecurityException | ArithmeticException e) {
            throw new CliException(ExitCodes.KEY_ERROR, "Cannot decrypt the key: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String prfAlgorithm(PBKDF2Params kdf) {
        ASN1ObjectIdentifier prf = kdf.getPrf().getAlgorithm();
        if (PKCSObjectIdentifiers.id_hmacWithSHA256.equals(prf)) {
            return "PBKDF2WithHmacSHA256";
        }
        if (PKCSObjectIdentifiers.id_hmacWithSHA1.equals(prf)) {
            return "PBKDF2WithHmacSHA1";
        }
        throw new CliException(ExitCodes.KEY_ERROR, "Unsupported PBKDF2 function " + prf + ": use hmacWithSHA256");
    }

    private static byte[] pbkdf2(char[] passphrase, byte[] salt, int iterations, int keyBytes) throws GeneralSecurityException {
        return pbkdf2("PBKDF2WithHmacSHA256", passphrase, salt, iterations, keyBytes);
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

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
