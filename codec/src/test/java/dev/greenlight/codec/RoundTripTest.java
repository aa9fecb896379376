package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void issue_thenVerify_returnsTheIssuedClaims() {
        KeyPair pair = P256Keys.generate(new SecureRandom());
        Issuer issuer = Issuer.builder()
                .signingKey((ECPrivateKey) pair.getPrivate())
                .identitySecret(IdentitySecret.generate(new SecureRandom()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        IssuedCode issued = issuer.issue(Identity.chineseResidentId("11010519491231002x"), Colour.YELLOW);

        Verifier verifier = Verifier.builder()
                .keys(TrustedKeys.of((ECPublicKey) pair.getPublic()))
                .clock(Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC))
                .build();
        VerificationResult result = verifier.verify(issued.text());

        assertTrue(result.isValid(), result::toString);
        assertEquals(issued.claims(), result.code().claims());
        assertEquals(Colour.YELLOW, result.code().colour());
        assertEquals(154, issued.text().length());
        assertTrue(issued.text().startsWith("GL1:"));
    }

    @Test
    void verify_withAnotherIssuersKey_isUnknownKey() {
        KeyPair pair = P256Keys.generate(new SecureRandom());
        Issuer issuer = Issuer.builder()
                .signingKey((ECPrivateKey) pair.getPrivate())
                .identitySecret(IdentitySecret.generate(new SecureRandom()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        IssuedCode issued = issuer.issue(Identity.passport("fra", "18av12345"), Colour.GREEN);
        Verifier verifier = Verifier.builder()
                .keys(TrustedKeys.of((ECPublicKey) P256Keys.generate(new SecureRandom()).getPublic()))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();

        VerificationResult result = verifier.verify(issued.text());

        assertFalse(result.isValid());
        assertEquals(RejectionReason.UNKNOWN_KEY, result.reason());
    }
}
