package dev.greenlight.codec;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import dev.greenlight.codec.internal.ec.sign.EcdsaP256Signer;

/** New P-256 key pairs, and the public key that belongs to a private key. */
public final class P256KeyPairs {

    private P256KeyPairs() {
    }

    /**
     * A new P-256 key pair, from BouncyCastle's generator; the JCA provider list is left as it is.
     *
     * @param random the source of the private scalar: a {@link SecureRandom} fit for keys
     * @return the key pair; its keys are {@link ECPrivateKey} and {@link ECPublicKey}
     */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", P256Jca.bc());
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle cannot generate P-256 keys", e);
        }
    }

    /**
     * The public key that belongs to a private key, computed in constant time as signing is.
     *
     * @param key a P-256 private key
     * @return its public key
     * @throws KeyFormatException if the key is not on P-256
     */
    public static ECPublicKey publicKeyOf(ECPrivateKey key) {
        P256Jca.requireP256(key);
        return P256Jca.toJca(EcdsaP256Signer.publicPointOf(key.getS()));
    }
}
