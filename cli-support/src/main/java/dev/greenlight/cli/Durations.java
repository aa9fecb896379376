package dev.greenlight.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one duration grammar of both tools: numbers with units, largest first, each at most once
 * ({@code 7d}, {@code 24h}, {@code 1h30m}, {@code 90s}, {@code 500ms}), in any case; {@code 0}; or
 * ISO 8601 ({@code PT24H}, {@code P1D}). A bare number other than 0 is refused: seconds or minutes,
 * nobody can tell. What a duration may be (whole minutes, a range) is the option's business.
 */
public final class Durations implements ITypeConverter<Duration> {

    /** What {@link #parse} accepts, for messages and help. */
    public static final String FORMS = "e.g. 90s, 5m, 1h30m, 24h, 7d, 500ms or PT24H";

    private static final Pattern UNITS = Pattern.compile(
            "(?:(\\d{1,6})d)?(?:(\\d{1,7})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?(?:(\\d{1,9})ms)?");

    /** As a picocli converter: a bad value is a usage error that says what is accepted. */
    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** @throws IllegalArgumentException saying what is accepted */
    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = UNITS.matcher(value);
        if (!value.isEmpty() && matcher.matches()) {
            return Duration.ofDays(number(matcher, 1)).plusHours(number(matcher, 2)).plusMinutes(number(matcher, 3))
                    .plusSeconds(number(matcher, 4)).plusMillis(number(matcher, 5));
        }
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // Reported below with the accepted forms.
            }
        }
        String why = value.matches("\\d+") ? "it has no unit" : "it is not a duration";
        throw new IllegalArgumentException("'" + text + "': " + why + ": write it " + FORMS);
    }

    /** The short form that {@link #parse} reads back, in hours at most: {@code 24h}, {@code 1h30m}, {@code 90s}, {@code 0}. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        if (duration.isZero()) {
            return "0";
        }
        StringBuilder text = new StringBuilder();
        long seconds = duration.getSeconds();
        append(text, seconds / 3600, "h");
        append(text, seconds / 60 % 60, "m");
        append(text, seconds % 60, "s");
        append(text, duration.getNano() / 1_000_000, "ms");
        if (duration.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("duration " + duration + " is finer than a millisecond");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }

    private static long number(Matcher matcher, int group) {
        String digits = matcher.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
