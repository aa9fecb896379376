package dev.greenlight.codec;

/** An identity document number that fails validation; the message says which rule and why. */
public class InvalidIdentityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message the rule the number breaks, for the operator */
    public InvalidIdentityException(String message) {
        super(message);
    }
}
