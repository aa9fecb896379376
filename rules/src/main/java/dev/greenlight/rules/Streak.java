package dev.greenlight.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A run of clean daily check-ins on consecutive calendar days, in the issuer's time zone: every
 * day from {@code first} to {@code last} had at least one check-in, none with fever or a symptom.
 *
 * @param first the first day of the run
 * @param last  the latest day of the run, not before {@code first}
 */
public record Streak(LocalDate first, LocalDate last) {

    /**
     * @param first the first day
     * @param last  the latest day
     * @throws NullPointerException     if either is null
     * @throws IllegalArgumentException if {@code last} is before {@code first}
     */
    public Streak {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A streak ends (" + last + ") before it starts (" + first + ")");
        }
    }

    /** @return how many days the run has counted, one for a run of a single day */
    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }
}
