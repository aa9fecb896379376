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
}
