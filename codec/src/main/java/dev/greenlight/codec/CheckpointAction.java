package dev.greenlight.codec;

/**
 * What a checkpoint does with a person, as the colour standard prescribes. Only {@link #PASS}
 * lets the person through.
 */
public enum CheckpointAction {
    /** A valid green code and, if one was taken, a temperature below the threshold: let through. */
    PASS,
    /** A valid yellow code: turn back to home isolation, with the daily health check-in. */
    HOME_ISOLATION_AND_DAILY_CHECK_IN,
    /** A valid red code: strict control; report the person to their village or community. */
    STRICT_CONTROL_REPORT_TO_COMMUNITY,
    /** A temperature at or above the threshold: send to a doctor for a medical check. */
    MEDICAL_CHECK,
    /** The code did not verify (expired, not yet valid, forged, unreadable): obtain a fresh code. */
    REFRESH_CODE
}
