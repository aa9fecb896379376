package dev.greenlight.issuer;

import dev.greenlight.cli.Durations;
import dev.greenlight.codec.Issuer;
import java.time.Duration;

/**
 * What a code's validity may be, in the one duration grammar of both tools ({@link Durations}):
 * whole minutes, from 1m to {@link Issuer#MAX_VALIDITY}.
 */
final class Validity {

    private Validity() {
    }

    /** @throws IllegalArgumentException saying what is accepted */
    static Duration parse(String text) {
        Duration duration;
        try {
            duration = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid validity " + e.getMessage(), e);
        }
        if (duration.toSeconds() % 60 != 0 || duration.getNano() != 0) {
            throw new IllegalArgumentException("Invalid validity '" + text + "': codes count whole minutes");
        }
        if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(Issuer.MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("Invalid validity '" + text + "': it must be from 1m to "
                    + Issuer.MAX_VALIDITY.toMinutes() + "m (about 45 days)");
        }
        return duration;
    }
}
