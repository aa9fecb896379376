package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.Tools;
import dev.greenlight.issuer.Environment;
import dev.greenlight.issuer.IssuerCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The rotation procedure of README "Trust lists" and specification section 15.6, through both
 * tools as an authority, an issuer and a gate run them, each step at its own time: issuer key A
 * signs; key B is listed from the hand-over H and A's window closed at H; A's codes issued before
 * H verify until they expire, a code A dates after H does not; once A's last code has expired, A
 * leaves the list, and the older lists are refused as rollback.
 */
class TrustListRotationTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant HAND_OVER = Instant.parse("2026-03-01T12:00:00Z");
    private static final String CNID = "11010519491231002X";

    @TempDir
    Path dir;

    @Test
    void rotation_fromKeyAToKeyB_keepsAsCodesUntilTheyExpireAndRefusesOldLists() throws IOException {
        // The authority lists the issuer's first key, A, and publishes list 1.
        issuer(START, "init", "--home", "issuer");
        String keyA = issuer(START, "keys", "--home", "issuer").strip().split("\t")[0];
        issuer(START, "trust", "init", "--authority", "authority");
        issuer(START, "trust", "add", "issuer/keys/" + keyA + ".pub.pem", "--authority", "authority",
                "--issuer", "Beijing Municipal Health Commission", "--region", "110000", "--not-after", "2027-03-01T00:00:00Z");
        issuer(START, "trust", "sign", "--authority", "authority", "-o", "list-1.jws");

        String a1 = issueCode(START.plus(Duration.ofHours(1)));
        assertEquals("VALID", verify(START.plus(Duration.ofHours(2)), "list-1.jws", a1).get("verdict").asText());

        // Before the hand-over: B is generated (not yet signing), listed from H; A's window closes at H. List 2.
        Instant prepare = HAND_OVER.minus(Duration.ofHours(1));
        String keyB = issuer(prepare, "keygen", "--home", "issuer").strip();
        issuer(prepare, "trust", "add", "issuer/keys/" + keyB + ".jwk.json", "--authority", "authority",
                "--issuer", "Beijing Municipal Health Commission", "--region", "110000",
                "--not-before", HAND_OVER.toString(), "--not-after", "2027-09-01T00:00:00Z");
        issuer(prepare, "trust", "retire", keyA, "--authority", "authority", "--not-after", HAND_OVER.toString());
        issuer(prepare, "trust", "sign", "--authority", "authority", "-o", "list-2.jws");
        String a2 = issueCode(HAND_OVER.minus(Duration.ofMinutes(30)));

        // An issuer that forgot to switch: A still signs after H.
        String aLate = issueCode(HAND_OVER.plus(Duration.ofMinutes(5)));
        // At H (late by those minutes) the issuer switches to B and retires A.
        issuer(HAND_OVER.plus(Duration.ofMinutes(6)), "keys", "activate", keyB, "--home", "issuer");
        issuer(HAND_OVER.plus(Duration.ofMinutes(6)), "keys", "retire", keyA, "--home", "issuer");
        String b1 = issueCode(HAND_OVER.plus(Duration.ofHours(1)));

        Instant afterHandOver = HAND_OVER.plus(Duration.ofHours(2));
        assertEquals("VALID", verify(afterHandOver, "list-2.jws", a1).get("verdict").asText());
        assertEquals("VALID", verify(afterHandOver, "list-2.jws", a2).get("verdict").asText());
        assertEquals("VALID", verify(afterHandOver, "list-2.jws", b1).get("verdict").asText());
        JsonNode late = verify(afterHandOver, "list-2.jws", aLate);
        assertEquals("OUTSIDE_KEY_WINDOW", late.get("reason").asText(), late.toString());
        assertEquals(keyA, late.get("key_id").asText(), late.toString());
        assertEquals(HAND_OVER.plus(Duration.ofMinutes(5)).toString(), late.get("issued_at").asText(), late.toString());
        // List 2 is accepted: list 1 is now a rollback.
        Fixtures.Result rolledBack = verifyRaw(afterHandOver, "list-1.jws", b1);
        assertEquals(ExitCode.KEY_ERROR.code(), rolledBack.exitCode(), rolledBack.err());
        assertTrue(rolledBack.err().contains("ROLLBACK"), rolledBack.err());

        // A's last code (a2, 24 h) expired at H + 23h30m. The authority removes A a day after H: list 3.
        Instant dayAfter = HAND_OVER.plus(Duration.ofDays(1));
        assertEquals("EXPIRED", verify(dayAfter, "list-2.jws", a2).get("reason").asText());
        issuer(dayAfter, "trust", "remove", keyA, "--authority", "authority", "--now", dayAfter.toString());
        issuer(dayAfter, "trust", "sign", "--authority", "authority", "-o", "list-3.jws", "--now", dayAfter.toString());
        String b2 = issueCode(dayAfter);

        Instant later = dayAfter.plus(Duration.ofHours(1));
        assertEquals("VALID", verify(later, "list-3.jws", b2).get("verdict").asText());
        assertEquals("UNKNOWN_KEY", verify(later, "list-3.jws", a2).get("reason").asText());
        for (String old : new String[] {"list-1.jws", "list-2.jws"}) {
            Fixtures.Result refused = verifyRaw(later, old, b2);
            assertEquals(ExitCode.KEY_ERROR.code(), refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("sequence " + (old.equals("list-1.jws") ? 1 : 2) + ", lower than 3"), refused.err());
        }
        Fixtures.Result shown = verifyRaw(later, "list-3.jws", b2);
        assertTrue(shown.err().contains("gl-verify: trust list 3 (1 key, issued " + dayAfter + ", 1h old, max age 168h)"), shown.err());
    }

    private String issueCode(Instant at) {
        return issuer(at, "issue", "--home", "issuer", "--doc", "CNID", "--number", CNID, "--colour", "green").strip();
    }

    private JsonNode verify(Instant now, String list, String code) throws IOException {
        Fixtures.Result result = verifyRaw(now, list, code, "--json");
        return new ObjectMapper().readTree(result.out());
    }

    private Fixtures.Result verifyRaw(Instant now, String list, String code, String... more) {
        String[] args = new String[6 + more.length];
        args[0] = "verify";
        args[1] = "--trust-list=" + dir.resolve(list);
        args[2] = "--root=" + dir.resolve("authority/root.pub.pem");
        args[3] = "--state-dir=" + dir.resolve("gate-state");
        System.arraycopy(more, 0, args, 4, more.length);
        args[4 + more.length] = "--";
        args[5 + more.length] = code;
        return Fixtures.run(Fixtures.context(now, new ByteArrayInputStream(new byte[0]), Map.of(), dir.resolve("gate-home")), args);
    }

    /** Runs gl-issue at {@code now} in {@link #dir}, requires success, and returns its standard output. */
    private String issuer(Instant now, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(Clock.fixed(now, ZoneOffset.UTC), Map.of(), dir.resolve("user-home"), dir, null,
                new SecureRandom(), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), Terminal.NONE);
        CommandLine cli = Tools.commandLine(new IssuerCli(environment));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(0, cli.execute(args), () -> "gl-issue " + String.join(" ", args) + ": " + err);
        return out.toString();
    }
}
