package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.greenlight.codec.internal.ec.P256;
import org.junit.jupiter.api.Test;

/**
 * An issuer whose key is held by a JCA provider, as a PKCS#11 token's is through SunPKCS11. The
 * JDK's SunEC stands in for the token here: like an HSM it signs with random nonces and returns
 * DER with a high S about half the time. The SoftHSM2 token itself is tested through the CLIs
 * ({@code Pkcs11*Test} in issuer-cli and verifier-cli).
 */
class IssuerProviderKeyTest {

    private static final Instant NOW = TestKeys.ISSUED_AT;
    private static final Identity HOLDER = Identity.chineseResidentId("11010519491231002X");
    private static final Provider SUN_EC = Security.getProvider("SunEC");

    private static KeyPair sunEcKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", SUN_EC);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static Issuer.Builder builder(KeyPair pair) {
        return Issuer.builder(IdentitySecret.of(new byte[32]), Clock.fixed(NOW, ZoneOffset.UTC))
                .signingKey(pair.getPrivate(), (ECPublicKey) pair.getPublic(), SUN_EC);
    }

    @Test
    void issue_providerKey_everyCodeVerifiesUnderItsPublicKey() throws GeneralSecurityException {
        KeyPair pair = sunEcKeyPair();
        Issuer issuer = builder(pair).build();
        Verifier verifier = TestKeys.verifier(pair, NOW.plusSeconds(60));

        // 200 codes: with about half of SunEC's S values high, a missing normalisation fails
        // the verifier's low-S check (spec section 6) with probability 1 - 2^-200.
        for (int i = 0; i < 200; i++) {
            IssuedCode code = issuer.issue(HOLDER, Colour.GREEN);
            VerificationResult result = verifier.verify(code.text());
            assertTrue(result.isValid(), () -> "code " + code.text() + ": " + result);
        }
        assertEquals(KeyId.of((ECPublicKey) pair.getPublic()), issuer.keyId());
        assertEquals(pair.getPublic(), issuer.publicKey());
    }

    @Test
    void sign_providerWithRandomNonces_differentSignaturesForTheSameClaims_bothValid() throws GeneralSecurityException {
        KeyPair pair = sunEcKeyPair();
        Issuer issuer = builder(pair).build();
        Verifier verifier = TestKeys.verifier(pair, NOW.plusSeconds(60));
        IdentityHash holder = IdentitySecret.of(new byte[32]).pseudonymOf(HOLDER);

        IssuedCode first = issuer.sign(holder, Colour.RED, NOW, Duration.ofHours(24), new Serial(42));
        IssuedCode second = issuer.sign(holder, Colour.RED, NOW, Duration.ofHours(24), new Serial(42));

        // Not RFC 6979: one set of claims, two texts, both codes (spec section 11).
        assertNotEquals(first.text(), second.text());
        assertTrue(verifier.verify(first.text()).isValid());
        assertTrue(verifier.verify(second.text()).isValid());
    }

    @Test
    void build_providerKeyOfAnotherPublicKey_isRefusedBeforeAnyCode() throws GeneralSecurityException {
        KeyPair pair = sunEcKeyPair();
        ECPublicKey other = (ECPublicKey) sunEcKeyPair().getPublic();
        Issuer.Builder builder = Issuer.builder(IdentitySecret.of(new byte[32]), Clock.systemUTC())
                .signingKey(pair.getPrivate(), other, SUN_EC);

        KeyFormatException e = assertThrows(KeyFormatException.class, builder::build);
        assertTrue(e.getMessage().contains("does not match the public key " + KeyId.of(other)), e.getMessage());
    }

    @Test
    void build_keyTheProviderCannotSignWith_isAKeyFormatException() throws GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair rsaPair = rsa.generateKeyPair();
        Issuer.Builder builder = Issuer.builder(IdentitySecret.of(new byte[32]), Clock.systemUTC())
                .signingKey(rsaPair.getPrivate(), (ECPublicKey) sunEcKeyPair().getPublic(), SUN_EC);

        KeyFormatException e = assertThrows(KeyFormatException.class, builder::build);
        assertTrue(e.getMessage().contains("cannot sign with the key"), e.getMessage());
    }

    @Test
    void build_publicKeyOnAnotherCurve_isRefused() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", SUN_EC);
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = generator.generateKeyPair();

        assertThrows(KeyFormatException.class, () -> builder(p384).build());
    }

    @Test
    void issue_providerKeyFromManyThreads_everyCodeVerifies() throws Exception {
        KeyPair pair = sunEcKeyPair();
        Issuer issuer = builder(pair).build();
        Verifier verifier = TestKeys.verifier(pair, NOW.plusSeconds(60));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    List<String> texts = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        texts.add(issuer.issue(HOLDER, Colour.YELLOW).text());
                    }
                    return texts;
                }));
            }
            int valid = 0;
            for (Future<List<String>> result : results) {
                for (String text : result.get()) {
                    assertTrue(verifier.verify(text).isValid(), text);
                    valid++;
                }
            }
            assertEquals(400, valid);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void builder_laterKeyReplacesEarlier() throws GeneralSecurityException {
        KeyPair software = TestKeys.newKeyPair();
        KeyPair provider = sunEcKeyPair();

        Issuer issuer = builder(provider).signingKey((java.security.interfaces.ECPrivateKey) software.getPrivate()).build();

        assertEquals(KeyId.of((ECPublicKey) software.getPublic()), issuer.keyId());
        assertTrue(issuer.toString().matches("Issuer\\[key [0-9a-f]{8}\\]"), issuer.toString());
        assertTrue(builder(provider).build().toString().endsWith(", in SunEC]"));
    }

    @Test
    void halfOrder_isWhatTheLowSRuleSays() {
        // Guards the test above against a P256 constant that makes every S "low".
        assertEquals(P256.ORDER.shiftRight(1), P256.HALF_ORDER);
        assertTrue(P256.HALF_ORDER.compareTo(BigInteger.ONE.shiftLeft(254)) > 0);
    }
}
