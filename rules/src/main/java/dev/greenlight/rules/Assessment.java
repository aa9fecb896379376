package dev.greenlight.rules;

import dev.greenlight.codec.Colour;
import java.util.List;
import java.util.Objects;

/**
 * A colour and every reason for it. When several rules apply the colour is the highest they give,
 * and the reasons list them all, red ones first, so that a holder released from red learns what
 * still makes them yellow.
 *
 * @param colour  the colour
 * @param reasons the rules that applied, in the order of {@link Rule}; at least one
 */
public record Assessment(Colour colour, List<Reason> reasons) {

    /**
     * @param colour  the colour
     * @param reasons the reasons
     * @throws NullPointerException     if either is null
     * @throws IllegalArgumentException if there is no reason, or the colour is not the highest the
     *                                  reasons give
     */
    public Assessment {
        Objects.requireNonNull(colour, "colour");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("An assessment has at least one reason");
        }
        Colour highest = reasons.stream().map(Reason::colour).max(Colour::compareTo).orElseThrow();
        if (highest != colour) {
            throw new IllegalArgumentException("The reasons give " + highest + ", not " + colour + ": " + reasons);
        }
    }

    /** @return the ids of the rules that applied, in order */
    public List<String> ruleIds() {
        return reasons.stream().map(Reason::ruleId).toList();
    }
}
