package dev.greenlight.codec.internal;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over P-256 with SHA-256, signatures as raw {@code r || s} (IEEE P1363, 64 bytes).
 *
 * <p>Signing uses deterministic nonces (RFC 6979): a weak or repeated random source at signing
 * time cannot then leak the private key, and test vectors are reproducible. Signatures are
 * normalised to low S, so a code has exactly one valid signature and cannot be re-signed into a
 * second valid text by negating S.
 *
 * <p>Verification rejects, before any curve arithmetic, a length other than 64, r or s outside
 * [1, n-1], and s greater than n/2.
 */
public final class EcdsaP256 {

    public static final int SIGNATURE_BYTES = 2 * P256.SCALAR_BYTES;

    private EcdsaP256() {
    }

    public static byte[] sign(ECPrivateKeyParameters key, byte[] message, int offset, int length) {
        ECDSASigner signer = new CombSigner();
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(sha256(message, offset, length));
        BigInteger s = rs[1].compareTo(P256.HALF_ORDER) > 0 ? P256.ORDER.subtract(rs[1]) : rs[1];
        byte[] signature = new byte[SIGNATURE_BYTES];
        BigIntegers.asUnsignedByteArray(rs[0], signature, 0, P256.SCALAR_BYTES);
        BigIntegers.asUnsignedByteArray(s, signature, P256.SCALAR_BYTES, P256.SCALAR_BYTES);
        return signature;
    }

    /**
     * k G on {@link P256GeneratorComb}, about 1.4 times as fast as BouncyCastle's single comb and
     * as constant-time; everything else (RFC 6979 nonce, r, s) is BouncyCastle's, so signatures
     * are byte for byte those of a plain {@code ECDSASigner}.
     */
    private static final class CombSigner extends ECDSASigner {

        CombSigner() {
            super(new HMacDSAKCalculator(new SHA256Digest()));
        }

        @Override
        protected ECMultiplier createBasePointMultiplier() {
            return P256GeneratorComb.instance();
        }
    }

    /** Verifies a whole signature array: any length but 64 is invalid. */
    public static boolean verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
        return signature.length == SIGNATURE_BYTES && verify(key, message, 0, message.length, signature, 0);
    }

    /**
     * Verifies the 64 signature bytes at {@code signature[signatureOffset]} over
     * {@code message[offset, offset + length)}.
     */
    public static boolean verify(ECPublicKeyParameters key, byte[] message, int offset, int length,
                                 byte[] signature, int signatureOffset) {
        BigInteger r = scalar(signature, signatureOffset);
        BigInteger s = scalar(signature, signatureOffset + P256.SCALAR_BYTES);
        if (!isInRangeLowS(r, s)) {
            return false;
        }
        // A fresh signer per call: ECDSASigner keeps the key in a field, so it is not thread-safe.
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(sha256(message, offset, length), r, s);
    }

    /** r and s in [1, n-1], and s at most n/2. */
    public static boolean isInRangeLowS(BigInteger r, BigInteger s) {
        return r.signum() > 0 && r.compareTo(P256.ORDER) < 0
                && s.signum() > 0 && s.compareTo(P256.HALF_ORDER) <= 0;
    }

    public static BigInteger scalar(byte[] bytes, int offset) {
        return BigIntegers.fromUnsignedByteArray(bytes, offset, P256.SCALAR_BYTES);
    }

    public static byte[] sha256(byte[] message, int offset, int length) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(message, offset, length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }
}
