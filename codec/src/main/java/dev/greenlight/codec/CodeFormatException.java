package dev.greenlight.codec;

import java.util.Objects;

/** A text or payload that cannot be read as a code; {@link #reason()} says in which way. */
public class CodeFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The category of the failure. */
    private final RejectionReason reason;

    /**
     * @param reason  the category, for callers that branch on it
     * @param message for people: what is wrong with the text, never its secret parts
     */
    public CodeFormatException(RejectionReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the category of the failure, never null */
    public RejectionReason reason() {
        return reason;
    }
}
