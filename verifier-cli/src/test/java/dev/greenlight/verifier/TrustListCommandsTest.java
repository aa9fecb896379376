package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.Terminal;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.SigningWindow;
import dev.greenlight.codec.revocation.RevocationList;
import dev.greenlight.codec.trust.TrustListDocument;
import dev.greenlight.codec.trust.TrustListEntry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --trust-list} on verify, bulk and scan: the list's checks, the rollback record, freshness, what is shown. */
class TrustListCommandsTest {

    private static final KeyPair ROOT = P256KeyPairs.generate(new SecureRandom());

    @TempDir
    Path dir;

    private Fixtures fx;
    private Path root;
    private Path state;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        fx = new Fixtures(dir);
        root = dir.resolve("root.pub.pem");
        Files.writeString(root, PemKeys.publicKeyToPem((ECPublicKey) ROOT.getPublic()));
        state = dir.resolve("state");
    }

    private Path list(String name, long sequence, Instant issuedAt, KeyPair signer) throws Exception {
        TrustListDocument document = new TrustListDocument(sequence, issuedAt, Duration.ofDays(1), List.of(
                new TrustListEntry((ECPublicKey) fx.pair.getPublic(), "Issuer \u4e0a\u6d77", "310000",
                        new SigningWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")))));
        Path file = dir.resolve(name);
        Files.writeString(file, document.sign((ECPrivateKey) signer.getPrivate()) + "\n");
        return file;
    }

    private Fixtures.Result run(Instant now, String stdin, String... args) {
        return Fixtures.run(Fixtures.context(now, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env,
                dir.resolve("home")), args);
    }

    private Fixtures.Result verify(Instant now, Path list, String... more) {
        String[] args = new String[4 + more.length + 1];
        args[0] = "verify";
        args[1] = "--trust-list=" + list;
        args[2] = "--root=" + root;
        args[3] = "--state-dir=" + state;
        System.arraycopy(more, 0, args, 4, more.length);
        args[args.length - 1] = fx.issue(Colour.GREEN).text();
        return run(now, "", args);
    }

    @Test
    void verify_withAList_acceptsItsKeyAndShowsSequenceAndAgeOnStderr() throws Exception {
        Path list = list("list.jws", 4, Fixtures.ISSUED_AT.minus(Duration.ofHours(2)), ROOT);

        Fixtures.Result result = verify(Fixtures.NOW, list);

        assertEquals(ExitCode.OK.code(), result.exitCode(), result.err());
        assertTrue(result.out().startsWith("VALID"), result.out());
        assertTrue(result.err().contains("gl-verify: trust list 4 (1 key, issued 2026-03-01T06:00:00Z, 3h old, max age 24h) from "),
                result.err());
        assertEquals("4 ", Files.readString(state.resolve("trust-list")).substring(0, 2));
    }

    @Test
    void verify_listSignedByAnotherRoot_isAKeyErrorNamingTheReason() throws Exception {
        Path list = list("list.jws", 4, Fixtures.ISSUED_AT, P256KeyPairs.generate(new SecureRandom()));

        Fixtures.Result result = verify(Fixtures.NOW, list);

        assertEquals(ExitCode.KEY_ERROR.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("SIGNATURE"), result.err());
        assertFalse(Files.exists(state.resolve("trust-list")), "a refused list is not recorded");
    }

    @Test
    void verify_staleList_refusedStrictlyAndWarnedLeniently() throws Exception {
        Path list = list("list.jws", 4, Fixtures.NOW.minus(Duration.ofDays(1)), ROOT);

        Fixtures.Result strict = verify(Fixtures.NOW, list);
        Fixtures.Result lenient = verify(Fixtures.NOW, list, "--list-age", "lenient");
        Fixtures.Result wrong = verify(Fixtures.NOW, list, "--list-age", "sometimes");

        assertEquals(ExitCode.KEY_ERROR.code(), strict.exitCode(), strict.err());
        assertTrue(strict.err().contains("STALE"), strict.err());
        assertEquals(ExitCode.OK.code(), lenient.exitCode(), lenient.err());
        assertTrue(lenient.err().contains("gl-verify: WARNING: the list was issued at"), lenient.err());
        assertEquals(ExitCode.USAGE.code(), wrong.exitCode(), wrong.err());
    }

    @Test
    void verify_olderListAfterANewerOne_isRefusedAsRollbackAndTheSameNumberWithOtherContentToo() throws Exception {
        Path older = list("older.jws", 4, Fixtures.ISSUED_AT, ROOT);
        Path newer = list("newer.jws", 5, Fixtures.ISSUED_AT, ROOT);
        Path sameNumber = list("same.jws", 5, Fixtures.ISSUED_AT.plusSeconds(1), ROOT);

        assertEquals(ExitCode.OK.code(), verify(Fixtures.NOW, older).exitCode());
        assertEquals(ExitCode.OK.code(), verify(Fixtures.NOW, newer).exitCode());
        assertEquals(ExitCode.OK.code(), verify(Fixtures.NOW, newer).exitCode(), "the same list again is fine");
        Fixtures.Result rollback = verify(Fixtures.NOW, older);
        Fixtures.Result reused = verify(Fixtures.NOW, sameNumber);

        assertEquals(ExitCode.KEY_ERROR.code(), rollback.exitCode(), rollback.err());
        assertTrue(rollback.err().contains("ROLLBACK"), rollback.err());
        assertEquals(ExitCode.KEY_ERROR.code(), reused.exitCode(), reused.err());
        assertTrue(reused.err().contains("reused a sequence number"), reused.err());
    }

    @Test
    void verify_damagedStateRecord_failsInsteadOfForgetting() throws Exception {
        Path list = list("list.jws", 4, Fixtures.ISSUED_AT, ROOT);
        Files.createDirectories(state);
        Files.writeString(state.resolve("trust-list"), "garbage\n");

        Fixtures.Result result = verify(Fixtures.NOW, list);

        assertEquals(ExitCode.IO_ERROR.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("damaged"), result.err());
    }

    @Test
    void verify_trustAndTrustListTogether_isAUsageError() throws Exception {
        Path list = list("list.jws", 4, Fixtures.ISSUED_AT, ROOT);

        Fixtures.Result result = verify(Fixtures.NOW, list, "--trust", fx.jwks.toString());

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.err());
    }

    @Test
    void verify_listFromTheEnvironmentWithoutARoot_saysHowToPinOne() throws Exception {
        env.put(TrustListOptions.ENV_TRUST_LIST, list("list.jws", 4, Fixtures.ISSUED_AT, ROOT).toString());

        Fixtures.Result missing = run(Fixtures.NOW, "", "verify", fx.issue(Colour.GREEN).text());
        env.put(TrustListOptions.ENV_TRUST_ROOT, root.toString());
        env.put(TrustListOptions.ENV_STATE, state.toString());
        Fixtures.Result pinned = run(Fixtures.NOW, "", "verify", fx.issue(Colour.GREEN).text());

        assertEquals(ExitCode.NOT_CONFIGURED.code(), missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("--root"), missing.err());
        assertEquals(ExitCode.OK.code(), pinned.exitCode(), pinned.err());
    }

    @Test
    void verify_codeOutsideItsKeysWindow_isOutsideKeyWindowWithItsSignedClaims() throws Exception {
        TrustListDocument document = new TrustListDocument(1, Fixtures.ISSUED_AT, Duration.ofDays(1), List.of(
                new TrustListEntry((ECPublicKey) fx.pair.getPublic(), "Issuer", "310000",
                        new SigningWindow(Instant.parse("2026-01-01T00:00:00Z"), Fixtures.ISSUED_AT))));
        Path list = dir.resolve("closed.jws");
        Files.writeString(list, document.sign((ECPrivateKey) ROOT.getPrivate()));

        Fixtures.Result result = verify(Fixtures.NOW, list, "--json");

        assertEquals(ExitCode.SOME_FAILED.code(), result.exitCode(), result.err());
        assertTrue(result.out().contains("\"reason\":\"OUTSIDE_KEY_WINDOW\""), result.out());
        assertTrue(result.out().contains("\"issued_at\":\"" + Fixtures.ISSUED_AT + "\""), result.out());
    }

    @Test
    void bulk_withAList_verifiesEveryLineAndQuietKeepsOnlyAWarning() throws Exception {
        Path list = list("list.jws", 4, Fixtures.NOW.minus(Duration.ofDays(1)), ROOT);
        String codes = fx.issue(Colour.GREEN).text() + "\n" + fx.issue(Colour.RED).text() + "\n";

        Fixtures.Result result = run(Fixtures.NOW, codes, "bulk", "--trust-list", list.toString(), "--root", root.toString(),
                "--state-dir", state.toString(), "--list-age", "lenient", "--quiet", "-");

        assertEquals(ExitCode.OK.code(), result.exitCode(), result.err());
        assertEquals(2, result.outLines().size(), result.out());
        assertFalse(result.err().contains("gl-verify: trust list 4"), result.err());
        assertTrue(result.err().contains("WARNING"), result.err());
    }

    @Test
    void scan_withAList_showsItsSequenceAndAgeInTheBanner() throws Exception {
        Path list = list("list.jws", 9, Fixtures.ISSUED_AT, ROOT);

        Fixtures.Result result = run(Fixtures.NOW, fx.issue(Colour.GREEN).text() + "\n", "scan", "--trust-list", list.toString(),
                "--root", root.toString(), "--state-dir", state.toString());

        assertEquals(ExitCode.OK.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains("scan: trust list 9 (1 key, issued 2026-03-01T08:00:00Z, 1h old, max age 24h)"), result.err());
        assertTrue(result.err().indexOf("scan: trust list 9") < result.err().indexOf("scan: ready"), result.err());
        assertTrue(result.out().contains("PASS"), result.out());
    }

    @Test
    void scan_pastTheListsMaximumAge_deniesAsTrustListStaleUnderStrictAndWarnsUnderLenient() throws Exception {
        TrustListDocument twoHours = new TrustListDocument(9, Fixtures.ISSUED_AT, Duration.ofHours(2), List.of(
                new TrustListEntry((ECPublicKey) fx.pair.getPublic(), "Issuer", "310000",
                        new SigningWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")))));
        Path list = dir.resolve("two-hours.jws");
        Files.writeString(list, twoHours.sign((ECPrivateKey) ROOT.getPrivate()));
        // Valid for 24 hours: only the list's age can deny the scans from the moment the list went stale.
        String code = fx.issue(Colour.GREEN).text();
        Instant staleAt = Fixtures.ISSUED_AT.plus(Duration.ofHours(2));
        List<Instant> times = List.of(Fixtures.NOW, staleAt, staleAt.plus(Duration.ofHours(1)));

        for (String policy : List.of("strict", "lenient")) {
            Path log = dir.resolve(policy + ".jsonl");
            AtomicReference<Instant> now = new AtomicReference<>(Fixtures.NOW);
            InputStream scans = scansAt(now, List.of(code, code, code + ";36.8"), times);
            Fixtures.Result result = Fixtures.run(new CliContext(TestClock.reading(now), scans, env, dir.resolve("home"),
                    Terminal.of(false, false, env), 2), "scan", "--trust-list", list.toString(), "--root", root.toString(),
                    "--state-dir", state.toString(), "--list-age", policy, "--log", log.toString());

            assertEquals(ExitCode.OK.code(), result.exitCode(), result.err());
            List<String> entries = Files.readAllLines(log);
            assertEquals(3, entries.size(), entries.toString());
            assertTrue(entries.get(0).contains("\"decision\":\"PASS\""), entries.get(0));
            String told = policy.equals("strict") ? "scan: trust list 9 went stale at " + staleAt : "scan: WARNING: trust list 9 went stale at " + staleAt;
            assertEquals(1, result.err().split(Pattern.quote(told), -1).length - 1, "said once: " + result.err());
            for (String entry : entries.subList(1, 3)) {
                if (policy.equals("strict")) {
                    assertTrue(entry.contains("\"decision\":\"DENY\"") && entry.contains("\"reason\":\"TRUST_LIST_STALE\"")
                            && entry.contains("\"verdict\":\"VALID\""), entry);
                } else {
                    assertTrue(entry.contains("\"decision\":\"PASS\""), entry);
                }
            }
            assertTrue(entries.get(2).contains("\"temperature\":36.8") || entries.get(2).contains("\"temperature\":\"36.8\""),
                    "a reading given with a denied code is logged: " + entries.get(2));
        }
    }

    @Test
    void revocationsMaxAge_refusesAnOlderListAtStart_andScanDeniesOnceItIsPassed() throws Exception {
        Path revocations = dir.resolve("revocations.jws");
        Files.writeString(revocations, RevocationList.base(1, Fixtures.ISSUED_AT).sign(ROOT.getPrivate(), null, "root") + "\n");
        String code = fx.issue(Colour.GREEN).text();
        String[] lists = {"--trust", fx.jwks.toString(), "--root", root.toString(), "--state-dir", state.toString(),
            "--revocations", revocations.toString()};

        // Fixtures.NOW is an hour after the list was signed.
        Fixtures.Result tooOld = run(Fixtures.NOW, "", concat(new String[] {"verify", "--revocations-max-age", "30m"}, lists, code));
        Fixtures.Result fresh = run(Fixtures.NOW, "", concat(new String[] {"verify", "--revocations-max-age", "2h"}, lists, code));
        Fixtures.Result noList = run(Fixtures.NOW, "", "verify", "--trust", fx.jwks.toString(), "--revocations-max-age", "2h", code);

        assertEquals(ExitCode.KEY_ERROR.code(), tooOld.exitCode(), tooOld.err());
        assertTrue(tooOld.err().contains("revocation list 1 refused (STALE)"), tooOld.err());
        assertEquals(ExitCode.OK.code(), fresh.exitCode(), fresh.err());
        assertEquals(ExitCode.USAGE.code(), noList.exitCode(), noList.err());
        assertTrue(noList.err().contains("--revocations-max-age needs --revocations"), noList.err());

        Instant staleAt = Fixtures.ISSUED_AT.plus(Duration.ofHours(2));
        AtomicReference<Instant> now = new AtomicReference<>(Fixtures.NOW);
        InputStream scans = scansAt(now, List.of(code, code, code), List.of(Fixtures.NOW, staleAt, staleAt.plus(Duration.ofHours(1))));
        Path log = dir.resolve("gate.jsonl");
        Fixtures.Result scan = Fixtures.run(new CliContext(TestClock.reading(now), scans, env, dir.resolve("home"),
                Terminal.of(false, false, env), 2), concat(new String[] {"scan", "--revocations-max-age", "2h", "--log", log.toString()}, lists));

        assertEquals(ExitCode.OK.code(), scan.exitCode(), scan.err());
        List<String> entries = Files.readAllLines(log);
        assertEquals(3, entries.size(), entries.toString());
        assertTrue(entries.get(0).contains("\"decision\":\"PASS\""), entries.get(0));
        for (String entry : entries.subList(1, 3)) {
            assertTrue(entry.contains("\"decision\":\"DENY\"") && entry.contains("\"reason\":\"REVOCATIONS_STALE\""), entry);
        }
        String told = "scan: revocation list 1 went stale at " + staleAt;
        assertEquals(1, scan.err().split(Pattern.quote(told), -1).length - 1, "said once: " + scan.err());
    }

    private static String[] concat(String[] head, String[] middle, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + middle.length + tail.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    /** One scan per read, the clock moved to its time first: hours pass between scans at a gate. */
    private static InputStream scansAt(AtomicReference<Instant> clock, List<String> lines, List<Instant> times) {
        return new InputStream() {
            private int next;

            @Override
            public int read() {
                throw new UnsupportedOperationException("read in blocks, as LineReader does");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (next == lines.size()) {
                    return -1;
                }
                clock.set(times.get(next));
                byte[] line = (lines.get(next++) + "\n").getBytes(StandardCharsets.US_ASCII);
                // LineReader asks for a buffer's worth; a line longer than that would need splitting.
                assertTrue(line.length <= length, "a scan longer than the reader's buffer");
                System.arraycopy(line, 0, buffer, offset, line.length);
                return line.length;
            }
        };
    }
}
