package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a second implementation of part of the specification, a Python script in
 * {@code specs/independent/}, which prints {@code N passed, M failed}. One runner for every such
 * script, so that each test states only which script and how many cases it must pass.
 */
public final class IndependentScripts {

    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");

    private IndependentScripts() {
    }

    /**
     * Runs the script; fails unless it reports no failure and exits 0; skips where there is no
     * python3 (the message names the script).
     *
     * @param scriptName a file in {@code specs/independent/}
     * @return how many cases it passed
     */
    public static int passedCases(String scriptName) throws IOException, InterruptedException {
        Path script = SpecVectors.dir().resolveSibling("independent").resolve(scriptName);
        assertTrue(Files.isRegularFile(script), "missing " + script);
        assumeTrue(hasPython(), "Skipped: no python3 on the PATH to run " + script);

        // Into a file, not a pipe read to its end: the time limit must hold over a script that hangs.
        Path outputFile = Files.createTempFile("independent-", ".txt");
        String output;
        try {
            Process process = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(scriptName + " did not finish in 120 s");
            }
            output = Files.readString(outputFile, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
        } finally {
            Files.deleteIfExists(outputFile);
        }

        Matcher summary = SUMMARY.matcher(output);
        assertTrue(summary.find(), "no summary line in:\n" + output);
        assertEquals("0", summary.group(2), output);
        return Integer.parseInt(summary.group(1));
    }

    /**
     * Runs the script and checks that it passed as many cases as the named members of a vector
     * file have elements: a case the script leaves out fails the count (the scripts do not
     * count a case twice).
     *
     * @param scriptName a file in {@code specs/independent/}
     * @param vectorFile a file in {@code specs/vectors/}
     * @param members    its members whose elements (array items, object members) are the cases
     */
    public static void assertPassesEveryCase(String scriptName, String vectorFile, String... members)
            throws IOException, InterruptedException {
        int passed = passedCases(scriptName);
        JsonNode vectors = SpecVectors.read(vectorFile);
        int cases = 0;
        for (String member : members) {
            assertTrue(vectors.has(member), vectorFile + " has no member " + member);
            cases += vectors.get(member).size();
        }
        assertEquals(cases, passed, scriptName + " passed " + passed + " of the " + cases + " cases of " + vectorFile);
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
