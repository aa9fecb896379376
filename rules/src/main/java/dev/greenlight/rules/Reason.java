package dev.greenlight.rules;

import dev.greenlight.codec.Colour;
import java.util.Objects;

/**
 * Why a colour was given: the rule that applied and, in plain language, what in the person's case
 * made it apply, so a holder and a checkpoint can be told.
 *
 * @param rule the rule
 * @param text for people, such as "Temperature 37.5 °C is 37.3 °C or more."
 */
public record Reason(Rule rule, String text) {

    /**
     * @param rule the rule
     * @param text for people; not blank
     * @throws NullPointerException     if either is null
     * @throws IllegalArgumentException if {@code text} is blank
     */
    public Reason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("A reason says why in words");
        }
    }

    /** @return the rule's stable id, such as {@code YELLOW-FEVER} */
    public String ruleId() {
        return rule.id();
    }

    /** @return the colour the rule gives */
    public Colour colour() {
        return rule.colour();
    }
}
