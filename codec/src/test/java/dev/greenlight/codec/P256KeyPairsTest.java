package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import dev.greenlight.codec.internal.ec.P256;
import org.junit.jupiter.api.Test;

class P256KeyPairsTest {

    @Test
    void publicKeyOf_generatedPair_isItsPublicKey() {
        KeyPair pair = P256KeyPairs.generate(new SecureRandom());
        assertEquals(((ECPublicKey) pair.getPublic()).getW(), P256KeyPairs.publicKeyOf((ECPrivateKey) pair.getPrivate()).getW());
    }

    @Test
    void privateKey_scalarOutsideOneToNMinusOne_isRefused() {
        assertEquals(BigInteger.ONE, P256Jca.privateKey(BigInteger.ONE).getS());
        assertThrows(KeyFormatException.class, () -> P256Jca.privateKey(BigInteger.ZERO));
        assertThrows(KeyFormatException.class, () -> P256Jca.privateKey(P256.ORDER));
    }
}
