package dev.greenlight.codec;

import java.util.Locale;

/** The risk colour a code carries, with the byte that encodes it on the wire. */
public enum Colour {
    /** Low risk: may pass. */
    GREEN(0),
    /** Medium risk: home isolation and a daily health check-in. */
    YELLOW(1),
    /** High risk: under control of the health authorities. */
    RED(2);

    private final int wireValue;

    Colour(int wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the byte that stands for this colour in a payload */
    public int wireValue() {
        return wireValue;
    }

    /**
     * The colour for a wire byte.
     *
     * @param value a payload's colour byte
     * @return the colour, or null when the byte names none: the caller decides what that means
     */
    public static Colour fromWireValue(int value) {
        for (Colour colour : values()) {
            if (colour.wireValue == value) {
                return colour;
            }
        }
        return null;
    }

    /**
     * Parses a colour name as an operator types it: {@code green}, {@code YELLOW}, {@code Red}.
     *
     * @param name the name in any case, with surrounding white space if any
     * @return the colour
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Colour parse(String name) {
        String normalised = strip(name).toUpperCase(Locale.ROOT);
        for (Colour colour : values()) {
            if (colour.name().equals(normalised)) {
                return colour;
            }
        }
        throw new IllegalArgumentException("Unknown colour '" + name + "': expected green, yellow or red");
    }

    /**
     * {@link String#strip()} (Java 11), which Android 8, our minimum (README), lacks: drops
     * leading and trailing Unicode white space, such as the ideographic space an input method
     * types, where {@link String#trim()} would keep it.
     */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && Character.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }
}
