package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwkKeysTest {

    private static final KeyPair PAIR = TestKeys.newKeyPair();
    private static final ECPublicKey PUBLIC = (ECPublicKey) PAIR.getPublic();

    @Test
    void jwk_roundTrip_carriesTheKeyIdAsKid() {
        String jwk = JwkKeys.publicKeyToJwk(PUBLIC);
        assertTrue(jwk.contains("\"kid\":\"" + KeyId.of(PUBLIC) + "\""), jwk);
        assertEquals(PUBLIC.getW(), JwkKeys.publicKeyFromJwk(jwk).getW());
        ECPublicKey other = (ECPublicKey) TestKeys.newKeyPair().getPublic();
        List<ECPublicKey> both = JwkKeys.publicKeysFromJwks(JwkKeys.publicKeysToJwks(List.of(PUBLIC, other)));
        assertEquals(List.of(PUBLIC.getW(), other.getW()), both.stream().map(ECPublicKey::getW).toList());
    }

    @Test
    void publicKeyFromJwk_kidOfAnotherKey_isRefused() {
        String jwk = JwkKeys.publicKeyToJwk(PUBLIC).replace(KeyId.of(PUBLIC).toString(), "00000000");
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeyFromJwk(jwk));
        assertTrue(e.getMessage().contains("kid"), e.getMessage());
    }

    @Test
    void publicKeyFromJwk_withPrivatePart_isRefusedWithoutPrintingIt() throws Exception {
        ECPrivateKey privateKey = (ECPrivateKey) PAIR.getPrivate();
        String withD = new com.nimbusds.jose.jwk.ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, PUBLIC)
                .privateKey(privateKey).build().toJSONString();
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeyFromJwk(withD));
        assertTrue(e.getMessage().contains("private"), e.getMessage());
        String d = com.nimbusds.jose.util.Base64URL.encode(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, privateKey.getS())).toString();
        assertFalse(e.getMessage().contains(d));
    }

    @Test
    void publicKeysFromJwks_memberTwiceInsideAKey_isRefusedNotReadAsEitherKey() {
        ECPublicKey other = (ECPublicKey) TestKeys.newKeyPair().getPublic();
        String otherX = JwkKeys.publicKeyToJwk(other).replaceAll(".*\"x\":\"([^\"]+)\".*", "$1");
        String jwk = JwkKeys.publicKeyToJwk(PUBLIC);
        // The first x is the other key's: nimbus alone kept the last and read this key.
        String twice = jwk.replace("\"x\":", "\"x\":\"" + otherX + "\",\"x\":");
        String escaped = jwk.replace("\"x\":", "\"\\u0078\":\"" + otherX + "\",\"x\":");

        for (String key : List.of(twice, escaped)) {
            KeyFormatException e = assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeysFromJwks("{\"keys\":[" + key + "]}"), key);
            assertTrue(e.getMessage().contains("occurs twice"), e.getMessage());
            assertThrows(KeyFormatException.class, () -> JwkKeys.publicKeyFromJwk(key), key);
        }
    }
}
