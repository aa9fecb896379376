package dev.greenlight.registry;

import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.rules.HolderState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A holder as the daily job sees them: everything it decides on, read in one row, so that a
 * million holders cost no million history reads.
 *
 * @param holder        the holder's identity hash
 * @param state         their state
 * @param latestCode    their latest code (the last issued); empty if none was issued
 * @param changeEventId the id of the event that made their latest colour change, the one a code for
 *                      that change is issued for ({@link DecisionId#afterEvent}); empty for a holder
 *                      recorded before the registry kept it and never changed since
 */
public record DueHolder(IdentityHash holder, HolderState state, Optional<LatestCode> latestCode, OptionalLong changeEventId) {

    /**
     * @param holder        the holder
     * @param state         the state
     * @param latestCode    the latest code, or empty
     * @param changeEventId the latest colour change's event, or empty
     * @throws NullPointerException if any is null
     */
    public DueHolder {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(latestCode, "latestCode");
        Objects.requireNonNull(changeEventId, "changeEventId");
    }

    /** @return when the latest code expires; empty if none was issued */
    public Optional<Instant> codeExpiresAt() {
        return latestCode.map(LatestCode::expiresAt);
    }

    /** @return whether the holder's colour is no longer that of their latest code */
    public boolean colourChanged() {
        return latestCode.isPresent() && latestCode.get().colour() != state.colour();
    }

    /**
     * What the registry keeps on the holder about their latest code.
     *
     * @param colour    its colour
     * @param issuedAt  when it was issued
     * @param expiresAt when it expires
     */
    public record LatestCode(Colour colour, Instant issuedAt, Instant expiresAt) {
        /**
         * @param colour    the colour
         * @param issuedAt  when issued
         * @param expiresAt when it expires
         * @throws NullPointerException if any is null
         */
        public LatestCode {
            Objects.requireNonNull(colour, "colour");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
