package dev.greenlight.codec;

/**
 * Key material that cannot be used: not P-256, a point off the curve, a malformed encoding, or
 * private material where only a public key belongs. The message says which, for an operator.
 */
public class KeyFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the key, for an operator; never key material */
    public KeyFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the key, for an operator; never key material
     * @param cause   the parser's or provider's exception
     */
    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
