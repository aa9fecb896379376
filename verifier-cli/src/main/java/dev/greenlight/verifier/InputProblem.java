package dev.greenlight.verifier;

/**
 * Why an input record could not even be read as a code text. These share the {@code reason}
 * column with the codec's {@link dev.greenlight.codec.RejectionReason}, so names must not clash.
 */
enum InputProblem {
    /** An empty line: a scanner's stray Enter, or a blank line in a file. */
    EMPTY_LINE,
    /** A line longer than the cap; its bytes beyond the cap were read and discarded. */
    LINE_TOO_LONG,
    /** Bytes that are not UTF-8 text: binary junk. */
    NOT_UTF8,
    /** A file that could not be read (permissions, I/O error). */
    UNREADABLE_FILE,
    /** A file that is not a PNG or JPEG (or other format ImageIO reads). */
    NOT_AN_IMAGE,
    /** An image too large to decode within the memory budget. */
    IMAGE_TOO_LARGE,
    /** An image in which no QR code could be found or read. */
    NO_QR_CODE,
    /** A bug: the record is kept, with the error, rather than losing it. */
    INTERNAL_ERROR
}
