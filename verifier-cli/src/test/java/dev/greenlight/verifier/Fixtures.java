package dev.greenlight.verifier;

import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.Tools;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.qr.QrCodes;
import dev.greenlight.codec.qr.QrMatrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import picocli.CommandLine;

/** An issuer with a fresh key, its trust files, and a way to run the CLI as a black box. */
final class Fixtures {

    static final Instant ISSUED_AT = Instant.parse("2026-03-01T08:00:00Z");
    /** An hour after issue: codes of the default 24 h validity are valid. */
    static final Instant NOW = ISSUED_AT.plus(Duration.ofHours(1));

    final KeyPair pair = P256KeyPairs.generate(new SecureRandom());
    final Issuer issuer = Issuer.builder(IdentitySecret.generate(new SecureRandom()), Clock.fixed(ISSUED_AT, ZoneOffset.UTC))
            .signingKey((ECPrivateKey) pair.getPrivate())
            .build();
    final Path dir;
    final Path jwks;

    Fixtures(Path dir) throws IOException {
        this.dir = dir;
        this.jwks = dir.resolve("issuer.jwks");
        Files.writeString(jwks, JwkKeys.publicKeysToJwks(List.of((ECPublicKey) pair.getPublic())));
    }

    IssuedCode issue(Colour colour) {
        return issuer.issue(Identity.passport("FRA", "18AV12345"), colour);
    }

    IssuedCode issue(String passport, Colour colour, Duration validity) {
        return issuer.issue(Identity.passport("FRA", passport), colour, validity);
    }

    /** A valid code whose text contains a space, which a careless reader would split or trim. */
    IssuedCode issueWithSpace() {
        for (int i = 0; ; i++) {
            IssuedCode code = issue("SP" + i, Colour.GREEN, Duration.ofHours(24));
            if (code.text().indexOf(' ') >= 0) {
                return code;
            }
        }
    }

    Path writePem() throws IOException {
        Path pem = dir.resolve("issuer.pem");
        Files.writeString(pem, PemKeys.publicKeyToPem((ECPublicKey) pair.getPublic()));
        return pem;
    }

    // ---- running the CLI

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n", -1)).subList(0, out.split("\n", -1).length - 1);
        }
    }

    static CliContext context(Instant now, InputStream stdin, Map<String, String> env, Path home) {
        return new CliContext(Clock.fixed(now, ZoneOffset.UTC), stdin, env, home, Terminal.of(false, false, env), 2);
    }

    CliContext context(InputStream stdin) {
        return context(NOW, stdin, Map.of(), dir.resolve("home"));
    }

    CliContext context(String stdin) {
        return context(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    static Result run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Tools.commandLine(new VerifierCli(context), args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    Result run(String... args) {
        return run(context(new ByteArrayInputStream(new byte[0])), args);
    }

    // ---- images

    /** The QR of a text as a black-on-white image with the quiet zone, {@code scale} pixels per module. */
    static BufferedImage render(String text, int scale) {
        QrMatrix matrix = QrCodes.encode(text);
        int quiet = QrCodes.QUIET_ZONE_MODULES;
        int size = (matrix.size() + 2 * quiet) * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(Color.BLACK);
        for (int y = 0; y < matrix.size(); y++) {
            for (int x = 0; x < matrix.size(); x++) {
                if (matrix.isDark(x, y)) {
                    g.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale);
                }
            }
        }
        g.dispose();
        return image;
    }

    /** Scaled by {@code factor} with bilinear filtering, then rotated by {@code degrees} on a white background. */
    static BufferedImage scaleAndRotate(BufferedImage source, double factor, double degrees) {
        int scaled = (int) Math.round(source.getWidth() * factor);
        int canvas = (int) Math.ceil(scaled * 1.5);
        BufferedImage image = new BufferedImage(canvas, canvas, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, canvas, canvas);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), canvas / 2.0, canvas / 2.0);
        int offset = (canvas - scaled) / 2;
        g.drawImage(source, offset, offset, scaled, scaled, null);
        g.dispose();
        return image;
    }

    static void writePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    static void writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
