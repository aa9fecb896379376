package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each image cap at the cap and the cap plus one: the first is read (and, being junk or
 * truncated, fails as an image), the second is refused as too large before anything is decoded.
 */
class HostileImageCapsTest {

    @TempDir
    Path dir;

    private Fixtures fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
    }

    @Test
    void fileSize_atTheCapIsReadAndOneByteMoreIsRefused() throws IOException {
        assertEquals("NOT_AN_IMAGE", reasonFor(sparseFile("at-cap.png", QrImageDecoder.MAX_FILE_BYTES)));
        assertEquals("IMAGE_TOO_LARGE", reasonFor(sparseFile("over-cap.png", QrImageDecoder.MAX_FILE_BYTES + 1)));
    }

    @Test
    void declaredSide_atTheCapIsReadAndOnePixelMoreIsRefused() throws IOException {
        int side = QrImageDecoder.MAX_DECLARED_SIDE;
        // At the cap one row fits in the file's data: it decodes, and holds no QR code.
        assertNotEquals("IMAGE_TOO_LARGE", reasonFor(png("side-at-cap.png", side, 1)));
        assertEquals("IMAGE_TOO_LARGE", reasonFor(png("side-over-cap.png", side + 1, 1)));
    }

    @Test
    void declaredPixels_atTheCapIsReadAndOneRowMoreIsRefused() throws IOException {
        // 10,000 x 5,000 = 5 x 10^7 exactly; both sides under the side cap.
        assertEquals(QrImageDecoder.MAX_DECLARED_PIXELS, 10_000L * 5_000L);
        assertEquals("NOT_AN_IMAGE", reasonFor(png("pixels-at-cap.png", 10_000, 5_000)));
        assertEquals("IMAGE_TOO_LARGE", reasonFor(png("pixels-over-cap.png", 10_000, 5_001)));
    }

    @Test
    void progressiveJpeg_atItsCapIsReadAndOneRowMoreIsRefused() throws IOException {
        // 4,000 x 4,000 = 1.6 x 10^7 exactly: decoded (its data is made up, so no QR code in it).
        assertEquals(QrImageDecoder.MAX_PROGRESSIVE_JPEG_PIXELS, 4_000L * 4_000L);
        Path atCap = dir.resolve("progressive-at-cap.jpg");
        Files.write(atCap, HostileImages.progressiveJpegDeclaring(4_000, 4_000));
        Path overCap = dir.resolve("progressive-over-cap.jpg");
        Files.write(overCap, HostileImages.progressiveJpegDeclaring(4_000, 4_001));

        assertNotEquals("IMAGE_TOO_LARGE", reasonFor(atCap));
        assertEquals("IMAGE_TOO_LARGE", reasonFor(overCap));
    }

    @Test
    void baselineJpeg_overTheProgressiveCap_isNotRefusedForIt() throws IOException {
        // A real photo-sized baseline JPEG: 5,000 x 4,000 (20 MP), over the progressive cap only.
        BufferedImage image = new BufferedImage(5_000, 4_000, BufferedImage.TYPE_BYTE_GRAY);
        Path jpeg = dir.resolve("baseline-20mp.jpg");
        Fixtures.writeJpeg(image, jpeg, 0.5f);

        assertEquals("NO_QR_CODE", reasonFor(jpeg));
    }

    private String reasonFor(Path image) throws IOException {
        Fixtures.Result result = fx.run("verify", "--json", "--trust", fx.jwks.toString(), "--image", image.toString());
        assertEquals(3, result.exitCode(), result.out() + result.err());
        JsonNode record = new ObjectMapper().readTree(result.out());
        return record.get("reason").asText();
    }

    private Path png(String name, int width, int height) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, HostileImages.pngHeaderOnly(width, height, 64));
        return file;
    }

    /** Zeros, without writing them: the file system keeps a hole. */
    private Path sparseFile(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file;
    }
}
