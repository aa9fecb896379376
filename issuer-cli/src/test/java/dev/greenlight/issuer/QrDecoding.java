package dev.greenlight.issuer;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Reads a QR back from an image as gl-verify does: zxing's full detector (finder patterns), then
 * the module grid read directly. zxing core has no BufferedImage source; this one works over ARGB
 * pixels.
 */
final class QrDecoding {

    private QrDecoding() {
    }

    static String decode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        LuminanceSource source = new ArgbLuminanceSource(width, height, argb);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(source));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            // About one code in a few hundred has data modules that zxing's finder-pattern search
            // takes for a finder on a perfectly sharp image (a camera's blur hides them). gl-verify
            // then reads the module grid directly, and so does this second try; the quiet zone
            // and the finder's position are checked on the pixels by the tests themselves.
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        }
    }

    /** Luminance from ARGB pixels, weighted (R + 2G + B) / 4 as zxing's own sources do. */
    static final class ArgbLuminanceSource extends LuminanceSource {
        private final byte[] luminances;

        ArgbLuminanceSource(int width, int height, int[] argb) {
            super(width, height);
            luminances = new byte[width * height];
            for (int i = 0; i < luminances.length; i++) {
                int pixel = argb[i];
                int r = (pixel >> 16) & 0xFF;
                int g = (pixel >> 8) & 0xFF;
                int b = pixel & 0xFF;
                luminances[i] = (byte) ((r + 2 * g + b) / 4);
            }
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] result = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
            System.arraycopy(luminances, y * getWidth(), result, 0, getWidth());
            return result;
        }

        @Override
        public byte[] getMatrix() {
            return luminances;
        }
    }
}
