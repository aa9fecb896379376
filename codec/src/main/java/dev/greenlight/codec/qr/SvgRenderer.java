package dev.greenlight.codec.qr;

/**
 * QR modules to an SVG document: one path of unit squares on a white background, with the quiet
 * zone, scaled by the viewer. Crisp at any size, and small (about 6 KB for a code).
 *
 * <p>Stateless: safe to call from any thread.
 */
public final class SvgRenderer {

    private SvgRenderer() {
    }

    /**
     * The SVG document (UTF-8, with an XML declaration) that draws {@code modules}.
     *
     * @param modules         the symbol, from {@link QrCodes#encode(String)}
     * @param pixelsPerModule the rendered size of one module, for viewers that honour width/height
     * @return the document; the same matrix and scale always give the same text
     * @throws IllegalArgumentException if {@code pixelsPerModule} is less than 1
     */
    public static String render(QrMatrix modules, int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("pixelsPerModule must be at least 1, not " + pixelsPerModule);
        }
        int side = modules.size() + 2 * QrCodes.QUIET_ZONE_MODULES;
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ")
                .append(side).append(' ').append(side)
                .append("\" width=\"").append(side * pixelsPerModule)
                .append("\" height=\"").append(side * pixelsPerModule)
                .append("\" shape-rendering=\"crispEdges\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<path fill=\"#000000\" d=\"");
        for (int y = 0; y < modules.size(); y++) {
            for (int x = 0; x < modules.size(); x++) {
                if (modules.isDark(x, y)) {
                    svg.append('M').append(x + QrCodes.QUIET_ZONE_MODULES).append(' ')
                            .append(y + QrCodes.QUIET_ZONE_MODULES).append("h1v1h-1z");
                }
            }
        }
        return svg.append("\"/>\n</svg>\n").toString();
    }
}
