package dev.greenlight.verifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.PemKeys;

/**
 * Writes the seed corpus of {@link FuzzInputReadersTest}. Run from the module directory after
 * {@code ./mvnw -B -pl verifier-cli -am test-compile}:
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat cp.txt)" dev.greenlight.verifier.FuzzSeedWriter
 * </pre>
 * (with {@code cp.txt} from {@code ./mvnw -q -pl verifier-cli dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
final class FuzzSeedWriter {

    private static final Path ROOT = Path.of("src/test/resources/dev/greenlight/verifier/FuzzInputReadersTestInputs");

    private FuzzSeedWriter() {
    }

    public static void main(String[] args) throws IOException {
        String code = "GL1:" + "6BF".repeat(50);
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        mixed.writeBytes((code + "\n\n" + code + " \r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        mixed.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0x80, '\r', '\n'});
        mixed.writeBytes(("x".repeat(100) + "\r\nlast line without newline").getBytes(StandardCharsets.US_ASCII));
        write("cappedLineReader_anyBytes_everyByteInExactlyOneLine", "seed-mixed", mixed.toByteArray());
        write("cappedLineReader_anyBytes_everyByteInExactlyOneLine", "seed-bom-only", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        write("cappedLineReader_anyBytes_everyByteInExactlyOneLine", "seed-crlf-lines", "a\r\nb\r\n\r\nc\r".getBytes(StandardCharsets.US_ASCII));

        write("codeTexts_anyLine_textOrTypedFailure", "seed-code", code.getBytes(StandardCharsets.US_ASCII));
        write("codeTexts_anyLine_textOrTypedFailure", "seed-code-trailing-space", (code + " ").getBytes(StandardCharsets.US_ASCII));
        write("codeTexts_anyLine_textOrTypedFailure", "seed-bad-utf8", new byte[] {'G', 'L', '1', ':', (byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        write("codeTexts_anyLine_textOrTypedFailure", "seed-escape-sequence", "\u001b[2J\u202eGL1:".getBytes(StandardCharsets.UTF_8));

        String image = "qrImageDecoder_anyFileBytes_textOrTypedFailure";
        Path temp = Files.createTempFile("seed", ".img");
        Fixtures.writePng(Fixtures.render(code, 2), temp);
        byte[] png = Files.readAllBytes(temp);
        write(image, "seed-qr-png", png);
        write(image, "seed-qr-png-truncated", Arrays.copyOf(png, png.length / 2));
        Fixtures.writeJpeg(Fixtures.render(code, 2), temp, 0.6f);
        byte[] jpeg = Files.readAllBytes(temp);
        write(image, "seed-qr-jpeg", jpeg);
        write(image, "seed-qr-jpeg-truncated", Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.delete(temp);
        write(image, "seed-png-header-20000x20000", HostileImages.pngHeaderOnly(20_000, 20_000, 64));
        write(image, "seed-png-header-200000000x1", HostileImages.pngHeaderOnly(200_000_000, 1, 64));
        write(image, "seed-png-signature-only", HostileImages.PNG_SIGNATURE);
        write(image, "seed-progressive-jpeg-65500x15266", HostileImages.progressiveJpegDeclaring(65_500, 15_266));
        write(image, "seed-text-not-an-image", "GL1: this is not an image\n".getBytes(StandardCharsets.US_ASCII));
        write(image, "seed-empty", new byte[0]);
        // A BMP header claiming 60000 x 60000 pixels and nothing after it.
        byte[] bmp = new byte[54];
        bmp[0] = 'B';
        bmp[1] = 'M';
        bmp[14] = 40;
        bmp[18] = 0x60;
        bmp[19] = (byte) 0xEA;
        bmp[22] = 0x60;
        bmp[23] = (byte) 0xEA;
        bmp[26] = 1;
        bmp[28] = 24;
        write(image, "seed-bmp-header-60000x60000", bmp);
        String trust = "trustStore_anyPemFileBytes_keysOrUsageError";
        String pem = PemKeys.publicKeyToPem((ECPublicKey) P256KeyPairs.generate(new SecureRandom()).getPublic());
        String other = PemKeys.publicKeyToPem((ECPublicKey) P256KeyPairs.generate(new SecureRandom()).getPublic());
        write(trust, "seed-one-key", pem.getBytes(StandardCharsets.US_ASCII));
        write(trust, "seed-two-keys-text-between", ("issuer A\n" + pem + "issuer B\r\n" + other).getBytes(StandardCharsets.US_ASCII));
        write(trust, "seed-second-unterminated", (pem + other.substring(0, 60)).getBytes(StandardCharsets.US_ASCII));
        write(trust, "seed-many-begins", "-----BEGIN PUBLIC KEY-----\n".repeat(2000).getBytes(StandardCharsets.US_ASCII));
        write(trust, "seed-bom-then-pem", ("\uFEFF" + pem).getBytes(StandardCharsets.UTF_8));
        write(trust, "seed-not-utf8", new byte[] {'-', '-', (byte) 0xFF, (byte) 0xFE});
        write(trust, "seed-empty", new byte[0]);
        write(image, "seed-gif-header", "GIF89a\u0010\u0000\u0010\u0000\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void write(String method, String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(ROOT.resolve(method));
        Files.write(dir.resolve(name), bytes);
    }
}
