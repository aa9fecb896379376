package dev.greenlight.codec.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.P256KeyPairs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QrCodesTest {

    private static final List<String> CODES = issueCodes(50);

    private static List<String> issueCodes(int count) {
        Issuer issuer = Issuer.builder(IdentitySecret.generate(new SecureRandom()), Clock.systemUTC())
                .signingKey((ECPrivateKey) P256KeyPairs.generate(new SecureRandom()).getPrivate())
                .build();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(issuer.issue(Identity.chineseResidentId("11010519491231002X"), Colour.values()[i % 3]).text());
        }
        return codes;
    }

    /** The size budget of the format: version 6 (41×41) at level M, version 8 (49×49) at level Q. */
    @Test
    void encode_everyIssuedCode_fitsVersion6AtMAndVersion8AtQ() {
        for (String code : CODES) {
            assertTrue(code.length() <= 154, code);
            assertEquals(6, QrCodes.version(code, ErrorCorrection.M));
            assertEquals(41, QrCodes.encode(code, ErrorCorrection.M).size());
            assertEquals(8, QrCodes.version(code, ErrorCorrection.Q));
            assertEquals(49, QrCodes.encode(code, ErrorCorrection.Q).size());
        }
    }

    @Test
    void encode_thenDecodeWithZxing_givesTheSameText() throws Exception {
        for (String code : CODES) {
            assertEquals(code, decode(QuietZone.around(QrCodes.encode(code)), 4));
        }
    }

    @Test
    void terminalRenderer_bothStyles_readBackAsTheSameQr() throws Exception {
        for (String code : CODES) {
            QrMatrix modules = QrCodes.encode(code);
            for (TerminalRenderer.Style style : TerminalRenderer.Style.values()) {
                boolean[][] dark = readTerminal(TerminalRenderer.render(modules, style), style);
                assertEquals(code, decode(dark, 4), style.name());
            }
        }
    }

    @Test
    void svgRenderer_drawsOneSquarePerDarkModule() {
        QrMatrix modules = QrCodes.encode(CODES.get(0));
        String svg = SvgRenderer.render(modules, 8);
        int dark = 0;
        for (int y = 0; y < modules.size(); y++) {
            for (int x = 0; x < modules.size(); x++) {
                if (modules.isDark(x, y)) {
                    dark++;
                    assertTrue(svg.contains("M" + (x + 4) + " " + (y + 4) + "h1v1h-1z"));
                }
            }
        }
        assertEquals(dark, svg.split("h1v1h-1z", -1).length - 1);
        assertTrue(svg.contains("viewBox=\"0 0 49 49\""), svg.substring(0, 200));
    }

    /** Our types only wrap zxing's encoder: every module of every level is the one zxing chose. */
    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void encode_everyLevel_isModuleForModuleZxingsSymbol(ErrorCorrection level) throws Exception {
        ErrorCorrectionLevel zxingLevel = ErrorCorrectionLevel.valueOf(level.name());
        for (String code : CODES.subList(0, 5)) {
            ByteMatrix expected = Encoder.encode(code, zxingLevel,
                    Map.of(EncodeHintType.ERROR_CORRECTION, zxingLevel)).getMatrix();
            QrMatrix modules = QrCodes.encode(code, level);
            assertEquals(expected.getWidth(), modules.size());
            for (int y = 0; y < modules.size(); y++) {
                for (int x = 0; x < modules.size(); x++) {
                    assertEquals(expected.get(x, y) == 1, modules.isDark(x, y), "module " + x + "," + y);
                }
            }
        }
    }

    @Test
    void encode_sameTextTwice_givesEqualMatrices() {
        QrMatrix first = QrCodes.encode(CODES.get(0));
        assertEquals(first, QrCodes.encode(CODES.get(0)));
        assertEquals(first.hashCode(), QrCodes.encode(CODES.get(0)).hashCode());
        assertNotEquals(first, QrCodes.encode(CODES.get(1)));
        assertNotEquals(first, QrCodes.encode(CODES.get(0), ErrorCorrection.Q));
        assertEquals("QrMatrix[41x41]", first.toString());
    }

    @Test
    void isDark_outsideTheSymbol_throws() {
        QrMatrix modules = QrCodes.encode(CODES.get(0));
        assertThrows(IndexOutOfBoundsException.class, () -> modules.isDark(-1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> modules.isDark(0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> modules.isDark(41, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> modules.isDark(0, 41));
        // The finder pattern's corner: always dark.
        assertTrue(modules.isDark(0, 0) && modules.isDark(40, 0) && modules.isDark(0, 40));
    }


    /** Each character cell is one module wide and two high; which half is dark depends on the style. */
    private static boolean[][] readTerminal(String rendered, TerminalRenderer.Style style) {
        List<String> lines = rendered.replace("\u001b[30;47m", "").replace("\u001b[0m", "").lines().toList();
        int width = lines.get(0).length();
        // The symbol and its quiet zone are square; an odd side leaves half a text line below it,
        // which shows the terminal's background and is not part of the image.
        boolean[][] dark = new boolean[width][width];
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < width; x++) {
                char c = lines.get(y / 2).charAt(x);
                boolean painted = y % 2 == 0 ? c == '\u2588' || c == '\u2580' : c == '\u2588' || c == '\u2584';
                dark[y][x] = painted == (style == TerminalRenderer.Style.ANSI);
            }
        }
        return dark;
    }

    private static String decode(boolean[][] dark, int pixelsPerModule) throws Exception {
        int height = dark.length * pixelsPerModule;
        int width = dark[0].length * pixelsPerModule;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = dark[y / pixelsPerModule][x / pixelsPerModule] ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        // A synthetic, perfectly aligned image: PURE_BARCODE reads the module grid directly. The
        // finder-pattern search on so small an image failed now and then (zxing NotFoundException),
        // and photos are the verifier CLI's and zbar's tests to make.
        BinaryBitmap bitmap = new BinaryBitmap(new GlobalHistogramBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
