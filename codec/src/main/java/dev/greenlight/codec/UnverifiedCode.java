package dev.greenlight.codec;

import dev.greenlight.codec.internal.Hex;

/**
 * A code read without checking its signature or its times, from
 * {@link Verifier#inspectUnverified(String)}: for debugging and for display, never for a decision.
 *
 * @param claims    what the code says, unverified
 * @param signature the 64 signature bytes as received
 */
public record UnverifiedCode(CodeClaims claims, byte[] signature) {

    /**
     * @param claims    what the code says, unverified
     * @param signature the 64 signature bytes as received; copied
     */
    public UnverifiedCode {
        signature = signature.clone();
    }

    /** @return a copy of the 64 signature bytes as received ({@code r || s}, big-endian) */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public String toString() {
        return "UnverifiedCode[" + claims + ", signature=" + Hex.formatHex(signature) + "]";
    }
}
