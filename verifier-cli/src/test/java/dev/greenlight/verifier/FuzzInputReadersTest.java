package dev.greenlight.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.LineReader;
import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.Verifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Fuzz targets for what {@code gl-verify} reads from outside: lines of a code list
 * ({@link LineReader}), their text ({@link CodeTexts}), image files ({@link QrImageDecoder}) and
 * trust files ({@link TrustStore}). Property: every input byte is accounted for in exactly one line,
 * every line yields exactly one outcome, and only the typed failures come out: no exception.
 *
 * <p>In {@code ./mvnw -B verify} these run in Jazzer's regression mode over the committed corpus in
 * {@code src/test/resources/dev/greenlight/verifier/FuzzInputReadersTestInputs/<method>/}. To fuzz
 * one target for real (SECURITY.md):
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl verifier-cli -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest='FuzzInputReadersTest#cappedLineReader_anyBytes_everyByteInExactlyOneLine'
 * </pre>
 */
class FuzzInputReadersTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final KeyPair PAIR = P256KeyPairs.generate(new SecureRandom());
    private static final Verifier VERIFIER = Verifier.builder(TrustedKeys.of(List.of((ECPublicKey) PAIR.getPublic())),
            Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    /** The only texts that may verify: the fuzzer can splice this one in from the dictionary. */
    private static final String GENUINE = Issuer.builder(IdentitySecret.generate(new SecureRandom()),
            Clock.fixed(NOW.minusSeconds(3600), ZoneOffset.UTC))
            .signingKey((ECPrivateKey) PAIR.getPrivate())
            .build()
            .issue(Identity.passport("FRA", "18AV12345"), Colour.GREEN).text();
    private static final Set<String> IMAGE_FAILURES = Set.of(
            InputProblem.NOT_AN_IMAGE.name(), InputProblem.IMAGE_TOO_LARGE.name(), InputProblem.NO_QR_CODE.name());

    /** A stream that hands out at most {@code chunk} bytes per read, as pipes and sockets do. */
    private static InputStream trickle(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @FuzzTest
    void cappedLineReader_anyBytes_everyByteInExactlyOneLine(FuzzedDataProvider data) throws IOException {
        int cap = data.consumeInt(1, 40);
        int chunk = data.consumeInt(1, 70_000);
        byte[] input = data.consumeRemainingAsBytes();

        LineReader reader = new LineReader(trickle(input, chunk), cap);
        List<LineReader.Line> lines = new ArrayList<>();
        LineReader.Line line;
        while ((line = reader.next()) != null) {
            lines.add(line);
        }

        // The model: a BOM at the very start is dropped, then LF separates lines, the last line
        // may lack its LF, and one CR before the LF is not part of the line.
        int start = input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB
                && (input[2] & 0xFF) == 0xBF ? 3 : 0;
        List<byte[]> raw = new ArrayList<>();
        for (int from = start; from < input.length; ) {
            int to = from;
            while (to < input.length && input[to] != '\n') {
                to++;
            }
            raw.add(Arrays.copyOfRange(input, from, to));
            from = to + 1;
        }
        assertEquals(raw.size(), lines.size(), "one line per LF-terminated (or final) segment");
        long accounted = start;
        for (int i = 0; i < lines.size(); i++) {
            LineReader.Line got = lines.get(i);
            byte[] segment = raw.get(i);
            boolean cr = segment.length > 0 && segment[segment.length - 1] == '\r';
            byte[] text = cr ? Arrays.copyOf(segment, segment.length - 1) : segment;
            assertEquals(i + 1, got.number());
            if (text.length <= cap) {
                assertFalse(got.tooLong(), "line " + (i + 1));
                assertArrayEquals(text, got.bytes(), "line " + (i + 1));
                assertEquals(text.length, got.length());
                accounted += got.length() + (cr ? 1 : 0);
            } else {
                assertTrue(got.tooLong(), "line " + (i + 1));
                assertArrayEquals(Arrays.copyOf(segment, cap), got.bytes(), "line " + (i + 1));
                // A too-long line reports its full length, CR included: nothing of it is lost.
                assertEquals(segment.length, got.length());
                accounted += got.length();
            }
            accounted += i < lines.size() - 1 || input[input.length - 1] == '\n' ? 1 : 0;
            // Every line is a record: exactly one outcome, never an exception.
            Outcome outcome = CodeTexts.verifyLine(VERIFIER, got, cap);
            assertTrue(outcome.isValid() == (outcome.reason() == null), outcome::toString);
        }
        assertEquals(input.length, accounted, "BOM + lines + CRs + LFs account for every input byte");
        assertEquals(input.length, reader.bytesRead());
    }

    @FuzzTest
    // Printable ASCII only: Jazzer writes entries to a libFuzzer dictionary unescaped, and a control
    // character there makes the fuzzing run exit at once (regression mode does not notice).
    @DictionaryEntries({"GL1:", " ", "%", "$"})
    void codeTexts_anyLine_textOrTypedFailure(FuzzedDataProvider data) {
        int cap = data.consumeInt(1, 2048);
        long extra = data.consumeBoolean() ? data.consumeLong(1, Long.MAX_VALUE / 2) : 0;
        byte[] bytes = data.consumeRemainingAsBytes();
        if (bytes.length > cap) {
            bytes = Arrays.copyOf(bytes, cap);
        }
        LineReader.Line line = new LineReader.Line(1, bytes, bytes.length + extra);

        CodeTexts.LineText read = CodeTexts.readLine(line, cap);
        Outcome outcome = CodeTexts.verifyLine(VERIFIER, line, cap);

        assertTrue((read.text() == null) != (read.failure() == null), "exactly one of text and failure");
        // Strict UTF-8 is exactly what survives a decode and re-encode unchanged.
        boolean utf8 = Arrays.equals(bytes, new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        if (extra > 0) {
            assertEquals(InputProblem.LINE_TOO_LONG.name(), read.failure().reason());
        } else if (bytes.length == 0) {
            assertEquals(InputProblem.EMPTY_LINE.name(), read.failure().reason());
        } else if (!utf8) {
            assertEquals(InputProblem.NOT_UTF8.name(), read.failure().reason());
            assertNull(CodeTexts.decode(bytes));
        } else {
            assertEquals(new String(bytes, StandardCharsets.UTF_8), read.text(), "no trimming, no change");
            assertEquals(read.text(), CodeTexts.decode(bytes));
        }
        if (read.failure() != null) {
            assertEquals(read.failure(), outcome);
            assertEquals(Verdict.INPUT_ERROR, outcome.verdict());
        } else if (outcome.isValid()) {
            assertEquals(GENUINE, read.text(), "only the genuine code verifies");
        } else {
            assertEquals(Verdict.REJECTED, outcome.verdict());
            assertNotNull(outcome.reason());
        }
        String shown = dev.greenlight.cli.Terminal.safe(outcome.message());
        assertTrue(shown.chars().noneMatch(Character::isISOControl), shown);
    }

    @FuzzTest
    @DictionaryEntries({"PNG", "IHDR", "IDAT", "IEND", "PLTE", "tRNS", "JFIF", "Exif", "GIF89a", "BM"})
    void qrImageDecoder_anyFileBytes_textOrTypedFailure(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz-image", ".png");
        try {
            Files.write(file, bytes);
            QrImageDecoder.Read read = QrImageDecoder.read(file);
            assertTrue((read.text() == null) != (read.failure() == null), "exactly one of text and failure");
            if (read.failure() != null) {
                assertEquals(Verdict.INPUT_ERROR, read.failure().verdict());
                assertTrue(IMAGE_FAILURES.contains(read.failure().reason()), read.failure()::toString);
                assertFalse(read.failure().message().isBlank());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Not a speed assertion but a hang detector: the backtracking PEM pattern this loader used took
     * 243 s on a 1 MiB trust file; the linear reader needs milliseconds for any file under the cap.
     */
    private static final Duration TRUST_FILE_HANG_BOUND = Duration.ofSeconds(2);

    @FuzzTest
    @DictionaryEntries({"-----BEGIN ", "-----END ", "PUBLIC KEY-----", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", "\"keys\"", "\"kty\""})
    void trustStore_anyPemFileBytes_keysOrUsageError(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz-trust", ".pem");
        try {
            Files.write(file, bytes);
            assertTimeoutPreemptively(TRUST_FILE_HANG_BOUND, () -> {
                try {
                    List<ECPublicKey> keys = TrustStore.loadFile(file);
                    assertFalse(keys.isEmpty(), "a loaded trust file holds at least one key");
                    TrustedKeys.of(keys);
                } catch (CliException e) {
                    // The method keeps its name, which names its seed corpus; a bad trust file is a key error now.
                    assertEquals(ExitCode.KEY_ERROR, e.exitCode(), e::getMessage);
                    assertTrue(e.getMessage().contains(file.toString()), "the message names the file: " + e.getMessage());
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
