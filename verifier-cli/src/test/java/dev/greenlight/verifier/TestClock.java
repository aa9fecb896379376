package dev.greenlight.verifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A UTC clock whose readings a test decides: time passes between the scans of a session. */
final class TestClock extends Clock {

    private final Supplier<Instant> readings;

    private TestClock(Supplier<Instant> readings) {
        this.readings = readings;
    }

    /** @return a clock that reads {@code now}, which the test moves */
    static Clock reading(AtomicReference<Instant> now) {
        return new TestClock(now::get);
    }

    /** @return a clock that starts at {@code start} and moves forward by {@code step} each time it is read */
    static Clock stepping(Instant start, Duration step) {
        AtomicReference<Instant> next = new AtomicReference<>(start);
        return new TestClock(() -> next.getAndUpdate(reading -> reading.plus(step)));
    }

    @Override
    public Instant instant() {
        return readings.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the tests read instants only");
    }
}
