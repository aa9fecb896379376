package dev.greenlight.codec;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one code states: who issued it (key id), which code it is (serial), whose it is (identity
 * hash), the colour, and when it is valid. A claims value by itself proves nothing: only a
 * {@link VerifiedCode} has had its signature checked.
 *
 * @param issuedAt  whole seconds, UTC
 * @param expiresAt whole seconds, after {@code issuedAt}; the code is expired from this instant on
 */
public record CodeClaims(KeyId keyId, Serial serial, IdentityHash identityHash, Colour colour,
                         Instant issuedAt, Instant expiresAt) {

    /**
     * Checks the claims are complete and consistent.
     *
     * @param keyId        the id of the issuer's key
     * @param serial       the code's serial
     * @param identityHash the holder's pseudonym
     * @param colour       the colour
     * @param issuedAt     whole seconds, UTC
     * @param expiresAt    whole seconds, after {@code issuedAt}
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if a time has a fraction of a second, or {@code expiresAt}
     *                                  is not after {@code issuedAt}
     */
    public CodeClaims {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(identityHash, "identityHash");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (issuedAt.getNano() != 0 || expiresAt.getNano() != 0) {
            throw new IllegalArgumentException("Code times are whole seconds: " + issuedAt + ", " + expiresAt);
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " is not after issuedAt " + issuedAt);
        }
    }

    /**
     * How long the code is valid for.
     *
     * @return the time from {@code issuedAt} to {@code expiresAt}, always positive
     */
    public Duration validity() {
        return Duration.between(issuedAt, expiresAt);
    }
}
