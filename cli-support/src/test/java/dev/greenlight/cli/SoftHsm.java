package dev.greenlight.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real PKCS#11 tokens for the tests of signing in an HSM: SoftHSM2 (Debian's {@code softhsm2},
 * which {@code .ci/run} installs), with its tokens in a directory of this build, initialised once
 * per test JVM with {@code softhsm2-util}.
 *
 * <p>SoftHSM2 reads its configuration from {@code SOFTHSM2_CONF}, an environment variable that a
 * JVM cannot set for itself, and scans its tokens once, when the library is first initialised:
 * a token made after that is not seen. So surefire sets {@code SOFTHSM2_CONF} (issuer-cli's and
 * verifier-cli's {@code pom.xml}), and every token the tests need is made before the first one is
 * used. This class writes that configuration file only when surefire also names it in the system
 * property {@code greenlight.softhsm2.conf}: never an operator's own.
 *
 * <p>PKCS#11 logins belong to the process, per token: once a test has logged in to a token,
 * SunPKCS11 accepts any PIN for it in that JVM. {@link #PIN_CHECK} is therefore a token that no
 * test logs in to with its right PIN.
 *
 * <p>Where SoftHSM2 is missing, the calling test skips, naming what is missing; under
 * {@code CI=true} it fails instead, so that CI cannot pass without having run it.
 */
public final class SoftHsm {

    /** The token the tests sign with. */
    public static final String ISSUER = "issuer";
    /** A token only ever given a wrong PIN. */
    public static final String PIN_CHECK = "pin-check";
    /** The user PIN of every token; its SO PIN differs. */
    public static final String PIN = "271828";

    private static final List<String> LIBRARIES = List.of(
            "/usr/lib/softhsm/libsofthsm2.so",                      // Debian, Ubuntu (a link to the next)
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib64/pkcs11/libsofthsm2.so",                     // Fedora, RHEL
            "/usr/lib/pkcs11/libsofthsm2.so",                       // Arch
            "/usr/local/lib/softhsm/libsofthsm2.so",                // built from source
            "/opt/homebrew/lib/softhsm/libsofthsm2.so",             // Homebrew, macOS
            "/usr/local/opt/softhsm/lib/softhsm/libsofthsm2.so");
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    private static SoftHsm shared;
    private static String unavailable;

    private final Path library;
    private final Map<String, Path> configs;

    private SoftHsm(Path library, Map<String, Path> configs) {
        this.library = library;
        this.configs = configs;
    }

    /**
     * The tokens, made on first use; skips the calling test (fails it under {@code CI=true}) where
     * SoftHSM2 is not installed or the JVM was not started with its configuration.
     */
    public static synchronized SoftHsm require() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (IOException | InterruptedException | RuntimeException e) {
                unavailable = e.getMessage();
            }
        }
        if (shared == null) {
            String message = "SoftHSM2 tests not run: " + unavailable + " (install Debian's softhsm2 package, as .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return shared;
    }

    /** The SunPKCS11 configuration file of a token ({@link #ISSUER}, {@link #PIN_CHECK}). */
    public Path config(String token) {
        Path config = configs.get(token);
        if (config == null) {
            throw new IllegalArgumentException("no token " + token + "; there are " + configs.keySet());
        }
        return config;
    }

    /** The SoftHSM2 library that the configurations name. */
    public Path library() {
        return library;
    }

    private static SoftHsm start() throws IOException, InterruptedException {
        Path library = LIBRARIES.stream().map(Path::of).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("no libsofthsm2.so in " + String.join(", ", LIBRARIES)));
        String conf = System.getenv("SOFTHSM2_CONF");
        String expected = System.getProperty("greenlight.softhsm2.conf");
        if (conf == null || expected == null || !Path.of(conf).equals(Path.of(expected))) {
            throw new IllegalStateException("this JVM was not started with SOFTHSM2_CONF=" + expected + " (got " + conf
                    + "): run the tests through Maven, whose surefire sets it");
        }
        Path confFile = Path.of(conf);
        Path tokens = confFile.resolveSibling("tokens");
        deleteRecursively(tokens);
        Files.createDirectories(tokens);
        Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n"
                + "slots.removable = false\n", StandardCharsets.UTF_8);
        Map<String, Path> configs = new LinkedHashMap<>();
        for (String token : List.of(ISSUER, PIN_CHECK)) {
            String output = run(confFile, "softhsm2-util", "--init-token", "--free", "--label", "greenlight-" + token,
                    "--so-pin", "so-" + PIN, "--pin", PIN);
            Matcher slot = SLOT.matcher(output);
            if (!slot.find()) {
                throw new IllegalStateException("softhsm2-util did not say which slot it gave the token: " + output);
            }
            Path config = confFile.resolveSibling(token + ".cfg");
            Files.writeString(config, "# SunPKCS11 configuration of the test token " + token + "\nname = greenlight-" + token
                    + "\nlibrary = " + library + "\nslot = " + slot.group(1) + "\n", StandardCharsets.UTF_8);
            configs.put(token, config);
        }
        return new SoftHsm(library, Map.copyOf(configs));
    }

    private static String run(Path conf, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " not found on PATH: " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.delete(paths.get(i));
        }
    }
}
