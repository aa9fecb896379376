package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private static final Instant NOW = TestKeys.ISSUED_AT;

    @Test
    void issue_thenVerify_returnsTheIssuedClaims() {
        KeyPair pair = TestKeys.newKeyPair();
        IssuedCode issued = TestKeys.issuer(pair, NOW).issue(Identity.chineseResidentId("11010519491231002x"), Colour.YELLOW);

        VerificationResult result = TestKeys.verifier(pair, NOW.plus(Duration.ofHours(1))).verify(issued.text());

        assertTrue(result.isValid(), result::toString);
        assertEquals(issued.claims(), result.code().claims());
        assertEquals(Colour.YELLOW, result.code().claims().colour());
        assertEquals(154, issued.text().length());
        assertTrue(issued.text().startsWith("GL1:"));
    }

    @Test
    void verify_withAnotherIssuersKey_isUnknownKey() {
        IssuedCode issued = TestKeys.issuer(TestKeys.newKeyPair(), NOW).issue(Identity.passport("fra", "18av12345"), Colour.GREEN);

        VerificationResult result = TestKeys.verifier(TestKeys.newKeyPair(), NOW).verify(issued.text());

        assertFalse(result.isValid());
        assertEquals(RejectionReason.UNKNOWN_KEY, result.reason());
    }
}
