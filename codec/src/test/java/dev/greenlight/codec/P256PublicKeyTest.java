package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import dev.greenlight.codec.internal.ec.P256;
import org.junit.jupiter.api.Test;

/** The provider-free public key looks, to any JCA code, like the provider's own keys. */
class P256PublicKeyTest {

    private static final java.security.KeyPair PAIR = TestKeys.newKeyPair();
    /** BouncyCastle's key, as its key pair generator made it. */
    private static final ECPublicKey BC_KEY = (ECPublicKey) PAIR.getPublic();
    private static final ECPublicKey KEY = PemKeys.publicKeyFromPem(PemKeys.publicKeyToPem(BC_KEY));

    @Test
    void loadedKey_isProviderFreeAndEncodesAsBouncyCastleAndTheJdkDo() throws Exception {
        assertInstanceOf(P256PublicKey.class, KEY);
        ECPublicKey jdkKey = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(BC_KEY.getEncoded()));

        assertArrayEquals(BC_KEY.getEncoded(), KEY.getEncoded());
        assertArrayEquals(jdkKey.getEncoded(), KEY.getEncoded());
        assertEquals("EC", KEY.getAlgorithm());
        assertEquals("X.509", KEY.getFormat());
        assertEquals(BC_KEY.getW(), KEY.getW());
        assertTrue(P256.isP256(KEY.getParams()));
    }

    @Test
    void equals_providerKeysOfTheSamePoint_bothWays() throws Exception {
        ECPublicKey jdkKey = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(BC_KEY.getEncoded()));

        assertEquals(BC_KEY, KEY);
        assertEquals(KEY, BC_KEY);
        assertEquals(KEY, jdkKey);
        assertEquals(KEY.hashCode(), PointKeys.publicKeyFromPoint(
                java.util.Arrays.copyOfRange(KEY.getEncoded(), 26, 91)).hashCode());
        assertTrue(!KEY.equals(TestKeys.newKeyPair().getPublic()));
    }

    @Test
    void serialised_readsBackAsAnEqualKey() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(KEY);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }
        assertEquals(KEY, read);
    }

    @Test
    void providerSignature_acceptsTheKeyAsAForeignOne() throws Exception {
        byte[] message = {1, 2, 3};
        Signature signer = Signature.getInstance("SHA256withECDSA", P256Jca.bc());
        signer.initSign(PAIR.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance("SHA256withECDSA", P256Jca.bc());
        verifier.initVerify(KEY);
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }
}
