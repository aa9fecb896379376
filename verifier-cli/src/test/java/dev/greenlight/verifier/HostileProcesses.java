package dev.greenlight.verifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code gl-verify} in a JVM of its own, so that a test can cap its heap. */
final class HostileProcesses {

    private HostileProcesses() {
    }

    /** Starts {@link VerifierCli} with {@code -Xmx<heap>} on the test's class path, stdout and stderr to files. */
    static Process verifierCli(String heap, List<String> args, Path stdout, Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), VerifierCli.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
    }

    /**
     * Waits for {@code process} and returns its peak resident set (VmHWM, in KiB) as last read from
     * {@code /proc/<pid>/status} while it ran: memory outside the Java heap (libjpeg's buffers,
     * direct buffers) counts there, where {@code -Xmx} does not see it. Polls every 10 ms; VmHWM only
     * grows, so a late read loses at most the last 10 ms. Fails if the process outlives {@code seconds}.
     */
    static long waitForPeakRssKiB(Process process, long seconds) throws IOException, InterruptedException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        long peak = 0;
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("the process ran for more than " + seconds + " s (peak RSS so far " + peak + " KiB)");
            }
            try {
                for (String line : java.nio.file.Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (java.nio.file.NoSuchFileException e) {
                break; // exited between isAlive and the read
            }
            Thread.sleep(10);
        }
        process.waitFor();
        return peak;
    }
}
