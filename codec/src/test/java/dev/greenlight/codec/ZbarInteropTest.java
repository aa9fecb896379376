package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.codec.qr.ErrorCorrection;
import dev.greenlight.codec.qr.QrCodes;
import dev.greenlight.codec.qr.QuietZone;
import dev.greenlight.codec.qr.SvgRenderer;
import dev.greenlight.codec.qr.TerminalRenderer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of QR the project renders decodes, with zbar (a scanner that shares no code with
 * zxing), to exactly the code text: proof that any scanner reads our codes, not only the library
 * that drew them. Needs {@code zbarimg} (Debian {@code zbar-tools}) and, for SVG,
 * {@code rsvg-convert} (Debian {@code librsvg2-bin}); {@code .ci/run} installs both, and the tests
 * skip with a message where they are missing.
 *
 * <p>No {@code java.awt} here either (the codec targets Android): images are written by the tiny
 * PNG encoder below.
 */
class ZbarInteropTest {

    private static final long PROCESS_TIMEOUT_SECONDS = 60;

    @TempDir
    Path directory;

    /*
     * Not 1 px per module: zbar 0.23.92 (Debian 12) finds no symbol in a 1-px rendering of any of
     * the three fixture codes (our PNG and rsvg's alike), while 2 px and up always decode. A camera
     * never sees a code that small; what this says is that renderers must not default to 1 px.
     */
    @ParameterizedTest(name = "{0} px per module")
    @ValueSource(ints = {2, 3, 4, 8})
    void zbarimg_pngOfTheMatrix_decodesToTheCodeText(int pixelsPerModule) throws Exception {
        String zbarimg = requireTool("zbarimg", "zbar-tools");
        for (IssuedCode code : FuzzFixtures.validCodes()) {
            boolean[][] dark = QuietZone.around(QrCodes.encode(code.text()));
            Path png = write("matrix-" + pixelsPerModule + ".png", Png.greyscale(scale(dark, pixelsPerModule, pixelsPerModule)));

            assertEquals(code.text(), decode(zbarimg, png), () -> "zbar read " + png + " differently");
        }
    }

    @ParameterizedTest(name = "level {0}")
    @EnumSource(ErrorCorrection.class)
    void zbarimg_pngAtEveryErrorCorrectionLevel_decodesToTheCodeText(ErrorCorrection level) throws Exception {
        String zbarimg = requireTool("zbarimg", "zbar-tools");
        String text = FuzzFixtures.validCodes().get(1).text();
        boolean[][] dark = QuietZone.around(QrCodes.encode(text, level));
        Path png = write("level-" + level + ".png", Png.greyscale(scale(dark, 4, 4)));

        assertEquals(text, decode(zbarimg, png));
    }

    @ParameterizedTest(name = "{0} px per module")
    @ValueSource(ints = {2, 4})
    void zbarimg_svgRasterisedByRsvg_decodesToTheCodeText(int pixelsPerModule) throws Exception {
        String zbarimg = requireTool("zbarimg", "zbar-tools");
        String rsvg = requireTool("rsvg-convert", "librsvg2-bin");
        for (IssuedCode code : FuzzFixtures.validCodes()) {
            Path svg = directory.resolve("code-" + pixelsPerModule + ".svg");
            Files.writeString(svg, SvgRenderer.render(QrCodes.encode(code.text()), pixelsPerModule), StandardCharsets.UTF_8);
            Path png = directory.resolve("svg-" + pixelsPerModule + ".png");
            run(List.of(rsvg, "--format=png", "--output=" + png, svg.toString()));

            assertEquals(code.text(), decode(zbarimg, png), () -> "zbar read the rasterised " + svg + " differently");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TerminalRenderer.Style.class)
    void zbarimg_terminalRenderingAsAScreen_decodesToTheCodeText(TerminalRenderer.Style style) throws Exception {
        String zbarimg = requireTool("zbarimg", "zbar-tools");
        for (IssuedCode code : FuzzFixtures.validCodes()) {
            String rendered = TerminalRenderer.render(QrCodes.encode(code.text()), style);
            boolean[][] screen = Screen.of(rendered, style);
            // Screen.of already splits each cell into two square modules; draw each module as 4x4 px.
            Path png = write("terminal-" + style + ".png", Png.greyscale(scale(screen, 4, 4)));

            assertEquals(code.text(), decode(zbarimg, png), () -> "zbar read the " + style + " rendering differently");
        }
    }

    /** zbarimg's reading of one image: the raw symbol data, without the newline it appends. */
    private static String decode(String zbarimg, Path png) throws IOException, InterruptedException {
        byte[] out = run(List.of(zbarimg, "--raw", "-q", png.toString()));
        String text = new String(out, StandardCharsets.UTF_8);
        // Strip exactly the one line ending zbarimg adds; a code may end in a space, which must stay.
        assertTrue(text.endsWith("\n"), () -> "zbarimg output does not end in a newline: '" + text + "'");
        return text.substring(0, text.length() - 1);
    }

    private static byte[] run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS), () -> command + " did not finish");
        assertEquals(0, process.exitValue(), () -> command + " failed (zbarimg exits 4 when it finds no symbol)");
        return out;
    }

    private static String requireTool(String name, String debianPackage) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File candidate = new File(dir, name);
                if (candidate.isFile() && candidate.canExecute()) {
                    return candidate.getAbsolutePath();
                }
            }
        }
        assumeTrue(false, "Skipped: " + name + " not found on PATH (Debian package " + debianPackage
                + "; .ci/run installs it with apt-get)");
        return null;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = directory.resolve(name);
        Files.write(file, bytes);
        return file;
    }


    private static boolean[][] scale(boolean[][] dark, int xScale, int yScale) {
        boolean[][] scaled = new boolean[dark.length * yScale][dark[0].length * xScale];
        for (int y = 0; y < scaled.length; y++) {
            for (int x = 0; x < scaled[0].length; x++) {
                scaled[y][x] = dark[y / yScale][x / xScale];
            }
        }
        return scaled;
    }

    /** What a terminal shows for the renderer's text: each character cell is 1 module wide and 2 high. */
    static final class Screen {

        /** Terminal default background around the drawing: dark, as the plain style assumes. */
        private static final int TERMINAL_MARGIN = 2;

        private Screen() {
        }

        static boolean[][] of(String rendered, TerminalRenderer.Style style) {
            String[] lines = rendered.replaceAll("\u001b\\[[0-9;]*m", "").split("\n");
            int width = lines[0].length();
            boolean[][] dark = new boolean[2 * lines.length + 2 * TERMINAL_MARGIN][width + 2 * TERMINAL_MARGIN];
            for (boolean[] row : dark) {
                Arrays.fill(row, true);
            }
            for (int line = 0; line < lines.length; line++) {
                assertEquals(width, lines[line].length(), "ragged terminal rendering at line " + line);
                for (int column = 0; column < width; column++) {
                    char c = lines[line].charAt(column);
                    boolean top = c == '\u2580' || c == '\u2588';
                    boolean bottom = c == '\u2584' || c == '\u2588';
                    assertTrue(top || bottom || c == ' ', () -> "unexpected character U+" + Integer.toHexString(c));
                    // ANSI: blocks are black on a forced white background. Plain: blocks are the
                    // terminal's light foreground on its dark background.
                    boolean blocksAreDark = style == TerminalRenderer.Style.ANSI;
                    dark[TERMINAL_MARGIN + 2 * line][TERMINAL_MARGIN + column] = blocksAreDark == top;
                    dark[TERMINAL_MARGIN + 2 * line + 1][TERMINAL_MARGIN + column] = blocksAreDark == bottom;
                }
            }
            return dark;
        }
    }

    /** A minimal PNG writer: 8-bit greyscale, filter 0 on every row, one zlib IDAT chunk. */
    static final class Png {

        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

        private Png() {
        }

        static byte[] greyscale(boolean[][] dark) {
            int height = dark.length;
            int width = dark[0].length;
            byte[] raw = new byte[height * (width + 1)];
            int i = 0;
            for (boolean[] row : dark) {
                raw[i++] = 0;
                for (boolean pixel : row) {
                    raw[i++] = pixel ? 0 : (byte) 0xFF;
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.writeBytes(SIGNATURE);
            byte[] header = new byte[13];
            putInt(header, 0, width);
            putInt(header, 4, height);
            header[8] = 8;
            header[9] = 0;
            chunk(png, "IHDR", header);
            chunk(png, "IDAT", deflate(raw));
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        }

        private static byte[] deflate(byte[] data) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try {
                deflater.setInput(data);
                deflater.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
                return out.toByteArray();
            } finally {
                deflater.end();
            }
        }

        private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
            byte[] length = new byte[4];
            putInt(length, 0, data.length);
            png.writeBytes(length);
            byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
            png.writeBytes(typeBytes);
            png.writeBytes(data);
            CRC32 crc = new CRC32();
            crc.update(typeBytes);
            crc.update(data);
            byte[] checksum = new byte[4];
            putInt(checksum, 0, (int) crc.getValue());
            png.writeBytes(checksum);
        }

        private static void putInt(byte[] bytes, int offset, int value) {
            bytes[offset] = (byte) (value >>> 24);
            bytes[offset + 1] = (byte) (value >>> 16);
            bytes[offset + 2] = (byte) (value >>> 8);
            bytes[offset + 3] = (byte) value;
        }
    }
}
