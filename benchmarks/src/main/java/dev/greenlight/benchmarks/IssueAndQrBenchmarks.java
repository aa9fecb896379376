package dev.greenlight.benchmarks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.qr.QrCodes;
import dev.greenlight.codec.qr.QrMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Issuing (sign + encode) and the QR stages: to a module matrix, to PNG, and back from an image. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class IssueAndQrBenchmarks {

    /** Pixels per module of the PNG: a typical print or screen size. */
    static final int PIXELS_PER_MODULE = 4;

    private Fixtures fixtures;
    private QrMatrix matrix;
    private int imageWidth;
    private int imageHeight;
    private int[] imagePixels;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException, NotFoundException, ChecksumException, FormatException {
        fixtures = new Fixtures();
        matrix = QrCodes.encode(fixtures.texts[0]);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png(matrix)));
        imageWidth = image.getWidth();
        imageHeight = image.getHeight();
        imagePixels = image.getRGB(0, 0, imageWidth, imageHeight, null, 0, imageWidth);
        if (!decode().getText().equals(fixtures.texts[0])) {
            throw new IllegalStateException("the QR image does not decode to its code");
        }
    }

    /** Pseudonym, layout, ECDSA signature (RFC 6979, constant time), Base45. */
    @Benchmark
    public IssuedCode issue() {
        next = (next + 1) & (Fixtures.POOL - 1);
        return fixtures.issuer.issue(Fixtures.identity(next), Colour.GREEN);
    }

    @Benchmark
    public QrMatrix qrEncode() {
        next = (next + 1) & (Fixtures.POOL - 1);
        return QrCodes.encode(fixtures.texts[next]);
    }

    /** From the module matrix to PNG bytes, quiet zone included. */
    @Benchmark
    public byte[] qrToPng() throws IOException {
        return png(matrix);
    }

    /** zxing finding, binarising and decoding the QR in a rendered image (pixels already in memory). */
    @Benchmark
    public Result qrDecodeImage() throws NotFoundException, ChecksumException, FormatException {
        return decode();
    }

    private Result decode() throws NotFoundException, ChecksumException, FormatException {
        RGBLuminanceSource source = new RGBLuminanceSource(imageWidth, imageHeight, imagePixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
    }

    static byte[] png(QrMatrix matrix) throws IOException {
        int quiet = QrCodes.QUIET_ZONE_MODULES;
        int size = (matrix.size() + 2 * quiet) * PIXELS_PER_MODULE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            int my = y / PIXELS_PER_MODULE - quiet;
            for (int x = 0; x < size; x++) {
                int mx = x / PIXELS_PER_MODULE - quiet;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.size() && my < matrix.size() && matrix.isDark(mx, my);
                image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
