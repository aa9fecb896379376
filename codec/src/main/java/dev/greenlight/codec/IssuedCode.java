package dev.greenlight.codec;

import java.util.Objects;

/**
 * A freshly issued code: its text (what the QR holds) and what it claims.
 *
 * @param text the code text, {@code GL1:} and Base45; may contain spaces, never trim it
 */
public record IssuedCode(String text, CodeClaims claims) {

    /**
     * @param text   the code text
     * @param claims what the code states
     * @throws NullPointerException if either is null
     */
    public IssuedCode {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(claims, "claims");
    }
}
