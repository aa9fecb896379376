package dev.greenlight.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the policy's risk-area list: a division at a level, over a period.
 *
 * @param region the division; a province or prefecture code covers every county in it
 * @param level  high, medium or epidemic
 * @param from   the first day of the listing
 * @param to     the last day of the listing, included; empty while the area is still listed
 */
public record RiskArea(RegionCode region, RiskLevel level, LocalDate from, Optional<LocalDate> to) {

    /**
     * @param region the division
     * @param level  the level
     * @param from   the first day
     * @param to     the last day, or empty
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public RiskArea {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new IllegalArgumentException("The listing of " + region + " ends (" + to.get() + ") before it starts (" + from + ")");
        }
    }

    /**
     * Whether the listing is in force on a day.
     *
     * @param day the day
     * @return true if {@code day} is within {@code from} to {@code to}, both included
     */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(from) && (to.isEmpty() || !day.isAfter(to.get()));
    }
}
