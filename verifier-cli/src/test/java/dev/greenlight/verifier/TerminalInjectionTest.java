package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacker-controlled text (file names, code texts) reaches the terminal with its controls escaped. */
class TerminalInjectionTest {

    /**
     * An OSC 8 hyperlink to a site of the attacker's choosing, and a right-to-left override. A file
     * name has no '/': the URL's slashes are DIVISION SLASH, which a terminal follows as well.
     */
    private static final String EVIL = "x\u001b]8;;http:\u2215\u2215evil\u0007y\u202egnp.exe";

    @TempDir
    Path dir;

    private Fixtures fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new Fixtures(dir);
    }

    private static void assertNoRawControls(String text) {
        assertFalse(text.contains("\u001b"), () -> "raw ESC in: " + text);
        assertFalse(text.contains("\u0007"), () -> "raw BEL in: " + text);
        assertFalse(text.contains("\u202e"), () -> "raw RLO in: " + text);
    }

    @Test
    void verify_imageFileNameWithControls_isNeverShownRaw() throws IOException {
        Path image = dir.resolve(EVIL);
        Files.writeString(image, "not an image");

        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "--image", image.toString());

        assertEquals(3, result.exitCode(), result.err());
        assertNoRawControls(result.err());
        assertNoRawControls(result.out());
    }

    @Test
    void errorMessages_quotingAFileName_escapeItsControls() {
        Path missing = dir.resolve(EVIL);

        Fixtures.Result trust = fx.run("verify", "--trust", missing.toString(), "GL1:X");
        Fixtures.Result bulk = fx.run("bulk", "--trust", fx.jwks.toString(), missing.toString());

        assertEquals(7, trust.exitCode(), trust.err());
        assertNoRawControls(trust.err());
        assertTrue(trust.err().contains("\\x1b]8;;http:\u2215\u2215evil\\x07y\\u202egnp.exe"), trust.err());
        assertEquals(3, bulk.exitCode(), bulk.err());
        assertNoRawControls(bulk.err());
        assertTrue(bulk.err().contains("\\x1b]8;;"), bulk.err());
    }

    @Test
    void verify_codeTextWithControls_textOutputIsEscaped() {
        Fixtures.Result result = fx.run("verify", "--trust", fx.jwks.toString(), "GL1:" + EVIL);

        assertEquals(1, result.exitCode(), result.err());
        assertNoRawControls(result.out());
        assertNoRawControls(result.err());
    }

    @Test
    void bulk_imageFileNamesWithControls_neverReachTheTerminalRaw() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.writeString(images.resolve(EVIL), "not an image");
        Files.writeString(images.resolve("=HYPERLINK(\"http:\u2215\u2215evil\",\"open\").png"), "not an image");

        Fixtures.Result json = fx.run("bulk", "--trust", fx.jwks.toString(), "--quiet", images.toString());
        Fixtures.Result csv = fx.run("bulk", "--trust", fx.jwks.toString(), "--quiet", "--format", "csv", images.toString());

        assertEquals(1, json.exitCode(), json.err());
        assertNoRawControls(json.out());
        assertNoRawControls(json.err());
        JsonNode first = new ObjectMapper().readTree(json.out().split("\n")[1]);
        assertEquals(EVIL, first.get("file").asText(), "JSON escapes, and a parser gets the exact name back");
        assertEquals(1, csv.exitCode(), csv.err());
        assertNoRawControls(csv.out());
        assertNoRawControls(csv.err());
        assertTrue(csv.out().contains("\\x1b]8;;"), csv.out());
        assertTrue(csv.out().contains("\n'=HYPERLINK(") || csv.out().contains(",\"'=HYPERLINK(") || csv.out().contains(",'=HYPERLINK("),
                "the formula guard: " + csv.out());
    }

    @Test
    void scan_codeTextWithControls_screenIsEscaped() {
        CliContext session = new CliContext(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC),
                new ByteArrayInputStream(("GL1:" + EVIL + "\n" + EVIL + ";36.6\n").getBytes(StandardCharsets.UTF_8)),
                Map.of(), dir.resolve("home"), new dev.greenlight.cli.Terminal(false, false, true), 1);

        Fixtures.Result result = Fixtures.run(session, "scan", "--trust", fx.jwks.toString(), "--checkpoint", EVIL);

        assertEquals(0, result.exitCode(), result.err());
        assertNoRawControls(result.out());
        assertNoRawControls(result.err());
    }
}
