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

    public String text() {
        return text;
    }

    public CodeClaims claims() {
        return claims;
    }

    /** The trusted key whose signature verified. */
    public TrustedKey signer() {
        return signer;
    }

    public Colour colour() {
        return claims.colour();
    }

    public IdentityHash identityHash() {
        return claims.identityHash();
    }

    public Serial serial() {
        return claims.serial();
    }

    public KeyId keyId() {
        return claims.keyId();
    }

    public Instant issuedAt() {
        return claims.issuedAt();
    }

    public Instant expiresAt() {
        return claims.expiresAt();
    }

    @Override
    public String toString() {
        return "VerifiedCode" + claims;
    }
}
