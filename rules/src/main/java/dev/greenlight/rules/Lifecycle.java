package dev.greenlight.rules;

import dev.greenlight.codec.Colour;
import dev.greenlight.rules.RefusedEventException.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a holder's colour changes over time, as {@code specs/lifecycle.md} writes it down: new risk
 * raises the colour at once; yellow turns green after the policy's {@code streakDays} clean daily
 * check-ins on consecutive calendar days in the policy's zone; red turns yellow only on a release
 * certificate. A pure state machine: the same state, event and instant always give the same step,
 * and nothing is stored here. Immutable and thread-safe.
 */
public final class Lifecycle {

    /**
     * The outcome of one event: the new state and the colour changes it made, none, one, or (for
     * a first declaration) the initial colour.
     *
     * @param state       the state after the event
     * @param transitions the colour changes, in order; empty if the colour did not change
     */
    public record Step(HolderState state, List<Transition> transitions) {
        /**
         * @param state       the state
         * @param transitions the transitions, copied
         * @throws NullPointerException if either is null
         */
        public Step {
            Objects.requireNonNull(state, "state");
            transitions = List.copyOf(Objects.requireNonNull(transitions, "transitions"));
        }
    }

    private final Policy policy;
    private final ColourRules rules;

    /**
     * @param policy the fever threshold, streak length, zone and risk areas to apply
     * @throws NullPointerException if {@code policy} is null
     */
    public Lifecycle(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.rules = new ColourRules(policy);
    }

    /**
     * A holder's first declaration: the colour the rules give, with a transition from nothing.
     *
     * @param declaration the declaration
     * @param at          when it was made
     * @return the first state, and one transition to its colour
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link ColourRules#assess}
     */
    public Step start(Declaration declaration, Instant at) {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(at, "at");
        LocalDate day = dayOf(at);
        Assessment assessment = rules.assess(declaration, day);
        Colour colour = assessment.colour();
        boolean spoils = colour == Colour.YELLOW && !rules.healthReasons(declaration.temperature(), declaration.symptoms()).isEmpty();
        HolderState state = new HolderState(colour, at, Optional.empty(), spoils ? Optional.of(day) : Optional.empty());
        return new Step(state, List.of(new Transition(at, Optional.empty(), colour, Transition.Cause.DECLARATION, assessment.reasons())));
    }

    /**
     * Applies one event.
     *
     * @param state the holder's state
     * @param event what happened
     * @param at    when it happened; not before {@code state.lastEventAt()}
     * @return the new state and the colour changes made
     * @throws RefusedEventException    if the clock went backwards, or a release comes for a holder
     *                                  who is not red; the state is then unchanged
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link ColourRules#assess}, for a declaration
     */
    public Step apply(HolderState state, Event event, Instant at) throws RefusedEventException {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        if (at.isBefore(state.lastEventAt())) {
            throw new RefusedEventException(Refusal.CLOCK_WENT_BACKWARDS,
                    "Event at " + at + " is before the holder's last event at " + state.lastEventAt() + ": not applied");
        }
        LocalDate day = dayOf(at);
        if (state.streak().isPresent() && day.isBefore(state.streak().get().last())) {
            throw new RefusedEventException(Refusal.CLOCK_WENT_BACKWARDS, "Event on " + day + " in " + policy.zone()
                    + " is before the streak's last day " + state.streak().get().last() + " (was the zone changed?): not applied");
        }
        if (event instanceof Event.Declared declared) {
            return declared(state, declared.declaration(), at, day);
        }
        if (event instanceof Event.CheckedIn checkIn) {
            return checkedIn(state, checkIn, at, day);
        }
        return released(state, (Event.Released) event, at);
    }

    private Step declared(HolderState state, Declaration declaration, Instant at, LocalDate day) {
        Assessment assessment = rules.assess(declaration, day);
        boolean health = !rules.healthReasons(declaration.temperature(), declaration.symptoms()).isEmpty();
        if (assessment.colour().compareTo(state.colour()) > 0) {
            return raise(state, assessment.colour(), assessment.reasons(), Transition.Cause.DECLARATION, at, day, health);
        }
        if (state.colour() == Colour.YELLOW && health) {
            return unchanged(spoil(at, day));
        }
        return unchanged(moved(state, at));
    }

    private Step checkedIn(HolderState state, Event.CheckedIn checkIn, Instant at, LocalDate day) {
        List<Reason> health = rules.healthReasons(checkIn.temperature(), checkIn.symptoms());
        switch (state.colour()) {
            case RED:
                // Check-ins never lower red; fever or a symptom adds nothing to it either.
                return unchanged(moved(state, at));
            case GREEN:
                return health.isEmpty() ? unchanged(moved(state, at))
                        : raise(state, Colour.YELLOW, health, Transition.Cause.CHECK_IN, at, day, true);
            default:
                break;
        }
        if (!health.isEmpty()) {
            return unchanged(spoil(at, day));
        }
        if (state.spoiledDay().isPresent() && state.spoiledDay().get().equals(day)) {
            return unchanged(moved(state, at));
        }
        Optional<Streak> current = state.streak();
        Streak streak;
        if (current.isPresent() && current.get().last().equals(day)) {
            streak = current.get();
        } else if (current.isPresent() && current.get().last().plusDays(1).equals(day)) {
            streak = new Streak(current.get().first(), day);
        } else {
            streak = new Streak(day, day);
        }
        if (streak.days() >= policy.streakDays()) {
            Reason done = new Reason(Rule.GREEN_CHECK_INS_COMPLETE, streak.days() + " daily check-ins on consecutive days, "
                    + streak.first() + " to " + streak.last() + ", without fever or symptom.");
            Transition transition = new Transition(at, Optional.of(Colour.YELLOW), Colour.GREEN, Transition.Cause.CHECK_IN, List.of(done));
            return new Step(HolderState.of(Colour.GREEN, at), List.of(transition));
        }
        return unchanged(new HolderState(Colour.YELLOW, at, Optional.of(streak), state.spoiledDay()));
    }

    private Step released(HolderState state, Event.Released release, Instant at) throws RefusedEventException {
        if (state.colour() != Colour.RED) {
            throw new RefusedEventException(Refusal.NOT_RED, "Release certificate " + release.certificate()
                    + " for a " + state.colour() + " holder: only red turns yellow on release; not applied");
        }
        Reason reason = new Reason(Rule.YELLOW_RELEASED, "Discharge or release certificate " + release.certificate() + " recorded.");
        Transition transition = new Transition(at, Optional.of(Colour.RED), Colour.YELLOW, Transition.Cause.RELEASE, List.of(reason));
        return new Step(HolderState.of(Colour.YELLOW, at), List.of(transition));
    }

    /** New risk: up to {@code colour} at once, any streak gone; the reasons are those of that colour. */
    private Step raise(HolderState state, Colour colour, List<Reason> reasons, Transition.Cause cause, Instant at,
                       LocalDate day, boolean spoilsDay) {
        List<Reason> raising = reasons.stream().filter(r -> r.colour() == colour).toList();
        Optional<LocalDate> spoiled = colour == Colour.YELLOW && spoilsDay ? Optional.of(day) : Optional.empty();
        HolderState next = new HolderState(colour, at, Optional.empty(), spoiled);
        return new Step(next, List.of(new Transition(at, Optional.of(state.colour()), colour, cause, raising)));
    }

    /** Fever or a symptom while yellow: the streak restarts, and this day cannot count. */
    private static HolderState spoil(Instant at, LocalDate day) {
        return new HolderState(Colour.YELLOW, at, Optional.empty(), Optional.of(day));
    }

    private static HolderState moved(HolderState state, Instant at) {
        return new HolderState(state.colour(), at, state.streak(), state.spoiledDay());
    }

    private static Step unchanged(HolderState state) {
        return new Step(state, List.of());
    }

    private LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, policy.zone());
    }
}
