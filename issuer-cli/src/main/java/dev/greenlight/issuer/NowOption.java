package dev.greenlight.issuer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** {@code --now}: the instant a lifecycle command acts at, for simulations and replays; the clock otherwise. */
final class NowOption {

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "Act as if it were INSTANT (ISO 8601, UTC: 2026-12-01T09:00:00Z), to simulate days "
                    + "(default: the clock).")
    String now;

    /** @throws IllegalArgumentException for a text that is no ISO-8601 instant */
    Clock clock(Clock system) {
        if (now == null) {
            return system;
        }
        try {
            return Clock.fixed(Instant.parse(now.strip()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--now must be an ISO-8601 instant such as 2026-12-01T09:00:00Z, not '" + now + "'", e);
        }
    }
}
