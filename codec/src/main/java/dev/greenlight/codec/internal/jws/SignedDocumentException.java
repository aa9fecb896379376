package dev.greenlight.codec.internal.jws;

/**
 * A signed document (trust list, revocation list) that must not be used: not a JWS of the
 * format's profile, or a signature that fails. The message is for people and quotes received
 * text only escaped.
 */
public final class SignedDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, for people */
    public SignedDocumentException(String message) {
        super(message);
    }
}
