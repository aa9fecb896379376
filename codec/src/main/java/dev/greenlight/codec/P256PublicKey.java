package dev.greenlight.codec;

import java.io.ObjectStreamException;
import java.math.BigInteger;
import java.security.KeyRep;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A P-256 public key as the JCA sees one, made without a security provider: a public key is a
 * point and its encoding, and building it through BouncyCastle's {@code KeyFactory} cost a
 * one-shot verification some 0.15 s of loading the whole provider (about 700 classes) and
 * BouncyCastle's table of every named curve. Signatures are never checked through the JCA here,
 * so nothing is lost; a caller who hands the key to a provider's {@code Signature} gets it
 * translated as any foreign {@link ECPublicKey} is.
 *
 * <p>{@link #getEncoded()} is the canonical SubjectPublicKeyInfo (named curve, uncompressed point),
 * byte for byte what BouncyCastle's and the JDK's keys encode; keys are equal when their encodings
 * are, as theirs are. Serialised as a {@link KeyRep}, so it reads back as the platform's own key.
 *
 * <p>Immutable and thread-safe.
 */
final class P256PublicKey implements ECPublicKey {

    private static final long serialVersionUID = 1L;

    /** P-256 as the JDK's types describe it: the same numbers as {@link P256}'s, nothing named. */
    static final ECParameterSpec PARAMS = new ECParameterSpec(
            new EllipticCurve(new ECFieldFp(P256.CURVE.getField().getCharacteristic()),
                    P256.CURVE.getA().toBigInteger(), P256.CURVE.getB().toBigInteger()),
            new java.security.spec.ECPoint(P256.PARAMETERS.getG().getAffineXCoord().toBigInteger(),
                    P256.PARAMETERS.getG().getAffineYCoord().toBigInteger()),
            P256.ORDER, P256.PARAMETERS.getH().intValue());

    private final BigInteger x;
    private final BigInteger y;
    private final byte[] encoded;

    /** @param point a point already checked to be on P-256 and not infinity */
    P256PublicKey(ECPoint point) {
        ECPoint normal = point.normalize();
        this.x = normal.getAffineXCoord().toBigInteger();
        this.y = normal.getAffineYCoord().toBigInteger();
        this.encoded = PublicKeyEncoding.spki(normal);
    }

    @Override
    public java.security.spec.ECPoint getW() {
        return new java.security.spec.ECPoint(x, y);
    }

    @Override
    public ECParameterSpec getParams() {
        return PARAMS;
    }

    @Override
    public String getAlgorithm() {
        return "EC";
    }

    @Override
    public String getFormat() {
        return "X.509";
    }

    @Override
    public byte[] getEncoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ECPublicKey && Arrays.equals(encoded, ((ECPublicKey) other).getEncoded());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "EC P-256 public key, key id " + KeyId.ofUncompressedPoint(Arrays.copyOfRange(encoded,
                encoded.length - PublicKeyEncoding.UNCOMPRESSED_POINT_BYTES, encoded.length));
    }

    /** What is serialised: the encoding, which any provider's {@code KeyFactory "EC"} reads back. */
    private Object writeReplace() throws ObjectStreamException {
        return new KeyRep(KeyRep.Type.PUBLIC, getAlgorithm(), getFormat(), getEncoded());
    }
}
