package dev.greenlight.rules;

import dev.greenlight.codec.BodyTemperature;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The numbers and lists the rules apply: the fever threshold, the lookback period, the length of
 * the check-in streak, the issuer's time zone and the risk-area list. Read from a JSON file
 * ({@code specs/rules.md} gives the format) by {@link #load(InputStream)}.
 *
 * @param feverThreshold the lowest temperature that is a fever; the standard's is 37.3 °C
 * @param lookbackDays   how many days back "in the last 14 days" reaches; at least 1
 * @param streakDays     how many consecutive daily check-ins turn yellow green; at least 1
 * @param zone           the issuer's time zone, in which days are counted
 * @param riskAreas      the risk-area list
 */
public record Policy(BodyTemperature feverThreshold, int lookbackDays, int streakDays, ZoneId zone,
                     List<RiskArea> riskAreas) {

    /** The longest lookback period or streak accepted, in days: a year. */
    public static final int MAX_DAYS = 366;

    /**
     * @param feverThreshold the fever threshold
     * @param lookbackDays   the lookback period in days, 1 to {@link #MAX_DAYS}
     * @param streakDays     the streak length in days, 1 to {@link #MAX_DAYS}
     * @param zone           the time zone
     * @param riskAreas      the risk-area list, copied
     * @throws NullPointerException     if a component or a risk area is null
     * @throws IllegalArgumentException if a day count is out of range
     */
    public Policy {
        Objects.requireNonNull(feverThreshold, "feverThreshold");
        Objects.requireNonNull(zone, "zone");
        riskAreas = List.copyOf(Objects.requireNonNull(riskAreas, "riskAreas"));
        if (lookbackDays < 1 || lookbackDays > MAX_DAYS) {
            throw new IllegalArgumentException("lookbackDays is 1 to " + MAX_DAYS + ", not " + lookbackDays);
        }
        if (streakDays < 1 || streakDays > MAX_DAYS) {
            throw new IllegalArgumentException("streakDays is 1 to " + MAX_DAYS + ", not " + streakDays);
        }
    }

    /**
     * Reads a policy file, strictly: an unknown field, a missing one, a wrong type or an invalid
     * value is an error naming the field, never a default.
     *
     * @param json the file's content, UTF-8 JSON; not closed
     * @return the policy
     * @throws IOException            if reading the stream fails
     * @throws InvalidPolicyException if the content is not a valid policy
     */
    public static Policy load(InputStream json) throws IOException, InvalidPolicyException {
        return PolicyLoader.load(json);
    }
}
