package dev.greenlight.codec.internal.ec.verify;

import java.math.BigInteger;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.VariableTime;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * The reference verification: BouncyCastle's plain {@code ECDSASigner} behind the format's
 * checks. {@link FastEcdsaP256Verifier} is held to it by the differential tests, and it is held
 * to Wycheproof; being plain is its worth, so it is kept slow and obvious.
 *
 * <p>Rejects, before any curve arithmetic, a length other than 64, r or s outside [1, n-1], and
 * s greater than n/2.
 */
@VariableTime
final class PlainEcdsaP256Verifier {

    private PlainEcdsaP256Verifier() {
    }

    /** Verifies a whole signature array: any length but 64 is invalid. */
    static boolean verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
        return signature.length == EcdsaP256.SIGNATURE_BYTES && verify(key, message, 0, message.length, signature, 0);
    }

    /**
     * Verifies the 64 signature bytes at {@code signature[signatureOffset]} over
     * {@code message[offset, offset + length)}.
     */
    static boolean verify(ECPublicKeyParameters key, byte[] message, int offset, int length,
                          byte[] signature, int signatureOffset) {
        BigInteger r = EcdsaP256.scalar(signature, signatureOffset);
        BigInteger s = EcdsaP256.scalar(signature, signatureOffset + P256.SCALAR_BYTES);
        if (!EcdsaP256.isInRangeLowS(r, s)) {
            return false;
        }
        // A fresh signer per call: ECDSASigner keeps the key in a field, so it is not thread-safe.
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(EcdsaP256.sha256(message, offset, length), r, s);
    }
}
