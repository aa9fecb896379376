package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.cli.Tools;
import dev.greenlight.issuer.IssuerCli;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
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
        issuer("init", "--home", home.toString());
        png = dir.resolve("code.png");
        code = issuer("issue", "--home", home.toString(), "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "green", "--png", png.toString()).replaceAll("[\r\n]+$", "");
        try (Stream<Path> keys = Files.list(home.resolve("keys"))) {
            trust = keys.filter(p -> p.getFileName().toString().endsWith(".jwk.json")).findFirst().orElseThrow();
        }
    }

    @Test
    void verifyImage_pngWrittenByTheIssuer_isTheIssuedCode() throws IOException {
        JsonNode fromImage = verifyJson("--image", png.toString());
        JsonNode fromText = verifyJson(code);

        assertEquals("VALID", fromImage.get("verdict").asText(), fromImage.toString());
        assertEquals("green", fromImage.get("colour").asText());
        assertEquals(fromText, fromImage);
    }

    @Test
    void verifyImage_scaledRotatedAndJpegCopiesOfTheIssuerPng_areTheIssuedCode() throws IOException {
        BufferedImage original = ImageIO.read(png.toFile());
        Path rotated = dir.resolve("rotated.png");
        Fixtures.writePng(Fixtures.scaleAndRotate(original, 1.6, 21), rotated);
        Path jpeg = dir.resolve("photo.jpg");
        Fixtures.writeJpeg(Fixtures.scaleAndRotate(original, 0.9, -8), jpeg, 0.4f);
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
        assertEquals(1, result.outLines().size(), result.out());
        return new ObjectMapper().readTree(result.out());
    }

    /** Runs gl-issue, requires success, and returns its standard output. */
    private static String issuer(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Tools.commandLine(new IssuerCli(), args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(0, cli.execute(args), err::toString);
        return out.toString();
    }
}
