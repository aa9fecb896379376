package dev.greenlight.codec.qr;

/**
 * How much of a damaged QR code a scanner can restore: the four levels of the QR standard (ISO/IEC
 * 18004). A higher level adds redundancy, so the same text needs a larger symbol: a Greenlight code
 * fits version 6 (41×41 modules) at {@link #M} and version 8 (49×49) at {@link #Q}.
 */
public enum ErrorCorrection {
    /** Restores about 7% of the modules. */
    L,
    /** Restores about 15% of the modules: a cracked phone screen, a smudge. The default. */
    M,
    /** Restores about 25% of the modules. */
    Q,
    /** Restores about 30% of the modules. */
    H
}
