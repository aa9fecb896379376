package dev.greenlight.rules;

import java.util.Objects;

/**
 * A policy file that cannot be used. There is no fallback to defaults: a caller that gets this
 * must not assess anyone until the file is fixed. {@link #path()} names the field, as a JSON path
 * such as {@code riskAreas[3].level}.
 */
public class InvalidPolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of problem the file has, for callers that branch on it. */
    public enum Problem {
        /** Not JSON, or JSON with a duplicate key or trailing content. */
        MALFORMED_JSON,
        /** A field the format does not have: a typo would otherwise be ignored. */
        UNKNOWN_FIELD,
        /** A required field is absent, or null where null is not allowed. */
        MISSING_FIELD,
        /** A field of the wrong JSON type, such as a number given as a string. */
        WRONG_TYPE,
        /** A field of the right type whose value is not allowed. */
        INVALID_VALUE
    }

    private final Problem problem;
    private final String path;

    /**
     * @param problem what kind of problem
     * @param path    the field's JSON path, empty for the whole document
     * @param message for people: what is wrong and what is expected
     */
    public InvalidPolicyException(Problem problem, String path, String message) {
        super((path.isEmpty() ? "policy" : path) + ": " + message);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.path = Objects.requireNonNull(path, "path");
    }

    /** @return what kind of problem, never null */
    public Problem problem() {
        return problem;
    }

    /** @return the field's JSON path, such as {@code riskAreas[3].level}; empty for the whole document */
    public String path() {
        return path;
    }
}
