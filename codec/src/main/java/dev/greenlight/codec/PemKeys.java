package dev.greenlight.codec;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import dev.greenlight.codec.internal.Pem;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * P-256 keys as PEM: public keys as {@code PUBLIC KEY} (DER SubjectPublicKeyInfo), private keys
 * as {@code PRIVATE KEY} (unencrypted PKCS#8). Encrypted PKCS#8 is {@link EncryptedPrivateKeys}'s.
 *
 * <p>Every reader refuses, with a {@link KeyFormatException} that says why, a key not on P-256, a
 * point not on the curve, and any encoding other than the canonical one. No message quotes
 * private key material.
 */
public final class PemKeys {

    private static final String PUBLIC_KEY_LABEL = "PUBLIC KEY";
    private static final String PRIVATE_KEY_LABEL = "PRIVATE KEY";

    private PemKeys() {
    }

    /**
     * Reads a {@code PUBLIC KEY} PEM block holding a P-256 key.
     *
     * @param pem the key file's text: exactly one PEM block
     * @return the public key
     * @throws KeyFormatException if the text is not one PEM block, the block is not a
     *         {@code PUBLIC KEY} (a private key is named as such), or its content is refused as
     *         {@link #publicKeyFromSpki} refuses it
     */
    public static ECPublicKey publicKeyFromPem(String pem) {
        return publicKey(decodePem(pem));
    }

    private static ECPublicKey publicKey(Pem.Block block) {
        if (!block.label().equals(PUBLIC_KEY_LABEL)) {
            throw new KeyFormatException("Expected a PEM '" + PUBLIC_KEY_LABEL + "' block, found '" + block.label() + "'"
                    + (block.label().contains("PRIVATE") ? ": a private key does not belong where a public key is expected" : ""));
        }
        return publicKeyFromSpki(block.der());
    }

    /**
     * Every {@code PUBLIC KEY} block of a file of several (a trust file), in order: at most
     * {@value Pem#MAX_BUNDLE_CHARS} characters and {@value Pem#MAX_BLOCKS} blocks, read in linear
     * time. Any block that is not a P-256 public key fails the whole read.
     *
     * @param pem a file's text: one or more {@code PUBLIC KEY} blocks, text between them ignored
     * @return the keys, in file order; never empty
     * @throws KeyFormatException if the text is over the caps, has no block or a malformed one, or
     *         a block is not a P-256 {@code PUBLIC KEY}
     */
    public static List<ECPublicKey> publicKeysFromPem(String pem) {
        List<Pem.Block> blocks;
        try {
            blocks = Pem.decodeAll(pem, Pem.MAX_BUNDLE_CHARS, Pem.MAX_BLOCKS);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("Not a PEM key file: " + e.getMessage(), e);
        }
        List<ECPublicKey> keys = new ArrayList<>(blocks.size());
        for (Pem.Block block : blocks) {
            keys.add(publicKey(block));
        }
        return List.copyOf(keys);
    }

    /**
     * The key as a {@code PUBLIC KEY} PEM block: SubjectPublicKeyInfo naming the curve by OID,
     * uncompressed point, whatever provider made the key.
     *
     * @param key a P-256 public key
     * @return the PEM text, ending in a line break
     * @throws IllegalArgumentException if the key is not a valid P-256 public key
     */
    public static String publicKeyToPem(ECPublicKey key) {
        return Pem.encode(PUBLIC_KEY_LABEL, PublicKeyEncoding.spki(PublicKeyEncoding.pointOf(key)));
    }

    /**
     * The public key from a DER SubjectPublicKeyInfo with the named curve P-256 (prime256v1).
     *
     * @param der the canonical DER encoding
     * @return the public key
     * @throws KeyFormatException if the DER is not an EC SubjectPublicKeyInfo, names another curve
     *         or spells out curve parameters, is not canonical, or holds a point off the curve
     */
    public static ECPublicKey publicKeyFromSpki(byte[] der) {
        byte[] point = PublicKeyEncoding.pointFromSpki(der);
        if (point == null) {
            throw new KeyFormatException(describeUnacceptableSpki(der));
        }
        return PointKeys.publicKeyFromPoint(point);
    }

    /**
     * Reads a PKCS#8 {@code PRIVATE KEY} PEM block holding a P-256 key. Encrypted keys are
     * {@link EncryptedPrivateKeys#fromPem}'s.
     *
     * @param pem the key file's text: exactly one PEM block
     * @return the private key
     * @throws KeyFormatException if the text is not one PEM block, the block is encrypted, SEC1
     *         ({@code EC PRIVATE KEY}, with the openssl command that converts it) or another label,
     *         or the key is not a P-256 key with a scalar in [1, n-1]; no message quotes key bytes
     */
    public static ECPrivateKey privateKeyFromPem(String pem) {
        Pem.Block block = decodePem(pem);
        switch (block.label()) {
            case PRIVATE_KEY_LABEL:
                break;
            case EncryptedPrivateKeys.LABEL:
                throw new KeyFormatException("The private key is encrypted; decrypt it with its passphrase first");
            case "EC PRIVATE KEY":
                throw new KeyFormatException("The private key is in SEC1 form ('EC PRIVATE KEY'); convert it to PKCS#8 "
                        + "with: openssl pkcs8 -topk8 -nocrypt -in KEY.pem");
            default:
                throw new KeyFormatException("Expected a PEM '" + PRIVATE_KEY_LABEL + "' block, found '" + block.label() + "'");
        }
        return privateKeyFromPkcs8(block.der());
    }

    /**
     * The key as an unencrypted PKCS#8 {@code PRIVATE KEY} PEM block naming the curve by its OID,
     * whatever provider made the key. To store it under a passphrase, use
     * {@link EncryptedPrivateKeys#toPem}.
     *
     * @param key a P-256 private key
     * @return the PEM text, ending in a line break
     * @throws KeyFormatException if the key is not on P-256 or its scalar is outside [1, n-1]
     */
    public static String privateKeyToPem(ECPrivateKey key) {
        return Pem.encode(PRIVATE_KEY_LABEL, privateKeyToPkcs8(key));
    }

    /**
     * DER PKCS#8 of a P-256 private key. Not public: unarmoured private key bytes are for
     * {@link EncryptedPrivateKeys} to encrypt, and the caller clears them.
     */
    static byte[] privateKeyToPkcs8(ECPrivateKey key) {
        P256Jca.requireP256(key);
        return P256Jca.privateKey(key.getS()).getEncoded();
    }

    /** The DER inside a {@code PRIVATE KEY} block; {@link EncryptedPrivateKeys} reads its decrypted content with it. */
    static ECPrivateKey privateKeyFromPkcs8(byte[] der) {
        ECPrivateKey key;
        try {
            key = (ECPrivateKey) KeyFactory.getInstance("EC", P256Jca.bc()).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            // The cause's message could quote key bytes; keep only its type.
            throw new KeyFormatException("Not a PKCS#8 EC private key (" + e.getClass().getSimpleName() + ")");
        }
        P256Jca.requireP256(key);
        P256Jca.requireScalarInRange(key.getS());
        return key;
    }

    /** The one PEM block of a key file, with the armour's complaint made a {@link KeyFormatException}. */
    static Pem.Block decodePem(String pem) {
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
