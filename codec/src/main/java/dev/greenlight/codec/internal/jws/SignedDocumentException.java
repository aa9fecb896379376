package dev.greenlight.codec.internal.jws;

/**
 * A signed document (trust list, revocation list) that must not be used: not a JWS of the
 * format's profile, or a signature that fails. The message is for people and quotes received
 * text only escaped.
 */
public final class SignedDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean ofAnotherType;

    /** @param message what is wrong, for people */
    public SignedDocumentException(String message) {
        this(message, false);
    }

    SignedDocumentException(String message, boolean ofAnotherType) {
        super(message);
        this.ofAnotherType = ofAnotherType;
    }

    /**
     * @return whether the signature verified under the pinned key and only the {@code typ} differs:
     *         a genuine document of another type, never said of a text whose signature failed
     */
    public boolean isOfAnotherType() {
        return ofAnotherType;
    }
}
