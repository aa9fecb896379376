package dev.greenlight.rules;

import dev.greenlight.codec.Colour;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of colour, as the lifecycle emits it for storage: when, from what, to what, on which
 * kind of event, and the rules that made it (with their texts, for the holder).
 *
 * @param at      the instant of the event that caused it
 * @param from    the colour before; empty for a holder's first declaration
 * @param to      the colour after, different from {@code from}
 * @param cause   the kind of event
 * @param reasons the rules that made the change, at least one
 */
public record Transition(Instant at, Optional<Colour> from, Colour to, Cause cause, List<Reason> reasons) {

    /** The kind of event that caused a transition. */
    public enum Cause {
        /** A health declaration. */
        DECLARATION,
        /** A daily check-in: one that reported risk, or the one that completed the streak. */
        CHECK_IN,
        /** A discharge or release certificate. */
        RELEASE
    }

    /**
     * @param at      the instant
     * @param from    the colour before, or empty
     * @param to      the colour after
     * @param cause   the kind of event
     * @param reasons the rules, copied
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if the colour does not change or there is no reason
     */
    public Transition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cause, "cause");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (from.isPresent() && from.get() == to) {
            throw new IllegalArgumentException("A transition changes the colour; " + to + " stays " + to);
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("A transition has at least one rule");
        }
    }

    /** @return the ids of the rules that made the change, such as {@code [YELLOW-FEVER]} */
    public List<String> ruleIds() {
        return reasons.stream().map(Reason::ruleId).toList();
    }
}
