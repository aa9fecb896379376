package dev.greenlight.registry;

import java.time.Instant;
import java.time.LocalDate;

/** How the registry stores time: instants as nanoseconds since the epoch, days as epoch days. */
final class Times {

    private static final long NANOS = 1_000_000_000L;

    private Times() {
    }

    /**
     * @param instant an instant between 1677 and 2262, which a {@code long} of nanoseconds holds
     * @return nanoseconds since the epoch, exact
     * @throws ArithmeticException outside that range
     */
    static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano());
    }

    static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    static int toDay(LocalDate day) {
        return Math.toIntExact(day.toEpochDay());
    }

    static LocalDate fromDay(long day) {
        return LocalDate.ofEpochDay(day);
    }
}
