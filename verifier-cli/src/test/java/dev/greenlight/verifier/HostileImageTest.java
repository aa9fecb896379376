package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.codec.Colour;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images that lie: headers declaring decompression-bomb sizes, files cut off mid-way, binary junk
 * with an image's name. Each must become one record with a reason, in {@code verify --image} and
 * in a {@code bulk} image directory, with the heap capped as a gate device's would be.
 */
class HostileImageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IMAGE_FAILURES = Set.of("NOT_AN_IMAGE", "IMAGE_TOO_LARGE", "NO_QR_CODE");

    @TempDir
    Path dir;

    private Fixtures fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
    }

    private JsonNode verifyImage(Path image, int expectedExit) throws IOException {
        Fixtures.Result result = fx.run("verify", "--json", "--trust", fx.jwks.toString(), "--image", image.toString());
        assertEquals(expectedExit, result.exitCode(), result.out() + result.err());
        JsonNode record = JSON.readTree(result.out());
        return record;
    }

    private static void assertUnreadable(JsonNode record, Set<String> reasons) {
        assertEquals("INPUT_ERROR", record.get("verdict").asText(), record::toString);
        assertTrue(reasons.contains(record.get("reason").asText()), record::toString);
        assertFalse(record.get("message").asText().isBlank(), record::toString);
    }

    @Test
    void verify_pngHeaderClaiming20000x20000WithTruncatedData_isUnreadableWithReason() throws IOException {
        Path png = dir.resolve("bomb.png");
        Files.write(png, HostileImages.pngHeaderOnly(20_000, 20_000, 200));

        JsonNode record = verifyImage(png, 3);

        assertUnreadable(record, Set.of("NOT_AN_IMAGE", "IMAGE_TOO_LARGE"));
    }

    @Test
    void verify_pngHeaderClaimingOneRowOf200MillionPixels_isImageTooLarge() throws IOException {
        // One row: the PNG reader would allocate two rows of 200 MB before reading a byte.
        Path png = dir.resolve("wide.png");
        Files.write(png, HostileImages.pngHeaderOnly(200_000_000, 1, 200));

        JsonNode record = verifyImage(png, 3);

        assertUnreadable(record, Set.of("IMAGE_TOO_LARGE"));
        assertTrue(record.get("message").asText().contains("200000000x1"), record::toString);
    }

    @Test
    void verify_pngAndJpegTruncatedMidFile_areUnreadableWithReason() throws IOException {
        Path png = dir.resolve("code.png");
        Path jpeg = dir.resolve("code.jpg");
        Fixtures.writePng(Fixtures.render(fx.issue(Colour.GREEN).text(), 6), png);
        Fixtures.writeJpeg(Fixtures.render(fx.issue(Colour.GREEN).text(), 4), jpeg, 0.9f);
        for (Path file : List.of(png, jpeg)) {
            byte[] whole = Files.readAllBytes(file);
            Path cut = dir.resolve("cut-" + file.getFileName());
            // Cut inside the image data, well past the headers: the decoder starts and then runs dry.
            Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 5));

            JsonNode record = verifyImage(cut, 3);

            assertUnreadable(record, IMAGE_FAILURES);
        }
    }

    @Test
    void verify_binaryJunkNamedPng_isNotAnImage() throws IOException {
        byte[] junk = new byte[64 * 1024];
        new Random(6).nextBytes(junk);
        Path plain = dir.resolve("junk.png");
        Files.write(plain, junk);
        // The PNG signature, then junk: the PNG reader is chosen and must fail cleanly.
        System.arraycopy(HostileImages.PNG_SIGNATURE, 0, junk, 0, HostileImages.PNG_SIGNATURE.length);
        Path signed = dir.resolve("signed-junk.png");
        Files.write(signed, junk);

        assertUnreadable(verifyImage(plain, 3), Set.of("NOT_AN_IMAGE"));
        assertUnreadable(verifyImage(signed, 3), Set.of("NOT_AN_IMAGE"));
    }

    /** One of each hostile kind and two genuine codes, in name order. */
    private Path hostileDirectory() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Fixtures.writePng(Fixtures.render(fx.issue(Colour.GREEN).text(), 4), images.resolve("a-green.png"));
        Files.write(images.resolve("b-bomb-20000.png"), HostileImages.pngHeaderOnly(20_000, 20_000, 200));
        Files.write(images.resolve("c-wide.png"), HostileImages.pngHeaderOnly(200_000_000, 1, 200));
        Files.write(images.resolve("d-tall.png"), HostileImages.pngHeaderOnly(1, 200_000_000, 200));
        Path jpeg = images.resolve("e-cut.jpg");
        Fixtures.writeJpeg(Fixtures.render(fx.issue(Colour.RED).text(), 4), jpeg, 0.9f);
        byte[] whole = Files.readAllBytes(jpeg);
        Files.write(jpeg, Arrays.copyOf(whole, whole.length * 2 / 5));
        byte[] junk = new byte[32 * 1024];
        new Random(7).nextBytes(junk);
        Files.write(images.resolve("f-junk.png"), junk);
        // Complete and under the pixel cap (49 MP): read subsampled, searched, and no QR found.
        Files.write(images.resolve("g-complete-7000x7000.png"), HostileImages.pngComplete(7_000, 7_000));
        Fixtures.writePng(Fixtures.render(fx.issue(Colour.YELLOW).text(), 4), images.resolve("h-yellow.png"));
        return images;
    }

    private static final String[] HOSTILE_FILES = {"a-green.png", "b-bomb-20000.png", "c-wide.png", "d-tall.png",
        "e-cut.jpg", "f-junk.png", "g-complete-7000x7000.png", "h-yellow.png"};

    private static void assertHostileRecords(List<JsonNode> records) {
        assertEquals(HOSTILE_FILES.length, records.size(), "one record per file: " + records);
        for (int i = 0; i < HOSTILE_FILES.length; i++) {
            JsonNode record = records.get(i);
            assertEquals(HOSTILE_FILES[i], record.get("file").asText(), record::toString);
            if (i == 0 || i == HOSTILE_FILES.length - 1) {
                assertEquals("VALID", record.get("verdict").asText(), record::toString);
            } else {
                assertUnreadable(record, IMAGE_FAILURES);
            }
        }
        assertEquals("IMAGE_TOO_LARGE", records.get(2).get("reason").asText(), records.get(2)::toString);
        assertEquals("IMAGE_TOO_LARGE", records.get(3).get("reason").asText(), records.get(3)::toString);
        assertEquals("NOT_AN_IMAGE", records.get(5).get("reason").asText(), records.get(5)::toString);
        assertEquals("NO_QR_CODE", records.get(6).get("reason").asText(), records.get(6)::toString);
    }

    @Test
    void bulk_directoryOfHostileImages_yieldsOneRecordPerFileWithReasons() throws IOException {
        Path images = hostileDirectory();

        Fixtures.Result result = fx.run("bulk", "--trust", fx.jwks.toString(), "--threads", "2", images.toString());

        assertEquals(1, result.exitCode(), result.err());
        assertHostileRecords(records(result.out()));
        assertTrue(result.err().contains(HOSTILE_FILES.length + " records"), result.err());
    }

    @Test
    void bulk_hostileImagesWithHeapCappedAt256MB_completesWithoutOutOfMemory() throws Exception {
        Path images = hostileDirectory();
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");

        Process process = HostileProcesses.verifierCli("256m", List.of("bulk", "--trust", fx.jwks.toString(),
                "--now", Fixtures.NOW.toString(), "--threads", "2", images.toString()), out, err);

        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bulk did not finish");
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertFalse(errors.contains("OutOfMemoryError"), errors);
        assertEquals(1, process.exitValue(), errors);
        assertHostileRecords(records(Files.readString(out, StandardCharsets.UTF_8)));
    }

    static List<JsonNode> records(String jsonLines) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isEmpty()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    // ---- memory outside the heap: measured on a forked JVM, not only its heap

    /** Today's figure was 3.1 GB for one such file and 9 GB for three; a JVM at -Xmx256m needs a few hundred MB. */
    private static final long MAX_PEAK_RSS_KIB = 700L * 1024;

    @Test
    void verify_progressiveJpegDeclaring65500x15266_refusedInAForkedJvmWithBoundedRss() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc: cannot read a process's peak RSS");
        Path jpeg = dir.resolve("bomb.jpg");
        Files.write(jpeg, HostileImages.progressiveJpegDeclaring(65_500, 15_266));
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");

        Process process = HostileProcesses.verifierCli("256m", List.of("verify", "--json", "--trust", fx.jwks.toString(),
                "--image", jpeg.toString()), out, err);
        long peakKiB = HostileProcesses.waitForPeakRssKiB(process, 120);

        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(3, process.exitValue(), errors);
        assertEquals("IMAGE_TOO_LARGE", records(Files.readString(out, StandardCharsets.UTF_8)).get(0).get("reason").asText());
        assertTrue(peakKiB > 0 && peakKiB < MAX_PEAK_RSS_KIB, "peak RSS " + peakKiB + " KiB");
        System.out.println("verify --image on a progressive JPEG declaring 65,500 x 15,266: peak RSS " + peakKiB + " KiB");
    }

    @Test
    void bulk_imagesAtAndOverTheCapsInAForkedJvm_oneRecordEachWithBoundedRss() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc: cannot read a process's peak RSS");
        Path images = Files.createDirectories(dir.resolve("caps"));
        byte[] bomb = HostileImages.progressiveJpegDeclaring(65_500, 15_266);
        Files.write(images.resolve("a-bomb.jpg"), bomb);
        Files.write(images.resolve("b-bomb.jpg"), bomb);
        Files.write(images.resolve("c-bomb.jpg"), bomb);
        // Progressive at its cap (16 MP), and one row over it.
        Files.write(images.resolve("d-progressive-at-cap.jpg"), HostileImages.progressiveJpegDeclaring(4_000, 4_000));
        Files.write(images.resolve("e-progressive-over-cap.jpg"), HostileImages.progressiveJpegDeclaring(4_000, 4_001));
        // A complete PNG at the pixel cap (50 MP), which is inflated in full.
        Files.write(images.resolve("f-complete-at-cap.png"), HostileImages.pngComplete(10_000, 5_000));
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");

        Process process = HostileProcesses.verifierCli("256m", List.of("bulk", "--trust", fx.jwks.toString(),
                "--threads", "2", images.toString()), out, err);
        long peakKiB = HostileProcesses.waitForPeakRssKiB(process, 180);

        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertFalse(errors.contains("OutOfMemoryError"), errors);
        List<JsonNode> records = records(Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(6, records.size(), records::toString);
        for (int i : new int[] {0, 1, 2, 4}) {
            assertEquals("IMAGE_TOO_LARGE", records.get(i).get("reason").asText(), records.get(i)::toString);
        }
        assertUnreadable(records.get(3), Set.of("NOT_AN_IMAGE", "NO_QR_CODE"));
        assertEquals("NO_QR_CODE", records.get(5).get("reason").asText(), records.get(5)::toString);
        assertTrue(peakKiB > 0 && peakKiB < MAX_PEAK_RSS_KIB, "peak RSS " + peakKiB + " KiB");
        System.out.println("bulk over 6 images at and over the caps: peak RSS " + peakKiB + " KiB");
    }
}
