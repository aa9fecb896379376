package dev.greenlight.codec.internal.ec.sign;

import java.math.BigInteger;
import dev.greenlight.codec.internal.ec.ConstantTime;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Signs with ECDSA over P-256 and SHA-256, in the wire form of {@link EcdsaP256}: raw
 * {@code r || s}, low S.
 *
 * <p>Deterministic nonces (RFC 6979): a weak or repeated random source at signing time cannot
 * then leak the private key, and test vectors are reproducible.
 */
@ConstantTime
public final class EcdsaP256Signer {

    private EcdsaP256Signer() {
    }

    @ConstantTime
    public static byte[] sign(ECPrivateKeyParameters key, byte[] message, int offset, int length) {
        ECDSASigner signer = new CombSigner();
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(EcdsaP256.sha256(message, offset, length));
        return EcdsaP256.encodeLowS(rs[0], rs[1]);
    }

    /**
     * The public point {@code d G} of a private scalar, on the same constant-time comb as the
     * signature's {@code k G}: deriving a key's public half is as secret-bearing as signing.
     */
    @ConstantTime
    public static ECPoint publicPointOf(BigInteger privateScalar) {
        return P256GeneratorComb.instance().multiply(P256.PARAMETERS.getG(), privateScalar).normalize();
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
}
