package dev.greenlight.issuer.batch;

/**
 * The fields of one input row as text, before validation.
 *
 * @param validity null when the row gives none: the issuer's default applies
 */
record Row(String documentType, String number, String colour, String validity) {
}
