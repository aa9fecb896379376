package dev.greenlight.registry;

import dev.greenlight.codec.IdentityHash;
import dev.greenlight.rules.HolderState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A holder the daily job should issue a new code to: their latest code expires within the
 * horizon, or they have none.
 *
 * @param holder        the holder's identity hash
 * @param state         their state
 * @param codeExpiresAt when their latest code expires; empty if none was issued
 */
public record DueHolder(IdentityHash holder, HolderState state, Optional<Instant> codeExpiresAt) {

    /**
     * @param holder        the holder
     * @param state         the state
     * @param codeExpiresAt the latest expiry, or empty
     * @throws NullPointerException if any is null
     */
    public DueHolder {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(codeExpiresAt, "codeExpiresAt");
    }
}
