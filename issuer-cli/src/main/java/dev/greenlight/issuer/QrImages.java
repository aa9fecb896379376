package dev.greenlight.issuer;

import dev.greenlight.codec.qr.QrCodes;
import dev.greenlight.codec.qr.QrMatrix;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * QR modules to PNG, here and not in the codec, which must run on Android where
 * {@code java.awt} does not exist. Black modules on white, with the 4-module quiet zone the QR
 * standard requires: without it many scanners do not find the code.
 */
final class QrImages {

    static final int DEFAULT_PIXELS_PER_MODULE = 8;

    private QrImages() {
    }

    static BufferedImage image(QrMatrix modules, int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("pixelsPerModule must be at least 1, not " + pixelsPerModule);
        }
        int quiet = QrCodes.QUIET_ZONE_MODULES;
        int side = (modules.size() + 2 * quiet) * pixelsPerModule;
        // One bit per pixel: the PNG stays about 1 KB.
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] row = new int[side];
        for (int y = 0; y < side; y++) {
            int moduleY = y / pixelsPerModule - quiet;
            for (int x = 0; x < side; x++) {
                int moduleX = x / pixelsPerModule - quiet;
                boolean dark = moduleX >= 0 && moduleY >= 0 && moduleX < modules.size() && moduleY < modules.size()
                        && modules.isDark(moduleX, moduleY);
                row[x] = dark ? 0 : 1;
            }
            raster.setPixels(0, y, side, 1, row);
        }
        return image;
    }

    static void writePng(QrMatrix modules, int pixelsPerModule, OutputStream out) throws IOException {
        // An explicit memory cache: ImageIO.write(image, format, OutputStream) may cache on disk, slow in a batch.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image(modules, pixelsPerModule), "png", stream)) {
                throw new IOException("This Java runtime has no PNG writer");
            }
        }
    }
}
