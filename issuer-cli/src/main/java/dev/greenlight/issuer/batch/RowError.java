package dev.greenlight.issuer.batch;

/** Why a row yields no code: a kind for programs and a reason for people. */
record RowError(Kind kind, String reason) {

    /** The {@code error} field of an error record. */
    enum Kind {
        INVALID_IDENTITY("invalid_identity"),
        UNKNOWN_COLOUR("unknown_colour"),
        BAD_VALIDITY("bad_validity"),
        WRONG_COLUMN_COUNT("wrong_column_count"),
        WRONG_FIELDS("wrong_fields"),
        BAD_ENCODING("bad_encoding"),
        MALFORMED_ROW("malformed_row"),
        ROW_TOO_LONG("row_too_long"),
        OUTPUT_FAILED("output_failed"),
        INTERNAL_ERROR("internal_error");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        String jsonName() {
            return jsonName;
        }
    }

    /** Thrown while parsing a row, caught by the worker and turned into an error record. */
    static final class RowException extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient RowError error;

        RowException(Kind kind, String reason) {
            super(reason, null, false, false);
            this.error = new RowError(kind, reason);
        }

        RowError error() {
            return error;
        }
    }
}
