package dev.greenlight.codec;

/**
 * Key material that cannot be used: not P-256, a point off the curve, a malformed encoding, or
 * private material where only a public key belongs. The message says which, for an operator.
 */
public class KeyFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public KeyFormatException(String message) {
        super(message);
    }

    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
