package dev.greenlight.codec.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA P-256 SHA-256 verification against one public key, several times faster than
 * BouncyCastle's {@code ECDSASigner} because the work that depends only on the key is done once:
 * u1 G + u2 Q is a joint fixed-base comb over a comb table of G (static, shared) and one of Q
 * (built here, 64 KiB per key, see {@link P256CombTable#forPublicKey}).
 *
 * <p>It accepts exactly what {@link EcdsaP256#verify} accepts (the differential tests hold it to
 * that): 64-byte {@code r || s}, r and s in [1, n-1], s at most n/2, a finite u1 G + u2 Q whose x
 * is r modulo n. Variable time, as verification handles only public data.
 *
 * <p>Immutable and thread-safe.
 */
public final class FastEcdsaP256Verifier {

    /**
     * Larger than a key's tables as there is one for all keys: 3 combs of 11 teeth, 384 KiB,
     * 24 additions instead of a key's 32, at the same spacing of 8; built once, in some
     * milliseconds, when the first key is.
     */
    private static final P256CombTable G_TABLE = P256CombTable.of(P256.PARAMETERS.getG(), 11, 3);
    private static final BigInteger FIELD_PRIME = P256.CURVE.getField().getCharacteristic();
    /** r + n is still a field element, hence a possible x, only for r below p - n (about 2^-128 of them). */
    private static final BigInteger P_MINUS_N = FIELD_PRIME.subtract(P256.ORDER);

    private final P256CombTable keyTable;

    private FastEcdsaP256Verifier(P256CombTable keyTable) {
        this.keyTable = keyTable;
    }

    /** @param publicKey a valid P-256 point other than infinity */
    public static FastEcdsaP256Verifier forKey(ECPoint publicKey) {
        return new FastEcdsaP256Verifier(P256CombTable.forPublicKey(publicKey));
    }

    /** Verifies a whole signature array: any length but 64 is invalid. */
    public boolean verify(byte[] message, byte[] signature) {
        return signature.length == EcdsaP256.SIGNATURE_BYTES && verify(message, 0, message.length, signature, 0);
    }

    /**
     * Verifies the 64 signature bytes at {@code signature[signatureOffset]} over
     * {@code message[offset, offset + length)}.
     */
    public boolean verify(byte[] message, int offset, int length, byte[] signature, int signatureOffset) {
        BigInteger r = EcdsaP256.scalar(signature, signatureOffset);
        BigInteger s = EcdsaP256.scalar(signature, signatureOffset + P256.SCALAR_BYTES);
        if (!EcdsaP256.isInRangeLowS(r, s)) {
            return false;
        }
        // A 256-bit hash for a 256-bit order: e is the whole digest, as in ECDSASigner.
        BigInteger e = new BigInteger(1, EcdsaP256.sha256(message, offset, length));
        BigInteger w = BigIntegers.modOddInverseVar(P256.ORDER, s);
        int[] u1 = Nat256.fromBigInteger(e.multiply(w).mod(P256.ORDER));
        int[] u2 = Nat256.fromBigInteger(r.multiply(w).mod(P256.ORDER));

        P256JointComb sum = new P256JointComb();
        sum.multiplyAdd(u1, G_TABLE, u2, keyTable);
        if (sum.isInfinity()) {
            return false;
        }
        if (sum.affineXEquals(Nat256.fromBigInteger(r))) {
            return true;
        }
        return r.compareTo(P_MINUS_N) < 0 && sum.affineXEquals(Nat256.fromBigInteger(r.add(P256.ORDER)));
    }
}
