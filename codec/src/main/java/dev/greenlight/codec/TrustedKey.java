package dev.greenlight.codec;

import java.security.interfaces.ECPublicKey;
import java.util.Objects;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.ec.verify.LazyEcdsaP256Verifier;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * An issuer public key that a verifier trusts, validated once and prepared for fast repeated
 * verification. Build these when the trust set is built, not per code.
 *
 * <p>A key that proves busy gets precomputed comb tables of its point (64 KiB, built in about
 * 3 ms warm), which make verification against it about 1.8 times as fast as BouncyCastle's ECDSA on the
 * same curve. They are built on need, not here: the key's first 32 verifications run on plain
 * BouncyCastle, with the same verdicts, so that a one-shot verification does not pay for tables
 * it would use once; {@link Verifier#verifyAll} builds them at its first batch.
 *
 * <p>Immutable from the outside and thread-safe: share one key across threads. The tables are
 * built once, whichever threads cross the threshold together.
 */
public final class TrustedKey {

    private final ECPublicKey publicKey;
    private final KeyId keyId;
    private final LazyEcdsaP256Verifier verifier;
    private final SigningWindow signingWindow;

    private TrustedKey(ECPublicKey publicKey) {
        ECPublicKeyParameters parameters = PublicKeyEncoding.toParameters(publicKey);
        this.verifier = LazyEcdsaP256Verifier.forKey(parameters);
        this.publicKey = publicKey;
        this.keyId = KeyId.of(publicKey);
        this.signingWindow = SigningWindow.UNBOUNDED;
    }

    private TrustedKey(TrustedKey key, SigningWindow signingWindow) {
        this.verifier = key.verifier;
        this.publicKey = key.publicKey;
        this.keyId = key.keyId;
        this.signingWindow = signingWindow;
    }

    /**
     * Validates a key: call once per key, when the trust set is built, so that its tables, once
     * built, serve every later code.
     *
     * @param publicKey an issuer's P-256 public key
     * @return the key, ready for verification
     * @throws KeyFormatException if the key is not a valid P-256 public key
     */
    public static TrustedKey of(ECPublicKey publicKey) {
        try {
            return new TrustedKey(publicKey);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("Cannot trust this key: " + e.getMessage(), e);
        }
    }

    /** @return the issuer public key as given */
    public ECPublicKey publicKey() {
        return publicKey;
    }

    /** @return the key id derived from the key, which the codes it signed name */
    public KeyId keyId() {
        return keyId;
    }

    /**
     * The same key, trusted only for codes issued inside a window: what a signed trust list says
     * of each key. Shares this key's prepared tables.
     *
     * @param window when the key may sign
     * @return the key with that window
     */
    public TrustedKey withSigningWindow(SigningWindow window) {
        return new TrustedKey(this, Objects.requireNonNull(window, "window"));
    }

    /** @return when this key may sign; {@link SigningWindow#UNBOUNDED} unless a window was given */
    public SigningWindow signingWindow() {
        return signingWindow;
    }

    /** The key prepared for the verifier's signature stage. */
    LazyEcdsaP256Verifier verifier() {
        return verifier;
    }

    @Override
    public String toString() {
        return "TrustedKey[" + keyId + (signingWindow.equals(SigningWindow.UNBOUNDED) ? "" : " " + signingWindow) + "]";
    }
}
