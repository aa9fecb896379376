package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class PointKeysTest {

    private static final KeyPair PAIR = TestKeys.newKeyPair();
    private static final ECPublicKey PUBLIC = (ECPublicKey) PAIR.getPublic();

    @Test
    void publicKeyFromPoint_offCurvePoint_isRefused() {
        byte[] point = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, PUBLIC.getW().getAffineX());
        byte[] encoded = new byte[65];
        encoded[0] = 4;
        System.arraycopy(point, 0, encoded, 1, 32);
        System.arraycopy(point, 0, encoded, 33, 32);
        assertThrows(KeyFormatException.class, () -> PointKeys.publicKeyFromPoint(encoded));
    }
}
