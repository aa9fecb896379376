package dev.greenlight.codec;

import java.time.Instant;

/**
 * A code whose signature a {@link Verifier} checked against a trusted key and whose times it
 * checked against its clock. There is no other way to obtain one: the constructor is not public.
 */
public final class VerifiedCode {

    private final String text;
    private final CodeClaims claims;
    private final TrustedKey signer;

    VerifiedCode(String text, CodeClaims claims, TrustedKey signer) {
        this.text = text;
        this.claims = claims;
        this.signer = signer;
    }

    /** @return the code's text: as received, or for {@link Verifier#verifyPayload} the payload's text form */
    public String text() {
        return text;
    }

    /** @return every field of the code, all verified */
    public CodeClaims claims() {
        return claims;
    }

    /** @return the trusted key whose signature verified */
    public TrustedKey signer() {
        return signer;
    }

    /** @return the colour the issuer assigned */
    public Colour colour() {
        return claims.colour();
    }

    /** @return the holder's pseudonym, to compare with one computed from their identity */
    public IdentityHash identityHash() {
        return claims.identityHash();
    }

    /** @return the code's random serial: what a revocation list names */
    public Serial serial() {
        return claims.serial();
    }

    /** @return the id of the signing key, the same as {@code signer().keyId()} */
    public KeyId keyId() {
        return claims.keyId();
    }

    /** @return when the code was issued, to the second */
    public Instant issuedAt() {
        return claims.issuedAt();
    }

    /** @return the first instant the code is no longer valid (before the clock-skew allowance) */
    public Instant expiresAt() {
        return claims.expiresAt();
    }

    @Override
    public String toString() {
        return "VerifiedCode" + claims;
    }
}
