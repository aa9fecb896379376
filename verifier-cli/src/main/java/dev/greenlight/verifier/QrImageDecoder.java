package dev.greenlight.verifier;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.InvertedLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.greenlight.cli.records.InputProblem;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the text of a QR code from an image file (PNG, JPEG, anything ImageIO reads). Tries the
 * cheap path first and harder ones only when it fails: a clean render decodes at once, a poor
 * photo gets other binarizers, inversion, rotations and a downscaled copy. Stateless: safe to
 * call from many threads.
 */
final class QrImageDecoder {

    /** Larger images are read subsampled: a QR needs a few pixels per module, not 48 MP. */
    static final long MAX_DECODED_PIXELS = 12_000_000L;
    /**
     * Declared sizes beyond this are refused before any pixel is read: a phone camera's default
     * output is 12 to 50 MP (the 108 and 200 MP sensors bin to 12 MP unless asked otherwise), and a
     * QR code needs a few pixels per module. A decompression bomb declares far more: the time to
     * inflate a PNG and the memory of a progressive JPEG grow with the declared size, whatever the
     * subsampling.
     */
    static final long MAX_DECLARED_PIXELS = 50_000_000L;
    /**
     * Nor is a side longer than this (four times a 50 MP photo's long side): readers allocate whole
     * rows before subsampling, so a 200,000,000 x 1 header would cost gigabytes while under the
     * pixel cap.
     */
    static final int MAX_DECLARED_SIDE = 16_384;
    /**
     * A progressive JPEG is decoded by libjpeg, outside the Java heap, into a coefficient buffer of
     * the whole declared image (about 2 to 6 bytes a pixel) before the first row comes out, and
     * subsampling does not shrink it: a 519-byte file declaring 65,500 x 15,266 pixels cost 3.1 GB
     * of RSS under -Xmx256m. Cameras write baseline JPEGs; a progressive one is a web re-encoding, so
     * it is read only up to this size (at most about 100 MB outside the heap).
     */
    static final long MAX_PROGRESSIVE_JPEG_PIXELS = 16_000_000L;
    /** A phone photo is a few megabytes; an image file larger than this is not one to scan. */
    static final long MAX_FILE_BYTES = 64L << 20;

    /**
     * Reading one image can take about 100 MB at the caps (a 16-bit RGBA source subsampled to
     * 12 MP, before its data turns out truncated), and decoding its QR a little more. Decodes
     * beyond what the heap holds at 128 MB each wait their turn (two at -Xmx256m), so memory stays
     * bounded however many cores the bulk command uses.
     */
    private static final long WORST_CASE_DECODE_BYTES = 128L << 20;
    private static final Semaphore DECODE_PERMITS =
            new Semaphore((int) Math.max(1, Runtime.getRuntime().maxMemory() / WORST_CASE_DECODE_BYTES));

    /** The text, or an outcome explaining why there is none. */
    record Read(String text, Outcome failure) {
    }

    private QrImageDecoder() {
    }

    static Read read(Path file) {
        BufferedImage image;
        String text;
        DECODE_PERMITS.acquireUninterruptibly();
        try {
            image = load(file);
            text = decode(image);
        } catch (ImageFailure e) {
            return new Read(null, Outcome.unreadable(e.problem, e.getMessage()));
        } finally {
            DECODE_PERMITS.release();
        }
        if (text == null) {
            return new Read(null, Outcome.unreadable(InputProblem.NO_QR_CODE, "no readable QR code in the image"));
        }
        return new Read(text, null);
    }

    private static final class ImageFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient InputProblem problem;

        ImageFailure(InputProblem problem, String message) {
            super(message);
            this.problem = problem;
        }
    }

    private static BufferedImage load(Path file) throws ImageFailure {
        if (!Files.isRegularFile(file)) {
            throw new ImageFailure(InputProblem.UNREADABLE_FILE,
                    Files.exists(file) ? "not a regular file" : "no such file");
        }
        if (!Files.isReadable(file)) {
            throw new ImageFailure(InputProblem.UNREADABLE_FILE, "permission denied");
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new ImageFailure(InputProblem.UNREADABLE_FILE, "cannot read the file size: " + describe(e));
        }
        if (bytes > MAX_FILE_BYTES) {
            throw new ImageFailure(InputProblem.IMAGE_TOO_LARGE,
                    "image file of " + bytes + " bytes is larger than the " + MAX_FILE_BYTES + " accepted");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageFailure(InputProblem.UNREADABLE_FILE, "cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageFailure(InputProblem.NOT_AN_IMAGE, "not an image (PNG or JPEG expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (pixels > MAX_DECLARED_PIXELS || Math.max(width, height) > MAX_DECLARED_SIDE) {
                    throw new ImageFailure(InputProblem.IMAGE_TOO_LARGE, "image of " + width + "x" + height
                            + " pixels is too large (at most " + MAX_DECLARED_PIXELS + " pixels and " + MAX_DECLARED_SIDE + " a side)");
                }
                if (pixels > MAX_PROGRESSIVE_JPEG_PIXELS && isProgressiveJpeg(reader)) {
                    throw new ImageFailure(InputProblem.IMAGE_TOO_LARGE, "progressive JPEG of " + width + "x" + height
                            + " pixels is too large (at most " + MAX_PROGRESSIVE_JPEG_PIXELS + " pixels; cameras write baseline JPEGs)");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                if (pixels > MAX_DECODED_PIXELS) {
                    int step = (int) Math.ceil(Math.sqrt((double) pixels / MAX_DECODED_PIXELS));
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (NoSuchFileException e) {
            throw new ImageFailure(InputProblem.UNREADABLE_FILE, "no such file");
        } catch (IOException | RuntimeException e) {
            // ImageIO's plugins throw a variety of unchecked exceptions on corrupt files.
            throw new ImageFailure(InputProblem.NOT_AN_IMAGE, "cannot decode the image: " + describe(e));
        }
    }

    /**
     * Whether the reader's image is a progressive JPEG (SOF2, "process" 2 in the JPEG plugin's
     * metadata). The metadata is read from the header: no pixel is decoded.
     */
    private static boolean isProgressiveJpeg(ImageReader reader) throws IOException {
        if (!"jpeg".equalsIgnoreCase(reader.getFormatName())) {
            return false;
        }
        IIOMetadata metadata = reader.getImageMetadata(0);
        if (metadata == null || !Arrays.asList(metadata.getMetadataFormatNames()).contains(JPEG_METADATA)) {
            return true; // cannot tell: treat as the costly kind
        }
        NodeList frames = ((Element) metadata.getAsTree(JPEG_METADATA)).getElementsByTagName("sof");
        for (int i = 0; i < frames.getLength(); i++) {
            if ("2".equals(((Element) frames.item(i)).getAttribute("process"))) {
                return true;
            }
        }
        return false;
    }

    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
    }

    /** The QR text, or null if none could be read. */
    static String decode(BufferedImage image) {
        ImageLuminanceSource source = ImageLuminanceSource.of(image);
        String text = decode(source);
        if (text == null && Math.max(source.getWidth(), source.getHeight()) > 1200) {
            // Heavy JPEG noise on a large photo often binarizes better after averaging.
            text = decode(source.halved());
        }
        return text;
    }

    private static String decode(ImageLuminanceSource source) {
        Map<DecodeHintType, Object> hard = new EnumMap<>(DecodeHintType.class);
        hard.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hard.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        Map<DecodeHintType, Object> pure = new EnumMap<>(hard);
        pure.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);

        String text = attempt(source, hard);
        if (text == null) {
            text = attemptGlobal(source, hard);
        }
        if (text == null) {
            text = attempt(source, pure);
        }
        if (text == null) {
            text = attempt(new InvertedLuminanceSource(source), hard);
        }
        LuminanceSource rotated = source;
        for (int turn = 0; text == null && turn < 3; turn++) {
            rotated = rotated.rotateCounterClockwise();
            text = attempt(rotated, hard);
        }
        return text;
    }

    private static String attempt(LuminanceSource source, Map<DecodeHintType, Object> hints) {
        return attempt(new BinaryBitmap(new HybridBinarizer(source)), hints);
    }

    private static String attemptGlobal(LuminanceSource source, Map<DecodeHintType, Object> hints) {
        return attempt(new BinaryBitmap(new GlobalHistogramBinarizer(source)), hints);
    }

    private static String attempt(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
        try {
            return new QRCodeReader().decode(bitmap, hints).getText();
        } catch (ReaderException | RuntimeException e) {
            // zxing signals "not here" with exceptions, and hostile images can trip unchecked ones.
            return null;
        }
    }
}
