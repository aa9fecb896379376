package dev.greenlight.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.VerifiedCode;
import dev.greenlight.codec.qr.QrCodes;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssueCommandTest {

    private static final String[] GREEN_CNID = {"issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002x",
        "--colour", "green"};

    @TempDir
    Path temp;

    private Cli cli;
    private Path home;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(temp);
        home = cli.initHome();
    }

    @Test
    void issue_validIdentity_printsOnlyTheCodeOnStdoutAndItVerifies() throws Exception {
        Cli.Result result = cli.run(GREEN_CNID);

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertTrue(result.out().endsWith(System.lineSeparator()));
        String text = result.out().substring(0, result.out().length() - System.lineSeparator().length());
        assertTrue(text.startsWith("GL1:") && !text.contains("\n"), result::toString);
        VerificationResult verdict = Homes.verifier(home, cli.clock).verify(text);
        assertTrue(verdict.isValid(), verdict::toString);
        VerifiedCode code = verdict.code();
        assertEquals(Colour.GREEN, code.claims().colour());
        assertEquals(Cli.NOW, code.claims().issuedAt());
        assertEquals(Cli.NOW.plus(Duration.ofHours(24)), code.claims().expiresAt());
        assertEquals(Homes.identitySecret(home).pseudonymOf(Identity.chineseResidentId("11010519491231002X")),
                code.claims().identityHash());
        assertTrue(result.err().contains("serial " + code.claims().serial()), result::toString);
        assertTrue(result.err().contains("key " + Homes.activeKeyId(home)), result::toString);
        assertTrue(result.err().contains("expires " + code.claims().expiresAt()), result::toString);
    }

    @Test
    void issue_validityOption_setsTheExpiry() throws Exception {
        Cli.Result result = cli.run("issue", "--home", "home", "--doc", "PP-fra", "--number", "18av12345",
                "--colour", "YELLOW", "--validity", "1h30m");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        VerifiedCode code = Homes.verifier(home, cli.clock).verify(result.out().strip()).code();
        assertEquals(Cli.NOW.plus(Duration.ofMinutes(90)), code.claims().expiresAt());
        assertEquals(Colour.YELLOW, code.claims().colour());
    }

    @Test
    void issue_wrongCheckCharacter_exitsInvalidInputWithNothingOnStdout() {
        Cli.Result result = cli.run("issue", "--home", "home", "--doc", "CNID", "--number", "110105194912310021",
                "--colour", "green");

        assertEquals(ExitCode.INVALID_INPUT.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().contains("check character"), result::toString);
    }

    @Test
    void issue_unknownColour_exitsInvalidInput() {
        Cli.Result result = cli.run("issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "blue");

        assertEquals(ExitCode.INVALID_INPUT.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("green, yellow or red"), result::toString);
    }

    @Test
    void issue_validityTooLong_exitsInvalidInput() {
        Cli.Result result = cli.run("issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "red", "--validity", "46d");

        assertEquals(ExitCode.INVALID_INPUT.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void issue_missingColour_exitsUsage() {
        Cli.Result result = cli.run("issue", "--home", "home", "--doc", "CNID", "--number", "11010519491231002X");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result::toString);
        assertTrue(result.err().contains("--colour"), result::toString);
    }

    @Test
    void issue_noHome_exitsNoHome() {
        Cli.Result result = cli.run("issue", "--home", "elsewhere", "--doc", "CNID", "--number", "11010519491231002X",
                "--colour", "green");

        assertEquals(ExitCode.NOT_CONFIGURED.code(), result.exitCode(), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void issuePng_decodesBackToTheSameText() throws Exception {
        Cli.Result result = cli.run(withArgs(GREEN_CNID, "--png", "code.png", "--scale", "4"));

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        BufferedImage image = ImageIO.read(cli.workingDirectory.resolve("code.png").toFile());
        assertEquals(result.out().strip(), QrDecoding.decode(image));
        int modules = QrCodes.encode(result.out().strip()).size();
        assertEquals((modules + 2 * QrCodes.QUIET_ZONE_MODULES) * 4, image.getWidth());
        assertTrue(isWhite(image, 4 * QrCodes.QUIET_ZONE_MODULES - 1, 4 * QrCodes.QUIET_ZONE_MODULES - 1),
                "the quiet zone is white");
        assertTrue(!isWhite(image, 4 * QrCodes.QUIET_ZONE_MODULES, 4 * QrCodes.QUIET_ZONE_MODULES),
                "the finder pattern starts right after the quiet zone");
    }

    @Test
    void issueSvg_writesAnSvgOfTheCode() throws Exception {
        Cli.Result result = cli.run(withArgs(GREEN_CNID, "--svg", "code.svg"));

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        String svg = Files.readString(cli.workingDirectory.resolve("code.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("<path"), svg);
    }

    @Test
    void issuePng_existingFile_refusesWithoutForce() throws Exception {
        Path png = cli.workingDirectory.resolve("code.png");
        Files.writeString(png, "keep me");

        Cli.Result refused = cli.run(withArgs(GREEN_CNID, "--png", "code.png"));
        String kept = Files.readString(png);
        Cli.Result forced = cli.run(withArgs(GREEN_CNID, "--png", "code.png", "--force"));

        assertEquals(ExitCode.ALREADY_EXISTS.code(), refused.exitCode(), refused::toString);
        assertEquals("", refused.out());
        assertEquals("keep me", kept);
        assertEquals(ExitCode.OK.code(), forced.exitCode(), forced::toString);
        assertEquals(forced.out().strip(), QrDecoding.decode(ImageIO.read(png.toFile())));
    }

    @Test
    void issueTerminal_drawsTheQrOnStderrAndKeepsStdoutClean() {
        cli.stderrIsTerminal = true;

        Cli.Result result = cli.run(withArgs(GREEN_CNID, "--terminal"));

        assertEquals(ExitCode.OK.code(), result.exitCode(), result::toString);
        assertEquals(1, result.out().lines().count(), result::toString);
        assertTrue(result.err().contains("\u2588") && result.err().contains("\u001b[30;47m"), result::toString);
    }

    private static String[] withArgs(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static boolean isWhite(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF;
    }
}
