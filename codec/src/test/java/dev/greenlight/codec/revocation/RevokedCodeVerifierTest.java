package dev.greenlight.codec.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.RejectionReason;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.Verifier;
import org.junit.jupiter.api.Test;

/** A revocation set behind a real verifier: step 12 of the specification. */
class RevokedCodeVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair ROOT = P256KeyPairs.generate(RANDOM);
    private static final KeyPair ISSUER_A = P256KeyPairs.generate(RANDOM);
    private static final KeyPair ISSUER_B = P256KeyPairs.generate(RANDOM);

    private static Issuer issuer(KeyPair pair) {
        return Issuer.builder(IdentitySecret.generate(RANDOM), Clock.fixed(NOW, ZoneOffset.UTC))
                .signingKey((ECPrivateKey) pair.getPrivate())
                .build();
    }

    @Test
    void verify_revokedSerialAndRevokedKey_areRevokedWithTheirSignedClaims_othersValid() throws RevocationListException {
        Issuer a = issuer(ISSUER_A);
        Issuer b = issuer(ISSUER_B);
        IssuedCode revoked = a.issue(Identity.passport("FRA", "18AV00001"), Colour.GREEN);
        IssuedCode kept = a.issue(Identity.passport("FRA", "18AV00002"), Colour.GREEN);
        IssuedCode ofRevokedKey = b.issue(Identity.passport("FRA", "18AV00003"), Colour.YELLOW);
        String list = RevocationList.base(1, NOW)
                .revokeSerial(revoked.claims().keyId(), revoked.claims().serial())
                .revokeKey(KeyId.of((ECPublicKey) ISSUER_B.getPublic()))
                .sign(ROOT.getPrivate(), null, null);
        RevocationSet set = RevocationSet.of(RevocationList.verify(list, (ECPublicKey) ROOT.getPublic()), List.of());
        Verifier verifier = Verifier.builder(TrustedKeys.of((ECPublicKey) ISSUER_A.getPublic(), (ECPublicKey) ISSUER_B.getPublic()),
                Clock.fixed(NOW, ZoneOffset.UTC))
                .revocations(set).build();

        List<VerificationResult> results = verifier.verifyAll(List.of(revoked.text(), kept.text(), ofRevokedKey.text()));

        assertEquals(RejectionReason.REVOKED, results.get(0).reason());
        assertEquals(revoked.claims(), results.get(0).signedClaims());
        assertTrue(results.get(1).isValid());
        assertEquals(RejectionReason.REVOKED, results.get(2).reason());
        assertEquals(RejectionReason.REVOKED, verifier.verify(revoked.text()).reason());
    }
}
