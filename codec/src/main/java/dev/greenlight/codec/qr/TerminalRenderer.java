package dev.greenlight.codec.qr;

/**
 * QR modules as Unicode half blocks, two module rows per text line, so a phone can scan the code
 * from a terminal window.
 *
 * <p>Stateless: safe to call from any thread.
 */
public final class TerminalRenderer {

    private static final char UPPER = '\u2580';
    private static final char LOWER = '\u2584';
    private static final char FULL = '\u2588';
    private static final String BLACK_ON_WHITE = "\u001b[30;47m";
    private static final String RESET = "\u001b[0m";

    /** How the terminal shows the blocks. */
    public enum Style {
        /**
         * ANSI colours force black modules on a white background, whatever the terminal's theme.
         * The safe choice on an interactive terminal.
         */
        ANSI,
        /**
         * No escape codes, drawn for light text on a dark background (most terminals): the blocks
         * paint the light modules. Inverted on a light theme, which many scanners still read.
         */
        PLAIN_DARK_BACKGROUND
    }

    private TerminalRenderer() {
    }

    /**
     * The text that draws {@code modules} with its quiet zone: one line per two module rows, each
     * line ending in {@code '\n'}.
     *
     * @param modules the symbol, from {@link QrCodes#encode(String)}
     * @param style   how the terminal will show the blocks
     * @return the text; the same matrix and style always give the same text
     */
    public static String render(QrMatrix modules, Style style) {
        int quiet = QrCodes.QUIET_ZONE_MODULES;
        int side = modules.size() + 2 * quiet;
        StringBuilder out = new StringBuilder((side + 16) * (side / 2 + 1));
        for (int y = 0; y < side; y += 2) {
            if (style == Style.ANSI) {
                out.append(BLACK_ON_WHITE);
            }
            for (int x = 0; x < side; x++) {
                boolean top = isDark(modules, x - quiet, y - quiet);
                boolean bottom = y + 1 < side && isDark(modules, x - quiet, y + 1 - quiet);
                // In ANSI style a block paints dark; in plain style it paints light.
                boolean paintTop = style == Style.ANSI ? top : !top;
                boolean paintBottom = style == Style.ANSI ? bottom : (y + 1 < side && !bottom);
                out.append(paintTop ? (paintBottom ? FULL : UPPER) : (paintBottom ? LOWER : ' '));
            }
            if (style == Style.ANSI) {
                out.append(RESET);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Outside the symbol is the quiet zone: light. */
    private static boolean isDark(QrMatrix modules, int x, int y) {
        return x >= 0 && y >= 0 && x < modules.size() && y < modules.size() && modules.isDark(x, y);
    }
}
