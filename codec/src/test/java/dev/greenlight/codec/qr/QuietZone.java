package dev.greenlight.codec.qr;

/** The modules of a symbol with the quiet zone around them, as a scanner sees a rendered code. */
public final class QuietZone {

    private QuietZone() {
    }

    /** {@code [y][x]}, true for dark, {@link QrCodes#QUIET_ZONE_MODULES} light modules on each side. */
    public static boolean[][] around(QrMatrix modules) {
        int quiet = QrCodes.QUIET_ZONE_MODULES;
        boolean[][] dark = new boolean[modules.size() + 2 * quiet][modules.size() + 2 * quiet];
        for (int y = 0; y < modules.size(); y++) {
            for (int x = 0; x < modules.size(); x++) {
                dark[y + quiet][x + quiet] = modules.isDark(x, y);
            }
        }
        return dark;
    }
}
