package dev.greenlight.codec;

import dev.greenlight.codec.internal.Hex;

/**
 * The random 64-bit serial number of one issued code: what a revocation list names.
 * Printed as 16 lower-case hex digits.
 */
public record Serial(long value) {

    public static final int BYTES = 8;

    /** Parses the 16 hex digits that {@link #toString()} prints. */
    public static Serial parse(String hex) {
        if (hex.length() != 2 * BYTES) {
            throw new IllegalArgumentException("A serial is " + 2 * BYTES + " hex digits, not '" + hex + "'");
        }
        return new Serial(Hex.fromHexDigits(hex));
    }

    @Override
    public String toString() {
        return Hex.toHexDigits(value);
    }
}
