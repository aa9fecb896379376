package dev.greenlight.codec;

import java.util.Objects;

/** A text or payload that cannot be read as a code; {@link #reason()} says in which way. */
public class CodeFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public CodeFormatException(RejectionReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectionReason reason() {
        return reason;
    }
}
