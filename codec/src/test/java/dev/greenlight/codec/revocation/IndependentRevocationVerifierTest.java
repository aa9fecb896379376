package dev.greenlight.codec.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code specs/independent/verify_revocations.py}, a second reader of section 16 in another
 * language, over {@code revocations.json}: it catches a vector file that disagrees with the text
 * of the specification. Not clean-room (its README says why). Skipped where there is no python3.
 */
class IndependentRevocationVerifierTest {

    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");

    @Test
    void independentPythonReader_agreesWithEveryRevocationCase() throws Exception {
        Path script = RevocationVectorsTest.vectorsDir().resolveSibling("independent").resolve("verify_revocations.py");
        assertTrue(Files.isRegularFile(script), "missing " + script);
        assumeTrue(hasPython(), "Skipped: no python3 on the PATH to run " + script);

        Process process = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the independent reader did not finish");

        Matcher summary = SUMMARY.matcher(output);
        assertTrue(summary.find(), "no summary line in:\n" + output);
        assertEquals("0", summary.group(2), output);
        assertTrue(Integer.parseInt(summary.group(1)) >= 18, output);
        assertEquals(0, process.exitValue(), output);
    }

    private static boolean hasPython() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
