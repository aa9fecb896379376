package dev.greenlight.rules;

/** Whether the health authorities count the person as a case or a close contact. */
public enum CaseStatus {
    /** None of the below. */
    NONE,
    /** A confirmed patient. */
    CONFIRMED,
    /** A suspected patient. */
    SUSPECTED,
    /** A close contact of a case, as traced by the authorities. */
    CLOSE_CONTACT
}
