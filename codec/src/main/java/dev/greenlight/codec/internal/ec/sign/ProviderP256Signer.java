package dev.greenlight.codec.internal.ec.sign;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import dev.greenlight.codec.internal.ec.ConstantTime;
import dev.greenlight.codec.internal.ec.EcdsaP256;

/**
 * Signs through a JCA provider's {@code SHA256withECDSA}, for a key that never leaves it: a
 * PKCS#11 token through SunPKCS11, a platform key store. The key object here is a handle; the
 * arithmetic, and its timing, are the provider's. What comes back is public (a DER signature),
 * turned into the wire form of {@link EcdsaP256}: 64 bytes, low S.
 *
 * <p>Not RFC 6979 unless the provider happens to be: an HSM draws its own nonces. The format
 * does not care (spec, section 6), but codes are then not reproducible byte for byte.
 *
 * <p>Thread-safe. A {@link Signature} is not, and with SunPKCS11 each one in use holds a session of
 * the token, so signers are pooled: a thread takes an idle one or makes one, and gives it back.
 * The pool grows to the number of threads that ever signed at once and no further; a lock around
 * one {@code Signature} would serialise every batch worker on one session, and a
 * {@code ThreadLocal} would leave a session behind in every thread of a pool that once signed
 * (the rates of each are in {@code benchmarks/README.md}, "Signing in a PKCS#11 token").
 */
@ConstantTime
public final class ProviderP256Signer {

    private static final String ALGORITHM = "SHA256withECDSA";

    private final PrivateKey key;
    private final Provider provider;
    private final Queue<Signature> idle = new ConcurrentLinkedQueue<>();

    private ProviderP256Signer(PrivateKey key, Provider provider) {
        this.key = key;
        this.provider = provider;
    }

    /**
     * @throws GeneralSecurityException if the provider has no {@code SHA256withECDSA} or refuses
     *                                  the key: tried once here, so that a wrong key fails before
     *                                  the first code, not in the middle of a batch
     */
    public static ProviderP256Signer of(PrivateKey key, Provider provider) throws GeneralSecurityException {
        ProviderP256Signer signer = new ProviderP256Signer(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(provider, "provider"));
        signer.idle.add(signer.newSignature());
        return signer;
    }

    /**
     * @return {@code r || s}, low S
     * @throws IllegalStateException if the provider fails (a token removed, a session lost) or
     *                               returns something that is not an ECDSA signature
     */
    public byte[] sign(byte[] message, int offset, int length) {
        Signature signature = idle.poll();
        byte[] der;
        try {
            if (signature == null) {
                signature = newSignature();
            }
            signature.update(message, offset, length);
            der = signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            // Not returned to the pool: after a failure its state (and its session) is the provider's guess.
            throw new IllegalStateException("The key's provider " + provider.getName() + " failed to sign: " + e, e);
        }
        // sign() has reset it to the state initSign left: ready for the next message.
        idle.add(signature);
        try {
            return EcdsaP256.fromDerLowS(der);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The key's provider " + provider.getName() + " returned no valid signature: "
                    + e.getMessage(), e);
        }
    }

    private Signature newSignature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM, provider);
        signature.initSign(key);
        return signature;
    }

    @Override
    public String toString() {
        return "ProviderP256Signer[" + provider.getName() + "]";
    }
}
