package dev.greenlight.codec;

import dev.greenlight.codec.internal.Hex;

/**
 * The random 64-bit serial number of one issued code: what a revocation list names.
 * Printed as 16 lower-case hex digits.
 *
 * @param value the 64 bits, as a signed long
 */
public record Serial(long value) {

    /** The length of a serial on the wire. */
    public static final int BYTES = 8;

    /**
     * Parses the 16 hex digits that {@link #toString()} prints.
     *
     * @param hex 16 hex digits, either case
     * @return the serial
     * @throws IllegalArgumentException if {@code hex} is anything else
     */
    public static Serial parse(String hex) {
        if (hex.length() != 2 * BYTES) {
            throw new IllegalArgumentException("A serial is " + 2 * BYTES + " hex digits, not '" + hex + "'");
        }
        return new Serial(Hex.fromHexDigits(hex));
    }

    /** @return 16 lower-case hex digits, as revocation lists and scan logs write a serial */
    @Override
    public String toString() {
        return Hex.toHexDigits(value);
    }
}
