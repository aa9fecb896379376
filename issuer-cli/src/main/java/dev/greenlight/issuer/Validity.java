package dev.greenlight.issuer;

import dev.greenlight.codec.Issuer;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validity periods as operators write them: {@code 24h}, {@code 90m}, {@code 7d}, {@code 1h30m},
 * or ISO 8601 ({@code PT24H}). A bare number is refused: minutes or hours, nobody can tell.
 */
final class Validity {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d{1,5})d)?(?:(\\d{1,6})h)?(?:(\\d{1,7})m)?");

    private Validity() {
    }

    /** @throws IllegalArgumentException saying what is accepted */
    static Duration parse(String text) {
        String value = text.strip();
        Duration duration = null;
        Matcher matcher = SHORT.matcher(value.toLowerCase(java.util.Locale.ROOT));
        if (!value.isEmpty() && matcher.matches()) {
            duration = Duration.ofDays(group(matcher, 1)).plusHours(group(matcher, 2)).plusMinutes(group(matcher, 3));
        } else if (value.startsWith("P") || value.startsWith("p")) {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                duration = null;
            }
        }
        if (duration == null) {
            throw new IllegalArgumentException("Invalid validity '" + text + "': write it like 24h, 90m, 7d, 1h30m or PT24H");
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

    /** The short form that {@link #parse} reads back: {@code 24h}, {@code 1h30m}. */
    static String format(Duration duration) {
        long minutes = duration.toMinutes();
        StringBuilder text = new StringBuilder();
        if (minutes / 60 > 0) {
            text.append(minutes / 60).append('h');
        }
        if (minutes % 60 > 0 || text.length() == 0) {
            text.append(minutes % 60).append('m');
        }
        return text.toString();
    }

    private static long group(Matcher matcher, int group) {
        String digits = matcher.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
