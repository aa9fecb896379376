package dev.greenlight.verifier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --now}: verify as of another instant, for audits of past scans. */
final class TimeOptions {

    static final String FORMAT = "ISO-8601 in UTC, e.g. 2026-03-01T08:00:00Z";

    @Option(names = "--now", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Verify as of this instant (" + FORMAT + ") instead of the clock: for audits of past scans.")
    private Instant now;

    Clock clock(CliContext context) {
        return now != null ? Clock.fixed(now, ZoneOffset.UTC) : context.clock();
    }

    /** An instant, or a usage error that says which format is wanted. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an instant: write it " + FORMAT);
            }
        }
    }
}
