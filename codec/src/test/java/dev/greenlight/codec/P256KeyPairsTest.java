package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import dev.greenlight.codec.internal.P256;
import org.junit.jupiter.api.Test;

class P256KeyPairsTest {

    private static final KeyPair PAIR = TestKeys.newKeyPair();
    private static final ECPublicKey PUBLIC = (ECPublicKey) PAIR.getPublic();
    private static final ECPrivateKey PRIVATE = (ECPrivateKey) PAIR.getPrivate();

    @Test
    void publicKeyOf_generatedPair_isItsPublicKey() {
        assertEquals(PUBLIC.getW(), P256KeyPairs.publicKeyOf(PRIVATE).getW());
    }

    @Test
    void privateKey_scalarOutsideOneToNMinusOne_isRefused() {
        assertEquals(BigInteger.ONE, P256Jca.privateKey(BigInteger.ONE).getS());
        assertThrows(KeyFormatException.class, () -> P256Jca.privateKey(BigInteger.ZERO));
        assertThrows(KeyFormatException.class, () -> P256Jca.privateKey(P256.ORDER));
    }
}
