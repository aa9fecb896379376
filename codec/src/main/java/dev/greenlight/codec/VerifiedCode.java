package dev.greenlight.codec;

/**
 * A code whose signature a {@link Verifier} checked against a trusted key and whose times it
 * checked against its clock. There is no other way to obtain one: the constructor is not public.
 */
public final class VerifiedCode {

    private final CodeClaims claims;
    private final TrustedKey signer;

    VerifiedCode(CodeClaims claims, TrustedKey signer) {
        this.claims = claims;
        this.signer = signer;
    }

    /**
     * @return every field of the code, all verified: among them the colour, the holder's pseudonym
     *         (to compare with one computed from their identity) and the serial (what a revocation
     *         list names)
     */
    public CodeClaims claims() {
        return claims;
    }

    /** @return the trusted key whose signature verified */
    public TrustedKey signer() {
        return signer;
    }

    @Override
    public String toString() {
        return "VerifiedCode" + claims;
    }
}
