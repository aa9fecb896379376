package dev.greenlight.codec.internal.ec;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;

/**
 * The curve P-256 (secp256r1), on BouncyCastle's specialised implementation.
 *
 * <p>{@link CustomNamedCurves} rather than the generic {@code ECNamedCurveTable} curve: its field
 * arithmetic is written for this prime and runs several times faster.
 */
@VariableTime
public final class P256 {

    public static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256r1");
    public static final ECCurve CURVE = PARAMETERS.getCurve();
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(PARAMETERS);
    public static final BigInteger ORDER = PARAMETERS.getN();
    public static final BigInteger HALF_ORDER = ORDER.shiftRight(1);

    /** Bytes of one field element or scalar. */
    public static final int SCALAR_BYTES = 32;

    private P256() {
    }

    /**
     * Whether a JCA parameter spec describes P-256, whatever provider made it: the same prime,
     * coefficients, generator, order and cofactor.
     */
    public static boolean isP256(ECParameterSpec spec) {
        if (spec == null || !(spec.getCurve().getField() instanceof ECFieldFp)) {
            return false;
        }
        ECFieldFp field = (ECFieldFp) spec.getCurve().getField();
        ECPoint g = spec.getGenerator();
        return field.getP().equals(CURVE.getField().getCharacteristic())
                && spec.getCurve().getA().equals(CURVE.getA().toBigInteger())
                && spec.getCurve().getB().equals(CURVE.getB().toBigInteger())
                && g.getAffineX().equals(PARAMETERS.getG().getAffineXCoord().toBigInteger())
                && g.getAffineY().equals(PARAMETERS.getG().getAffineYCoord().toBigInteger())
                && spec.getOrder().equals(ORDER)
                && spec.getCofactor() == 1;
    }
}
