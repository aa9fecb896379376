package dev.greenlight.verifier;

import dev.greenlight.codec.Colour;

/** ANSI styling that is a no-op when colour is off, so callers write one code path. */
final class Ansi {

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    String bold(String text) {
        return style("1", text);
    }

    String colour(Colour colour, String text) {
        return style(switch (colour) {
            case GREEN -> "1;32";
            case YELLOW -> "1;33";
            case RED -> "1;31";
        }, text);
    }

    String rejected(String text) {
        return style("1;31", text);
    }

    /** White on a coloured background: the banner a gate operator sees from a step away. */
    String banner(String background, String text) {
        return style("1;97;" + background, text);
    }

    String style(String sgr, String text) {
        return enabled ? "\u001b[" + sgr + "m" + text + RESET : text;
    }

    boolean enabled() {
        return enabled;
    }
}
