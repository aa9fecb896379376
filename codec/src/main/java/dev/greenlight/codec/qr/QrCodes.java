package dev.greenlight.codec.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;

/**
 * Code text to QR modules. Pure Java, no {@code java.awt}: usable on Android. zxing's encoder does
 * the work; none of its types appear here, so callers need not depend on it.
 *
 * <p>The matrix holds the symbol's modules only; renderers add the quiet zone of
 * {@value #QUIET_ZONE_MODULES} modules that the QR standard requires around it.
 *
 * <p>Stateless: every method is safe to call from any thread.
 */
public final class QrCodes {

    /** The level {@link #encode(String)} uses: {@link ErrorCorrection#M}. */
    public static final ErrorCorrection DEFAULT_LEVEL = ErrorCorrection.M;

    /** The width of light border, in modules, that must surround the symbol for scanners to find it. */
    public static final int QUIET_ZONE_MODULES = 4;

    private QrCodes() {
    }

    /**
     * The QR symbol of {@code text} at the {@linkplain #DEFAULT_LEVEL default level}.
     *
     * @param text the code text, such as {@link dev.greenlight.codec.IssuedCode#text()}
     * @return the symbol's modules
     * @throws IllegalArgumentException if the text does not fit a QR code
     */
    public static QrMatrix encode(String text) {
        return encode(text, DEFAULT_LEVEL);
    }

    /**
     * The QR symbol of {@code text} at {@code level}, in the smallest version that holds it.
     *
     * @param text  the code text
     * @param level how much damage the symbol must survive
     * @return the symbol's modules
     * @throws IllegalArgumentException if the text does not fit a QR code at that level
     */
    public static QrMatrix encode(String text, ErrorCorrection level) {
        ByteMatrix modules = symbol(text, level).getMatrix();
        int size = modules.getWidth();
        boolean[] dark = new boolean[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                dark[y * size + x] = modules.get(x, y) == 1;
            }
        }
        return new QrMatrix(size, dark);
    }

    /**
     * The QR version (1 to 40) that {@code text} needs at {@code level}.
     *
     * @param text  the code text
     * @param level the error correction level
     * @return the version {@link #encode(String, ErrorCorrection)} would choose
     * @throws IllegalArgumentException if the text does not fit a QR code at that level
     */
    public static int version(String text, ErrorCorrection level) {
        return symbol(text, level).getVersion().getVersionNumber();
    }

    private static QRCode symbol(String text, ErrorCorrection level) {
        ErrorCorrectionLevel zxingLevel = switch (level) {
            case L -> ErrorCorrectionLevel.L;
            case M -> ErrorCorrectionLevel.M;
            case Q -> ErrorCorrectionLevel.Q;
            case H -> ErrorCorrectionLevel.H;
        };
        try {
            // No character set hint: a code is all QR alphanumeric, so zxing picks alphanumeric mode.
            return Encoder.encode(text, zxingLevel, Map.of(EncodeHintType.ERROR_CORRECTION, zxingLevel));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The text does not fit a QR code: " + e.getMessage(), e);
        }
    }
}
