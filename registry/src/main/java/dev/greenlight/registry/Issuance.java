package dev.greenlight.registry;

import dev.greenlight.codec.Colour;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import java.time.Instant;
import java.util.Objects;

/**
 * One code issued to a holder, as the registry keeps it.
 *
 * @param serial    the code's serial, what a revocation list names
 * @param keyId     the key that signed it
 * @param colour    the colour it carries
 * @param issuedAt  when it was issued
 * @param expiresAt when it expires, after {@code issuedAt}
 * @param decision  the decision it was issued for; one code per decision
 */
public record Issuance(Serial serial, KeyId keyId, Colour colour, Instant issuedAt, Instant expiresAt, DecisionId decision) {

    /**
     * @param serial    the serial
     * @param keyId     the key id
     * @param colour    the colour
     * @param issuedAt  when issued
     * @param expiresAt when it expires
     * @param decision  the decision
     * @throws NullPointerException     if any is null
     * @throws IllegalArgumentException if it expires before it is issued
     */
    public Issuance {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(decision, "decision");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("A code expires (" + expiresAt + ") after it is issued (" + issuedAt + ")");
        }
    }
}
