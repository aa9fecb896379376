package dev.greenlight.rules;

/** Whether the person is currently under isolation and medical observation. */
public enum Isolation {
    /** Not isolated. */
    NONE,
    /** Medical isolation and observation. */
    MEDICAL,
    /** Home isolation and observation. */
    HOME
}
