package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IssuerTest {

    private static final Instant NOW = TestKeys.ISSUED_AT;
    private static final Identity HOLDER = Identity.chineseResidentId("11010519491231002X");

    private static Issuer issuer(KeyPair pair, IdentitySecret secret) {
        return Issuer.builder(secret, Clock.fixed(NOW, ZoneOffset.UTC))
                .signingKey((ECPrivateKey) pair.getPrivate())
                .build();
    }

    @Test
    void issueForHash_pseudonymOfTheIdentity_verifiesAndCarriesThatHash() {
        KeyPair pair = TestKeys.newKeyPair();
        IdentitySecret secret = IdentitySecret.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        IdentityHash hash = secret.pseudonymOf(HOLDER);

        IssuedCode issued = issuer(pair, secret).issue(hash, Colour.YELLOW, Duration.ofHours(24));
        VerificationResult result = TestKeys.verifier(pair, NOW.plus(Duration.ofHours(1))).verify(issued.text());

        assertTrue(result.isValid(), result::toString);
        assertEquals(hash, result.code().claims().identityHash());
        assertEquals(Colour.YELLOW, result.code().claims().colour());
        assertEquals(NOW, result.code().claims().issuedAt());
        assertEquals(NOW.plus(Duration.ofHours(24)), result.code().claims().expiresAt());
    }

    @Test
    void issueForHash_sameHolderAsIssueForIdentity() {
        KeyPair pair = TestKeys.newKeyPair();
        IdentitySecret secret = IdentitySecret.of(new byte[32]);
        Issuer issuer = issuer(pair, secret);

        IssuedCode byIdentity = issuer.issue(HOLDER, Colour.GREEN, Duration.ofHours(24));
        IssuedCode byHash = issuer.issue(secret.pseudonymOf(HOLDER), Colour.GREEN, Duration.ofHours(24));

        assertEquals(byIdentity.claims().identityHash(), byHash.claims().identityHash());
        assertEquals(byIdentity.claims().expiresAt(), byHash.claims().expiresAt());
    }

    @Test
    void issueForHash_validityNotWholeMinutes_isRefused() {
        Issuer issuer = issuer(TestKeys.newKeyPair(), IdentitySecret.of(new byte[32]));
        IdentityHash hash = IdentitySecret.of(new byte[32]).pseudonymOf(HOLDER);

        assertThrows(IllegalArgumentException.class, () -> issuer.issue(hash, Colour.GREEN, Duration.ofSeconds(90)));
        assertThrows(NullPointerException.class, () -> issuer.issue((IdentityHash) null, Colour.GREEN, Duration.ofHours(1)));
    }
}
