package dev.greenlight.codec.internal.ec.verify;

import java.math.BigInteger;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.VariableTime;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA P-256 SHA-256 verification against one public key, about 1.8 times as fast as
 * BouncyCastle's {@code ECDSASigner} on the same curve, because the work that depends only on the
 * key is done once:
 * u1 G + u2 Q is a joint fixed-base comb over a comb table of G (static, shared) and one of Q
 * (built here, 64 KiB per key, see {@link P256CombTable#forPublicKey}). {@link LazyEcdsaP256Verifier}
 * decides when a trusted key is worth them.
 *
 * <p>It accepts exactly what {@link PlainEcdsaP256Verifier#verify} accepts (the differential tests
 * hold it to that): 64-byte {@code r || s}, r and s in [1, n-1], s at most n/2, a finite
 * u1 G + u2 Q whose x is r modulo n. Variable time, as verification handles only public data.
 *
 * <p>Immutable and thread-safe.
 */
@VariableTime
public final class FastEcdsaP256Verifier {

    /**
     * The generator's table, larger than a key's as there is one for all keys: 3 combs of 11
     * teeth, 384 KiB, 24 additions instead of a key's 32, at the same spacing of 8. In a holder,
     * so that it is built (once: some milliseconds warm, 0.15 to 0.2 s cold) by the first
     * verification that needs it, not when this class is first named.
     */
    private static final class GeneratorTable {
        static final P256CombTable G_TABLE = P256CombTable.of(P256.PARAMETERS.getG(), 11, 3);
    }

    private static final BigInteger FIELD_PRIME = P256.CURVE.getField().getCharacteristic();
    /** r + n is still a field element, hence a possible x, only for r below p - n (about 2^-128 of them). */
    private static final BigInteger P_MINUS_N = FIELD_PRIME.subtract(P256.ORDER);

    private final P256CombTable keyTable;

    private FastEcdsaP256Verifier(P256CombTable keyTable) {
        this.keyTable = keyTable;
    }

    /** @param publicKey a valid P-256 point other than infinity */
    @VariableTime
    public static FastEcdsaP256Verifier forKey(ECPoint publicKey) {
        return new FastEcdsaP256Verifier(P256CombTable.forPublicKey(publicKey));
    }

    /** Verifies a whole signature array: any length but 64 is invalid. */
    boolean verify(byte[] message, byte[] signature) {
        return signature.length == EcdsaP256.SIGNATURE_BYTES && verify(message, 0, message.length, signature, 0);
    }

    /**
     * Verifies the 64 signature bytes at {@code signature[signatureOffset]} over
     * {@code message[offset, offset + length)}.
     */
    @VariableTime
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
        sum.multiplyAdd(u1, GeneratorTable.G_TABLE, u2, keyTable);
        if (sum.isInfinity()) {
            return false;
        }
        if (sum.affineXEquals(Nat256.fromBigInteger(r))) {
            return true;
        }
        return r.compareTo(P_MINUS_N) < 0 && sum.affineXEquals(Nat256.fromBigInteger(r.add(P256.ORDER)));
    }

    /** Batches larger than this are verified in slices: the scratch stays small (about 50 KiB). */
    static final int MAX_BATCH = 256;

    /**
     * Verifies many signatures at once, each against its own key: {@code results[i]} is exactly
     * {@code keys[i].verify(payloads[i], 0, signatureOffset, payloads[i], signatureOffset)}, at
     * about two thirds of the cost per signature, as the batch shares its field and scalar
     * inversions (Montgomery's trick; see {@link P256BatchComb}).
     *
     * @param payloads each the signed bytes followed by the 64 signature bytes at {@code signatureOffset}
     */
    @VariableTime
    public static boolean[] verifyBatch(FastEcdsaP256Verifier[] keys, byte[][] payloads, int signatureOffset) {
        if (keys.length != payloads.length) {
            throw new IllegalArgumentException(keys.length + " keys for " + payloads.length + " payloads");
        }
        boolean[] results = new boolean[payloads.length];
        P256BatchComb comb = new P256BatchComb(Math.min(MAX_BATCH, payloads.length));
        for (int from = 0; from < payloads.length; from += MAX_BATCH) {
            verifySlice(keys, payloads, signatureOffset, from, Math.min(payloads.length, from + MAX_BATCH), comb, results);
        }
        return results;
    }

    private static void verifySlice(FastEcdsaP256Verifier[] keys, byte[][] payloads, int signatureOffset,
                                    int from, int to, P256BatchComb comb, boolean[] results) {
        int size = to - from;
        int[] items = new int[size];
        BigInteger[] r = new BigInteger[size];
        BigInteger[] s = new BigInteger[size];
        int count = 0;
        for (int i = from; i < to; i++) {
            byte[] payload = payloads[i];
            if (payload.length != signatureOffset + EcdsaP256.SIGNATURE_BYTES) {
                continue;
            }
            BigInteger ri = EcdsaP256.scalar(payload, signatureOffset);
            BigInteger si = EcdsaP256.scalar(payload, signatureOffset + P256.SCALAR_BYTES);
            if (EcdsaP256.isInRangeLowS(ri, si)) {
                items[count] = i;
                r[count] = ri;
                s[count] = si;
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        // Montgomery's trick modulo n: one inversion for all the s.
        BigInteger[] prefix = new BigInteger[count];
        prefix[0] = s[0];
        for (int k = 1; k < count; k++) {
            prefix[k] = prefix[k - 1].multiply(s[k]).mod(P256.ORDER);
        }
        BigInteger inverse = BigIntegers.modOddInverseVar(P256.ORDER, prefix[count - 1]);
        int[][] u1 = new int[count][];
        int[][] u2 = new int[count][];
        P256CombTable[] tables = new P256CombTable[count];
        for (int k = count - 1; k >= 0; k--) {
            BigInteger w = k == 0 ? inverse : inverse.multiply(prefix[k - 1]).mod(P256.ORDER);
            inverse = inverse.multiply(s[k]).mod(P256.ORDER);
            byte[] payload = payloads[items[k]];
            BigInteger e = new BigInteger(1, EcdsaP256.sha256(payload, 0, signatureOffset));
            u1[k] = Nat256.fromBigInteger(e.multiply(w).mod(P256.ORDER));
            u2[k] = Nat256.fromBigInteger(r[k].multiply(w).mod(P256.ORDER));
            tables[k] = keys[items[k]].keyTable;
        }
        comb.multiplyAdd(count, u1, GeneratorTable.G_TABLE, u2, tables);
        for (int k = 0; k < count; k++) {
            results[items[k]] = !comb.isInfinity(k)
                    && (comb.affineXEquals(k, Nat256.fromBigInteger(r[k]))
                        || r[k].compareTo(P_MINUS_N) < 0 && comb.affineXEquals(k, Nat256.fromBigInteger(r[k].add(P256.ORDER))));
        }
    }
}
