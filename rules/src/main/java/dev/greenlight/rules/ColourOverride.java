package dev.greenlight.rules;

import dev.greenlight.codec.Colour;
import java.util.Objects;

/**
 * An authority placing a person under red- or yellow-code management, the standard's "others
 * placed under red (yellow) code management". It raises a colour and never lowers one: there is
 * no green override.
 *
 * @param colour    red or yellow
 * @param reason    why, in words the holder is shown
 * @param authority who decided, such as a district health commission
 */
public record ColourOverride(Colour colour, String reason, String authority) {

    /**
     * @param colour    red or yellow
     * @param reason    why; not blank
     * @param authority who decided; not blank
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if the colour is green or a text is blank
     */
    public ColourOverride {
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(authority, "authority");
        if (colour == Colour.GREEN) {
            throw new IllegalArgumentException("An override raises a colour to red or yellow; green is what remains when no rule applies");
        }
        if (reason.isBlank() || authority.isBlank()) {
            throw new IllegalArgumentException("An override names its reason and its authority");
        }
    }
}
