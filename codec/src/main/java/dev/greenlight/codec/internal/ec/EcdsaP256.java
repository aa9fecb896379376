package dev.greenlight.codec.internal.ec;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over P-256 with SHA-256 as the wire format has it: signatures as raw {@code r || s}
 * (IEEE P1363, 64 bytes), low S. The signer writes this form and the verifiers read it; both
 * sides take it from here so that the rules cannot drift apart.
 *
 * <p>Low S, because then a code has exactly one valid signature and cannot be re-signed into a
 * second valid text by negating S.
 *
 * <p>Everything here handles only public values (messages, r, s) and runs in variable time.
 */
@VariableTime
public final class EcdsaP256 {

    public static final int SIGNATURE_BYTES = 2 * P256.SCALAR_BYTES;

    private EcdsaP256() {
    }

    /** The 64 bytes {@code r || s}, s replaced by n - s when above n/2. */
    public static byte[] encodeLowS(BigInteger r, BigInteger s) {
        BigInteger lowS = s.compareTo(P256.HALF_ORDER) > 0 ? P256.ORDER.subtract(s) : s;
        byte[] signature = new byte[SIGNATURE_BYTES];
        BigIntegers.asUnsignedByteArray(r, signature, 0, P256.SCALAR_BYTES);
        BigIntegers.asUnsignedByteArray(lowS, signature, P256.SCALAR_BYTES, P256.SCALAR_BYTES);
        return signature;
    }

    /**
     * The wire form of a signature a JCA provider returned as DER ({@code SEQUENCE { INTEGER r,
     * INTEGER s }}, what {@code SHA256withECDSA} gives everywhere), normalised to low S: an HSM
     * signs with whatever S its nonce gives, and half of those are high.
     *
     * @throws IllegalArgumentException if {@code der} is not exactly that, in canonical DER, with
     *                                  r and s in [1, n-1]: a provider that returns anything else
     *                                  is broken, and its output is never passed on
     */
    public static byte[] fromDerLowS(byte[] der) {
        BigInteger r;
        BigInteger s;
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (sequence.size() != 2 || !Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), der)) {
                throw new IllegalArgumentException("not a canonical DER SEQUENCE of two INTEGERs");
            }
            r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
        } catch (IOException | RuntimeException e) {
            // BouncyCastle's parsers signal a wrong type or a truncation with assorted runtime exceptions.
            throw new IllegalArgumentException("The signature is not a DER ECDSA signature: " + e.getMessage(), e);
        }
        if (r.signum() <= 0 || r.compareTo(P256.ORDER) >= 0 || s.signum() <= 0 || s.compareTo(P256.ORDER) >= 0) {
            throw new IllegalArgumentException("The signature's r or s is outside [1, n-1]");
        }
        return encodeLowS(r, s);
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
