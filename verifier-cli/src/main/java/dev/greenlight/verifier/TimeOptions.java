package dev.greenlight.verifier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/** {@code --now}: verify as of another instant, for audits of past scans. */
final class TimeOptions {

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "Verify as of this instant (ISO-8601, e.g. 2026-03-01T08:00:00Z) instead of the clock: for audits of past scans.")
    private Instant now;

    Clock clock(CliContext context) {
        return now != null ? Clock.fixed(now, ZoneOffset.UTC) : context.clock();
    }
}
