package dev.greenlight.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period the person spent in a region, as declared: the days of arrival and departure, both
 * included. A stay still going on is declared with today as its last day.
 *
 * @param region the division, by GB/T 2260 code
 * @param from   the first day there
 * @param to     the last day there, not before {@code from}
 */
public record Stay(RegionCode region, LocalDate from, LocalDate to) {

    /**
     * @param region the division
     * @param from   the first day there
     * @param to     the last day there
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public Stay {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("A stay in " + region + " ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
