package dev.greenlight.issuer.batch;

/**
 * The fields of one input row as text, before validation.
 *
 * @param validity null when the row gives none: the issuer's default applies
 * @param id       the caller's id for the row, passed through to its output record; null if none
 */
record Row(String documentType, String number, String colour, String validity, String id) {
}
