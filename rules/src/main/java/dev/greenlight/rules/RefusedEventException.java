package dev.greenlight.rules;

import java.util.Objects;

/**
 * An event the lifecycle will not apply, because applying it would record something false. The
 * state is unchanged; {@link #refusal()} says why.
 */
public class RefusedEventException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an event was refused. */
    public enum Refusal {
        /**
         * The event's instant is before the holder's last event, or its day in the issuer's zone
         * before the streak's last day: a clock went backwards (or the zone was changed), and
         * counting days across it would be guessing.
         */
        CLOCK_WENT_BACKWARDS,
        /** A release certificate for a holder who is not red: there is nothing to release from. */
        NOT_RED
    }

    private final Refusal refusal;

    /**
     * @param refusal why
     * @param message for people: what was refused and what the state holds
     */
    public RefusedEventException(Refusal refusal, String message) {
        super(message);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    /** @return why the event was refused, never null */
    public Refusal refusal() {
        return refusal;
    }
}
