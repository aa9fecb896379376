package dev.greenlight.codec.internal.ec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigInteger;
import dev.greenlight.codec.internal.Hex;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;

/** {@link EcdsaP256#fromDerLowS}: what a JCA provider (an HSM) returns, into the wire form. */
class EcdsaP256Test {

    private static final BigInteger R = new BigInteger("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296", 16);

    private static byte[] der(BigInteger r, BigInteger s) throws IOException {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(r));
        v.add(new ASN1Integer(s));
        return new DERSequence(v).getEncoded(ASN1Encoding.DER);
    }

    @Test
    void fromDerLowS_lowS_keptAsIs() throws IOException {
        BigInteger s = BigInteger.valueOf(12345);
        byte[] raw = EcdsaP256.fromDerLowS(der(R, s));

        assertEquals(64, raw.length);
        assertEquals(R, EcdsaP256.scalar(raw, 0));
        assertEquals(s, EcdsaP256.scalar(raw, 32));
    }

    @Test
    void fromDerLowS_highS_mirroredToNMinusS() throws IOException {
        BigInteger high = P256.HALF_ORDER.add(BigInteger.ONE);
        byte[] raw = EcdsaP256.fromDerLowS(der(R, high));

        assertEquals(P256.ORDER.subtract(high), EcdsaP256.scalar(raw, 32));
        assertEquals(true, EcdsaP256.isInRangeLowS(EcdsaP256.scalar(raw, 0), EcdsaP256.scalar(raw, 32)));
    }

    @Test
    void fromDerLowS_halfOrderItself_isLowAlready() throws IOException {
        byte[] raw = EcdsaP256.fromDerLowS(der(R, P256.HALF_ORDER));

        assertEquals(P256.HALF_ORDER, EcdsaP256.scalar(raw, 32));
    }

    @Test
    void fromDerLowS_shortIntegers_leftPaddedTo32Bytes() throws IOException {
        byte[] raw = EcdsaP256.fromDerLowS(der(BigInteger.ONE, BigInteger.TWO));

        assertArrayEquals(Hex.parseHex("00".repeat(31) + "01" + "00".repeat(31) + "02"), raw);
    }

    @Test
    void fromDerLowS_outOfRange_refused() {
        assertThrows(IllegalArgumentException.class, () -> EcdsaP256.fromDerLowS(der(BigInteger.ZERO, BigInteger.ONE)));
        assertThrows(IllegalArgumentException.class, () -> EcdsaP256.fromDerLowS(der(BigInteger.ONE, P256.ORDER)));
        assertThrows(IllegalArgumentException.class, () -> EcdsaP256.fromDerLowS(der(BigInteger.ONE, BigInteger.ONE.negate())));
    }

    @Test
    void fromDerLowS_notCanonicalDer_refused() throws IOException {
        byte[] good = der(BigInteger.ONE, BigInteger.TWO);                   // 30 06 02 01 01 02 01 02
        byte[] trailing = Hex.parseHex(Hex.formatHex(good) + "00");
        byte[] paddedInteger = Hex.parseHex("3007020200010201" + "02");      // 00 01: a redundant leading zero
        byte[] longLength = Hex.parseHex("308106020101020102");               // length 6 in long form
        byte[] threeIntegers = Hex.parseHex("3009020101020102020103");
        byte[] notASequence = Hex.parseHex("0201010201");

        for (byte[] bad : new byte[][] {trailing, paddedInteger, longLength, threeIntegers, notASequence, new byte[0]}) {
            assertThrows(IllegalArgumentException.class, () -> EcdsaP256.fromDerLowS(bad), Hex.formatHex(bad));
        }
    }
}
