package dev.greenlight.codec.qr;

import java.util.Arrays;

/**
 * The modules of a QR symbol: a square of dark and light cells, without the quiet zone.
 * Immutable, and so safe to share between threads. Two matrices are equal when they have the same
 * size and the same dark modules.
 *
 * <p>Obtain one from {@link QrCodes#encode(String)}; draw it with {@link SvgRenderer},
 * {@link TerminalRenderer}, or your own renderer through {@link #size()} and {@link #isDark}.
 */
public final class QrMatrix {

    private final int size;
    // Row-major, size × size; never written after construction and never handed out.
    private final boolean[] dark;

    /** Takes ownership of {@code dark}: the caller must not keep or change it. */
    QrMatrix(int size, boolean[] dark) {
        if (size < 1 || dark.length != size * size) {
            throw new IllegalArgumentException("a " + size + "x" + size + " matrix needs " + size * size
                    + " modules, not " + dark.length);
        }
        this.size = size;
        this.dark = dark;
    }

    /** @return the number of modules on each side: 21 for version 1, 4 more per version, 177 for version 40 */
    public int size() {
        return size;
    }

    /**
     * Whether the module in column {@code x} and row {@code y} is dark; (0, 0) is the top-left
     * module of the symbol, inside the quiet zone.
     *
     * @param x the column, from 0 on the left
     * @param y the row, from 0 at the top
     * @return true for a dark module, false for a light one
     * @throws IndexOutOfBoundsException if {@code x} or {@code y} is not between 0 and {@code size() - 1}
     */
    public boolean isDark(int x, int y) {
        if (x < 0 || y < 0 || x >= size || y >= size) {
            throw new IndexOutOfBoundsException("module (" + x + ", " + y + ") is outside a "
                    + size + "x" + size + " matrix");
        }
        return dark[y * size + x];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QrMatrix that && size == that.size && Arrays.equals(dark, that.dark);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(dark);
    }

    /** The size only, such as {@code QrMatrix[41x41]}; render the matrix to see its modules. */
    @Override
    public String toString() {
        return "QrMatrix[" + size + "x" + size + "]";
    }
}
