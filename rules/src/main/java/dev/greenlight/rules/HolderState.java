package dev.greenlight.rules;

import dev.greenlight.codec.Colour;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a holder stands in the lifecycle ({@code specs/lifecycle.md}): the colour, the check-in
 * streak a yellow holder has built, and the last event's time, which the next event may not precede.
 *
 * @param colour      the current colour
 * @param lastEventAt when the latest event applied happened
 * @param streak      the current run of clean daily check-ins; only a yellow holder has one
 * @param spoiledDay  the latest day on which a check-in or declaration reported fever or a symptom,
 *                    a day that cannot count towards a streak; only a yellow holder has one
 */
public record HolderState(Colour colour, Instant lastEventAt, Optional<Streak> streak, Optional<LocalDate> spoiledDay) {

    /**
     * @param colour      the colour
     * @param lastEventAt the latest event's time
     * @param streak      the streak, or empty
     * @param spoiledDay  the spoiled day, or empty
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if a green or red holder has a streak or a spoiled day, or
     *                                  the spoiled day is not before the streak
     */
    public HolderState {
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        Objects.requireNonNull(streak, "streak");
        Objects.requireNonNull(spoiledDay, "spoiledDay");
        if (colour != Colour.YELLOW && (streak.isPresent() || spoiledDay.isPresent())) {
            throw new IllegalArgumentException("Only a yellow holder counts check-ins: " + colour + " with " + streak + ", " + spoiledDay);
        }
        if (streak.isPresent() && spoiledDay.isPresent() && !spoiledDay.get().isBefore(streak.get().first())) {
            throw new IllegalArgumentException("A streak starts after the last spoiled day: " + streak.get() + ", " + spoiledDay.get());
        }
    }

    /**
     * A holder of a colour with no streak and no spoiled day.
     *
     * @param colour      the colour
     * @param lastEventAt the latest event's time
     * @return the state
     */
    public static HolderState of(Colour colour, Instant lastEventAt) {
        return new HolderState(colour, lastEventAt, Optional.empty(), Optional.empty());
    }

    /** @return how many consecutive clean check-in days count so far; 0 without a streak */
    public long streakDays() {
        return streak.map(Streak::days).orElse(0L);
    }
}
