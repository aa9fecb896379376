package dev.greenlight.codec;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import dev.greenlight.codec.internal.BouncyCastleJca;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;
import org.bouncycastle.math.ec.ECPoint;

/**
 * What every key format shares: the JCA objects for P-256 and the checks a private key passes.
 * One place, so that {@link PemKeys}, {@link JwkKeys}, {@link PointKeys}, {@link P256KeyPairs}
 * and {@link EncryptedPrivateKeys} build keys the same way and refuse them with the same words.
 */
final class P256Jca {

    private P256Jca() {
    }

    /**
     * BouncyCastle's JCA provider, for private keys: a private instance, not registered with
     * Security, so that embedding applications keep their provider order. In a holder, because
     * creating it registers every algorithm BouncyCastle has (about 700 classes, 0.1 s of a cold
     * start), and verifying, whose keys are {@link P256PublicKey}s, never needs it.
     */
    static Provider bc() {
        return BouncyCastleJca.provider();
    }

    private static final class BouncyCastle {
        // A named spec, so that BouncyCastle encodes keys with the curve's OID rather than explicit
        // parameters. Here rather than beside the public keys: making it loads BouncyCastle's
        // table of every named curve.
        static final ECParameterSpec P256_SPEC = new ECNamedCurveSpec("secp256r1", P256.CURVE,
                P256.PARAMETERS.getG(), P256.ORDER, P256.PARAMETERS.getH());
    }

    /** The JCA public key of a point already checked to be on P-256; no provider involved. */
    static ECPublicKey toJca(ECPoint point) {
        return new P256PublicKey(point);
    }

    /**
     * The private key with scalar {@code d}, in [1, n-1], naming its curve by OID. Not public: a
     * bare scalar is no format a user should pass around; the spec vector generator uses it for
     * deterministic keys.
     */
    static ECPrivateKey privateKey(BigInteger d) {
        requireScalarInRange(d);
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC", bc())
                    .generatePrivate(new ECPrivateKeySpec(d, BouncyCastle.P256_SPEC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle refused a valid P-256 scalar", e);
        }
    }

    static void requireP256(ECPrivateKey key) {
        if (!P256.isP256(key.getParams())) {
            throw new KeyFormatException("The private key is not on P-256");
        }
    }

    static void requireScalarInRange(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(P256.ORDER) >= 0) {
            throw new KeyFormatException("The private scalar is outside [1, n-1]");
        }
    }
}
