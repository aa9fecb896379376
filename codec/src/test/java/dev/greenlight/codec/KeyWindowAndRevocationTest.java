package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two steps between the fields and the times: the key's signing window, then revocation. */
class KeyWindowAndRevocationTest {

    private static final Instant NOW = TestKeys.ISSUED_AT;
    private static final KeyPair PAIR = TestKeys.newKeyPair();
    private static final Identity PERSON = Identity.chineseResidentId("11010519491231002X");
    private static final IssuedCode CODE = TestKeys.issuer(PAIR, NOW).issue(PERSON, Colour.GREEN, Duration.ofHours(24));

    private static Verifier verifier(SigningWindow window, Revocations revocations, Instant now) {
        TrustedKey key = TrustedKey.of((ECPublicKey) PAIR.getPublic()).withSigningWindow(window);
        return Verifier.builder(TrustedKeys.ofTrusted(List.of(key)), Clock.fixed(now, ZoneOffset.UTC)).revocations(revocations).build();
    }

    @Test
    void verify_issuedAtTheWindowsBounds_isValidFromNotBeforeAndRefusedFromNotAfter() {
        Instant issued = CODE.claims().issuedAt();

        assertTrue(verifier(new SigningWindow(issued, issued.plusSeconds(1)), Revocations.NONE, NOW).verify(CODE.text()).isValid());
        VerificationResult atNotAfter = verifier(new SigningWindow(issued.minusSeconds(60), issued), Revocations.NONE, NOW).verify(CODE.text());
        assertEquals(RejectionReason.OUTSIDE_KEY_WINDOW, atNotAfter.reason());
        assertEquals(CODE.claims(), atNotAfter.signedClaims());
        VerificationResult beforeNotBefore = verifier(new SigningWindow(issued.plusSeconds(1), Instant.MAX), Revocations.NONE, NOW).verify(CODE.text());
        assertEquals(RejectionReason.OUTSIDE_KEY_WINDOW, beforeNotBefore.reason());
    }

    @Test
    void verify_windowIsJudgedOnTheIssueTimeNotOnTheVerifiersClock() {
        // The key left service an hour after issuing the code; the code is still valid a day later.
        Instant issued = CODE.claims().issuedAt();
        Verifier later = verifier(new SigningWindow(issued.minusSeconds(3600), issued.plusSeconds(3600)), Revocations.NONE, issued.plusSeconds(20 * 3600));

        assertTrue(later.verify(CODE.text()).isValid());
    }

    @Test
    void verify_revokedSerial_isRevokedWithItsClaimsAndOtherSerialsPass() {
        IssuedCode other = TestKeys.issuer(PAIR, NOW).issue(PERSON, Colour.GREEN);
        Set<Serial> revoked = Set.of(CODE.claims().serial());
        Verifier verifier = verifier(SigningWindow.UNBOUNDED, (keyId, serial) -> keyId.equals(CODE.claims().keyId()) && revoked.contains(serial), NOW);

        VerificationResult result = verifier.verify(CODE.text());
        assertEquals(RejectionReason.REVOKED, result.reason());
        assertEquals(CODE.claims(), result.signedClaims());
        assertTrue(verifier.verify(other.text()).isValid());
        List<VerificationResult> batch = verifier.verifyAll(List.of(CODE.text(), other.text()));
        assertEquals(RejectionReason.REVOKED, batch.get(0).reason());
        assertTrue(batch.get(1).isValid());
    }

    @Test
    void verify_revokedAndExpired_saysRevoked() {
        Verifier verifier = verifier(SigningWindow.UNBOUNDED, (keyId, serial) -> true, Instant.MAX);

        assertEquals(RejectionReason.REVOKED, verifier.verify(CODE.text()).reason());
    }

    @Test
    void verify_badSignature_neverAsksTheRevocations() {
        String tampered = CODE.text().substring(0, CODE.text().length() - 2) + "00";
        Revocations refusing = (keyId, serial) -> {
            throw new AssertionError("asked about an unsigned serial");
        };

        VerificationResult result = verifier(SigningWindow.UNBOUNDED, refusing, NOW).verify(tampered);
        assertTrue(!result.isValid() && result.reason().compareTo(RejectionReason.INVALID_FIELD) <= 0, result.toString());
    }

    @Test
    void signingWindow_endingAtOrBeforeItsStart_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SigningWindow(NOW, NOW));
        assertThrows(IllegalArgumentException.class, () -> new SigningWindow(NOW, NOW.minusSeconds(1)));
    }
}
