package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.issuer.IssuerCli;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The two tools together, as an operator and a gate use them: {@code gl-issue issue --png} writes
 * the QR, {@code gl-verify verify --image} reads it back, as written, scaled and rotated, and as a
 * JPEG photo would compress it.
 */
class IssuerToVerifierImageTest {

    @TempDir
    Path dir;

    private Path home;
    private Path trust;
    private String code;
    private Path png;

    @BeforeEach
    void issueWithTheIssuerCli() throws IOException {
        home = dir.resolve("issuer-home");
        assertEquals(0, issuer("init", "--home", home.toString()));
        png = dir.resolve("code.png");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new IssuerCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cli.execute("issue", "--home", home.toString(), "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "green", "--png", png.toString()));
        code = out.toString().replaceAll("[\r\n]+$", "");
        try (Stream<Path> keys = Files.list(home.resolve("keys"))) {
            trust = keys.filter(p -> p.getFileName().toString().endsWith(".jwk.json")).findFirst().orElseThrow();
        }
    }

    @Test
    void verifyImage_pngWrittenByTheIssuer_isTheIssuedCode() throws IOException {
        JsonNode fromImage = verifyJson("--image", png.toString());
        JsonNode fromText = verifyJson(code);

        assertEquals("VALID", fromImage.get("verdict").asText(), fromImage.toString());
        assertEquals("GREEN", fromImage.get("colour").asText());
        assertEquals(fromText, fromImage);
    }

    @Test
    void verifyImage_scaledRotatedAndJpegCopiesOfTheIssuerPng_areTheIssuedCode() throws IOException {
        BufferedImage original = ImageIO.read(png.toFile());
        Path rotated = dir.resolve("rotated.png");
        ImageIO.write(rotateAndScale(original, 21, 1.6), "png", rotated.toFile());
        Path jpeg = dir.resolve("photo.jpg");
        writeJpeg(rotateAndScale(original, -8, 0.9), 0.4f, jpeg);
        JsonNode expected = verifyJson(code);

        assertEquals(expected, verifyJson("--image", rotated.toString()));
        assertEquals(expected, verifyJson("--image", jpeg.toString()));
    }

    private JsonNode verifyJson(String... input) throws IOException {
        String[] args = new String[input.length + 3];
        args[0] = "verify";
        args[1] = "--json";
        args[2] = "--trust=" + trust;
        System.arraycopy(input, 0, args, 3, input.length);
        CliContext context = Fixtures.context(Instant.now(), new ByteArrayInputStream(new byte[0]), Map.of(), dir.resolve("h"));
        Fixtures.Result result = Fixtures.run(context, args);
        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.outLines().size() == 1, result.out());
        return new ObjectMapper().readTree(result.out());
    }

    private static int issuer(String... args) {
        CommandLine cli = new CommandLine(new IssuerCli());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    private static BufferedImage rotateAndScale(BufferedImage source, double degrees, double scale) {
        int side = (int) Math.ceil(Math.max(source.getWidth(), source.getHeight()) * scale * 1.5);
        BufferedImage target = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.translate(side / 2.0, side / 2.0);
        g.rotate(Math.toRadians(degrees));
        g.scale(scale, scale);
        g.drawImage(source, -source.getWidth() / 2, -source.getHeight() / 2, null);
        g.dispose();
        return target;
    }

    private static void writeJpeg(BufferedImage image, float quality, Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
