package dev.greenlight.cli.records;

/**
 * Why an input record yields no code or verdict: the {@code reason} of an
 * {@link Verdict#INPUT_ERROR} record. These share the {@code reason} field with the codec's
 * {@code RejectionReason}, so no name may clash with one of those.
 */
public enum InputProblem {
    /** An empty line: a scanner's stray Enter, or a blank line in a file. */
    EMPTY_LINE,
    /** A line longer than the cap; its bytes beyond the cap were read and discarded. */
    LINE_TOO_LONG,
    /** A batch row longer than the cap; the rest of it was read and discarded. */
    ROW_TOO_LONG,
    /** Bytes that are not UTF-8 text. */
    NOT_UTF8,
    /** A file that could not be read (permissions, I/O error). */
    UNREADABLE_FILE,
    /** A file that is not a PNG or JPEG (or other format ImageIO reads). */
    NOT_AN_IMAGE,
    /** An image too large to decode within the memory budget. */
    IMAGE_TOO_LARGE,
    /** An image in which no QR code could be found or read. */
    NO_QR_CODE,
    /** A row that is not CSV or not a JSON object (an unclosed quote, invalid JSON). */
    MALFORMED_ROW,
    /** A CSV row with more or fewer cells than the header has columns. */
    WRONG_COLUMN_COUNT,
    /** A JSON row with an unknown field, a missing required field, or a value that is not text. */
    WRONG_FIELDS,
    /** A document type and number that are not a valid identity. */
    INVALID_IDENTITY,
    /** A colour other than green, yellow or red. */
    UNKNOWN_COLOUR,
    /** A validity that is not a duration, or out of range. */
    BAD_VALIDITY,
    /** A health declaration's field that cannot be read, or a declaration the colour rules refuse. */
    INVALID_DECLARATION,
    /** Something the row asked to be written (a PNG) could not be. */
    OUTPUT_FAILED,
    /** A bug: the record is kept, with the error, rather than lost. */
    INTERNAL_ERROR
}
