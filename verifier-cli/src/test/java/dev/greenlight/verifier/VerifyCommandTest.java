package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.PemKeys;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private Fixtures fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
    }

    @Test
    void verify_validCode_exitsZeroAndPrintsColourTimesKeyAndSerial() {
        IssuedCode code = fx.issue(Colour.YELLOW);

        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), code.text());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("VALID  YELLOW"), result.out());
        assertTrue(result.out().contains(code.claims().serial().toString()), result.out());
        assertTrue(result.out().contains(code.claims().keyId().toString()), result.out());
        assertTrue(result.out().contains(code.claims().expiresAt().toString()), result.out());
        assertFalse(result.out().contains("\u001b["), "no ANSI when stdout is not a terminal");
    }

    @Test
    void verify_expiredAsOfNow_exitsOneWithReason() {
        IssuedCode code = fx.issue(Colour.GREEN);

        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--now", "2026-03-05T00:00:00Z", code.text());

        assertEquals(1, result.exitCode());
        assertTrue(result.out().startsWith("REJECTED  EXPIRED"), result.out());
    }

    @Test
    void verify_json_printsOneObjectWithTheClaims() throws IOException {
        IssuedCode code = fx.issue(Colour.RED);

        Fixtures.Result result = fx.run("verify", "--json", "--trust", fx.jwks.toString(), code.text());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(1, result.outLines().size(), result.out());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals("VALID", json.get("verdict").asText());
        assertFalse(json.has("reason"), "a valid record has no reason");
        assertEquals("greenlight.record/1", json.get("schema").asText());
        assertEquals("red", json.get("colour").asText());
        assertEquals(code.claims().serial().toString(), json.get("serial").asText());
        assertEquals(code.claims().identityHash().toString(), json.get("identity_hash").asText());
        assertEquals(code.claims().issuedAt().toString(), json.get("issued_at").asText());
    }

    @Test
    void verify_stdinWithCrlfAndSpaceInCode_isValid() {
        IssuedCode code = fx.issueWithSpace();

        Fixtures.Result result = Fixtures.run(fx.context(code.text() + "\r\n"), "verify", "--trust", fx.jwks.toString(), "-");

        assertEquals(0, result.exitCode(), result.out() + result.err());
    }

    @Test
    void verify_stdinWithBom_isValid() {
        IssuedCode code = fx.issue(Colour.GREEN);

        Fixtures.Result result = Fixtures.run(fx.context("\uFEFF" + code.text() + "\n"), "verify", "--trust", fx.jwks.toString());

        assertEquals(0, result.exitCode(), result.out() + result.err());
    }

    @Test
    void verify_trailingSpaceAdded_isNotTrimmedAndRejected() {
        IssuedCode code = fx.issue(Colour.GREEN);

        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), code.text() + " ");

        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("MALFORMED"), result.out());
    }

    @Test
    void verify_emptyStdin_exitsThree() {
        Fixtures.Result result = Fixtures.run(fx.context(""), "verify", "--trust", fx.jwks.toString());

        assertEquals(3, result.exitCode());
        assertTrue(result.out().contains("EMPTY_LINE"), result.out());
    }

    @Test
    void verify_codeOfAnotherIssuer_isUnknownKey() throws IOException {
        Path other = dir.resolve("other.jwks");
        Files.writeString(other, JwkKeys.publicKeysToJwks(List.of((ECPublicKey) P256KeyPairs.generate(new SecureRandom()).getPublic())));

        Fixtures.Result result = fx.run("verify", "--trust", other.toString(), fx.issue(Colour.GREEN).text());

        assertEquals(1, result.exitCode());
        assertTrue(result.out().contains("UNKNOWN_KEY"), result.out());
    }

    @Test
    void verify_pemTrustInDirectory_isValid() throws IOException {
        Path trustDir = Files.createDirectories(dir.resolve("trust"));
        Files.move(fx.writePem(), trustDir.resolve("issuer.pem"));
        Files.writeString(trustDir.resolve("README.txt"), "not a key, and not loaded");

        Fixtures.Result result = fx.run("verify", "--trust", trustDir.toString(), fx.issue(Colour.GREEN).text());

        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    void verify_noTrustConfigured_exitsNotConfiguredAndSaysWhereKeysGo() {
        Fixtures.Result result = fx.run("verify", fx.issue(Colour.GREEN).text());

        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode());
        assertTrue(result.err().contains("--trust"), result.err());
        assertTrue(result.err().contains("GREENLIGHT_TRUST"), result.err());
        assertTrue(result.err().contains("not trusted automatically"), result.err());
    }

    @Test
    void verify_trustFromEnvironment_isUsed() {
        CliContext context = Fixtures.context(Fixtures.NOW, new ByteArrayInputStream(new byte[0]),
                Map.of("GREENLIGHT_TRUST", fx.jwks.toString()), dir.resolve("home"));

        Fixtures.Result result = Fixtures.run(context, "verify", fx.issue(Colour.GREEN).text());

        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    void verify_trustInDefaultHomeLocation_isUsed() throws IOException {
        Path home = dir.resolve("home");
        Path trust = Files.createDirectories(home.resolve(".greenlight").resolve("trust"));
        Files.copy(fx.jwks, trust.resolve("issuer.jwks"));

        Fixtures.Result result = fx.run("verify", fx.issue(Colour.GREEN).text());

        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    void verify_badTrustFile_exitsKeyErrorNamingTheFile() throws IOException {
        Path bad = dir.resolve("broken.pem");
        Files.writeString(bad, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

        Fixtures.Result result = fx.run("verify", "--trust", bad.toString(), fx.issue(Colour.GREEN).text());

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode());
        assertTrue(result.err().contains("broken.pem"), result.err());
    }

    @Test
    void verify_privateKeyAsTrust_exitsKeyError() throws IOException {
        Path privatePem = dir.resolve("private.pem");
        Files.writeString(privatePem, PemKeys.privateKeyToPem((java.security.interfaces.ECPrivateKey) fx.pair.getPrivate()));

        Fixtures.Result result = fx.run("verify", "--trust", privatePem.toString(), fx.issue(Colour.GREEN).text());

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode());
        assertTrue(result.err().contains("private.pem"), result.err());
        assertFalse(result.err().contains("MIG"), "no key material in messages");
    }

    @Test
    void verify_skewAboveCodecCap_exitsTwo() {
        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--skew", "11m", fx.issue(Colour.GREEN).text());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--skew"), result.err());
    }

    @Test
    void verify_skewAllowsSlightlyExpiredCode() {
        IssuedCode code = fx.issue("SKEW1", Colour.GREEN, Duration.ofMinutes(10));
        String twoMinutesAfterExpiry = code.claims().expiresAt().plusSeconds(120).toString();

        Fixtures.Result strict = fx.run("verify", "--trust", fx.jwks.toString(), "--skew", "0", "--now", twoMinutesAfterExpiry, code.text());
        Fixtures.Result lenient = fx.run("verify", "--trust", fx.jwks.toString(), "--skew", "3m", "--now", twoMinutesAfterExpiry, code.text());

        assertEquals(1, strict.exitCode());
        assertEquals(0, lenient.exitCode(), lenient.out());
    }

    @Test
    void verify_codeAndImageTogether_isUsageError() {
        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--image", "x.png", "GL1:ABC");

        assertEquals(2, result.exitCode());
    }

    @Test
    void verify_pngOfIssuedCode_isValid() throws IOException {
        IssuedCode code = fx.issue(Colour.GREEN);
        Path png = dir.resolve("code.png");
        Fixtures.writePng(Fixtures.render(code.text(), 4), png);

        Fixtures.Result result = fx.run("verify", "--json", "--trust", fx.jwks.toString(), "--image", png.toString());

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains(code.claims().serial().toString()));
    }

    @Test
    void verify_scaledAndRotatedPng_isValid() throws IOException {
        IssuedCode code = fx.issue(Colour.YELLOW);
        Path png = dir.resolve("rotated.png");
        BufferedImage rotated = Fixtures.scaleAndRotate(Fixtures.render(code.text(), 4), 1.7, 23);
        Fixtures.writePng(rotated, png);

        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--image", png.toString());

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("YELLOW"));
    }

    @Test
    void verify_jpegCompressedPhoto_isValid() throws IOException {
        IssuedCode code = fx.issue(Colour.RED);
        Path jpeg = dir.resolve("photo.jpg");
        Fixtures.writeJpeg(Fixtures.scaleAndRotate(Fixtures.render(code.text(), 3), 1.3, 90 + 8), jpeg, 0.35f);

        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--image", jpeg.toString());

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("RED"));
    }

    @Test
    void verify_imageThatIsNotAnImage_exitsThree() throws IOException {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "this is text with a .png name");

        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--image", text.toString());

        assertEquals(3, result.exitCode());
        assertTrue(result.out().contains("NOT_AN_IMAGE"), result.out());
    }

    @Test
    void verify_imageWithoutQr_exitsThree() throws IOException {
        Path blank = dir.resolve("blank.png");
        Fixtures.writePng(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), blank);

        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--image", blank.toString());

        assertEquals(3, result.exitCode());
        assertTrue(result.out().contains("NO_QR_CODE"), result.out());
    }

    @Test
    void verify_missingImage_exitsThree() {
        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--image", dir.resolve("none.png").toString());

        assertEquals(3, result.exitCode());
        assertTrue(result.out().contains("UNREADABLE_FILE"), result.out());
    }

    @Test
    void verify_controlCharactersInInput_areNotEchoedRaw() {
        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "GL1:\u001b[31mEVIL");

        assertEquals(1, result.exitCode());
        assertFalse(result.out().contains("\u001b"), result.out());
    }
}
