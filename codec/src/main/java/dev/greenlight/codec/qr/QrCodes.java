package dev.greenlight.codec.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;

/**
 * Code text to QR modules, with zxing's encoder. Pure Java, no {@code java.awt}: usable on Android.
 *
 * <p>The matrix holds the symbol's modules only; renderers add the quiet zone of
 * {@value #QUIET_ZONE_MODULES} modules that the QR standard requires around it.
 */
public final class QrCodes {

    /** Level M restores about 15% of damaged modules: a cracked phone screen, a smudge. */
    public static final ErrorCorrectionLevel DEFAULT_LEVEL = ErrorCorrectionLevel.M;
    public static final int QUIET_ZONE_MODULES = 4;

    private QrCodes() {
    }

    public static BitMatrix encode(String text) {
        return encode(text, DEFAULT_LEVEL);
    }

    public static BitMatrix encode(String text, ErrorCorrectionLevel level) {
        ByteMatrix modules = symbol(text, level).getMatrix();
        BitMatrix matrix = new BitMatrix(modules.getWidth(), modules.getHeight());
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y) == 1) {
                    matrix.set(x, y);
                }
            }
        }
        return matrix;
    }

    /** The QR version (1 to 40) that {@code text} needs at {@code level}. */
    public static int version(String text, ErrorCorrectionLevel level) {
        return symbol(text, level).getVersion().getVersionNumber();
    }

    private static QRCode symbol(String text, ErrorCorrectionLevel level) {
        try {
            // No character set hint: a code is all QR alphanumeric, so zxing picks alphanumeric mode.
            return Encoder.encode(text, level, Map.of(EncodeHintType.ERROR_CORRECTION, level));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The text does not fit a QR code: " + e.getMessage(), e);
        }
    }
}
