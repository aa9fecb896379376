package dev.greenlight.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks greenlight-VERSION.tar.gz as a user would and runs both tools from it, in a clean environment: no
 * source tree, HOME in a temporary directory, Java found through JAVA_HOME only.
 */
class DistributionIT {

    private static final String VERSION = System.getProperty("greenlight.dist.version");
    private static final String IDENTITY = "11010519491231002X";

    @TempDir
    static Path temp;

    static Path install;
    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("greenlight.dist.archive"));
        assertTrue(Files.isRegularFile(archive), "no " + archive + ": run the package phase first");
        home = Files.createDirectories(temp.resolve("home"));
        Result untar = run(List.of("tar", "-xzf", archive.toString(), "-C", temp.toString()), Map.of());
        assertEquals(0, untar.exit(), untar.err());
        install = temp.resolve("greenlight-" + VERSION);
    }

    @Test
    void archive_layout_hasLaunchersJarsCompletionAndManPages() {
        for (String file : List.of("bin/gl-issue", "bin/gl-verify", "lib/launcher.sh", "lib/issuer-cli.jar",
                "lib/verifier-cli.jar", "completion/gl-issue.bash", "completion/gl-verify.bash", "README.md", "LICENSE")) {
            assertTrue(Files.isRegularFile(install.resolve(file)), file);
        }
        assertTrue(Files.isExecutable(install.resolve("bin/gl-issue")));
        assertTrue(Files.isExecutable(install.resolve("bin/gl-verify")));
    }

    @Test
    void version_bothTools_printVersionAndCommit() throws Exception {
        for (String tool : List.of("gl-issue", "gl-verify")) {
            Result result = tool(tool, "--version");
            assertEquals(0, result.exit(), result.err());
            String expected = tool + " " + VERSION.replace(".", "\\.") + " \\((commit [0-9a-f]{12}|unknown commit)\\)\\R?";
            assertTrue(result.out().matches(expected), result.out());
        }
    }

    @Test
    void issueThenVerify_fromTheUnpackedArchive_isValid() throws Exception {
        Path issuerHome = home.resolve("issuer");
        Map<String, String> env = Map.of("GREENLIGHT_ISSUER_HOME", issuerHome.toString());
        Result init = tool("gl-issue", env, "init");
        assertEquals(0, init.exit(), init.err());
        Result issued = tool("gl-issue", env, "issue", "--doc", "CNID", "--number", IDENTITY, "--colour", "green");
        assertEquals(0, issued.exit(), issued.err());
        String code = issued.out().strip();
        assertTrue(code.startsWith("GL1:"), issued.out());

        Path trust = Files.createDirectories(home.resolve("trust"));
        try (Stream<Path> keys = Files.list(issuerHome.resolve("keys"))) {
            for (Path key : keys.filter(k -> k.toString().endsWith(".jwk.json")).toList()) {
                Files.copy(key, trust.resolve(key.getFileName()));
            }
        }
        Map<String, String> verifyEnv = Map.of("GREENLIGHT_TRUST", trust.toString());
        // Twice: nothing of the first run (a first JIT, a cache) may change the second one's output.
        for (int i = 0; i < 2; i++) {
            Result verified = tool("gl-verify", verifyEnv, "verify", code);
            assertEquals(0, verified.exit(), verified.err());
            assertTrue(verified.out().startsWith("VALID  GREEN"), verified.out());
            assertFalse(verified.out().contains("[warning]"), verified.out());
        }

        Result expired = tool("gl-verify", verifyEnv, "verify", "--now", "2100-01-01T00:00:00Z", code);
        assertEquals(1, expired.exit(), expired.out() + expired.err());
        assertTrue(expired.out().startsWith("REJECTED  EXPIRED"), expired.out());
    }

    @Test
    void launcher_classDataArchive_madeAfterFirstRunAndIgnoredWhenCorrupt() throws Exception {
        Path cache = Files.createDirectories(temp.resolve("cds-cache"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "GREENLIGHT_CDS", "on");
        assertEquals(0, tool("gl-verify", env, "--version").exit());
        // After the first run, a training run lists its classes and the JVM dumps the archive, in the background.
        List<Path> archives = List.of();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                archives.isEmpty() && System.nanoTime() < deadline; Thread.sleep(200)) {
            try (Stream<Path> files = Files.list(cache.resolve("greenlight"))) {
                archives = files.filter(f -> f.getFileName().toString().matches("gl-verify-[0-9]+\\.jsa")).toList();
            }
        }
        assertEquals(1, archives.size(), "one archive per tool after a first run: " + archives);
        Result withArchive = tool("gl-verify", env, "--version");
        assertEquals(0, withArchive.exit(), withArchive.err());
        assertEquals("", withArchive.err());

        assertTrue(archives.get(0).toFile().setWritable(true));
        Files.write(archives.get(0), "not an archive".getBytes(StandardCharsets.US_ASCII));

        Result result = tool("gl-verify", env, "--version");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().startsWith("gl-verify " + VERSION), result.out());
        assertEquals("", result.err());
    }

    @Test
    void launcher_throughASymlink_findsItsLib() throws Exception {
        Path links = Files.createDirectories(temp.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("gl-verify"), install.resolve("bin/gl-verify"));
        Result result = run(List.of(link.toString(), "--version"), Map.of());
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().startsWith("gl-verify " + VERSION), result.out());
    }

    @Test
    void launcher_javaOlderThan17_saysSoAndExits127() throws Exception {
        Path oldJava = Files.createDirectories(temp.resolve("jdk-11/bin"));
        Path java = oldJava.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
        assertTrue(java.toFile().setExecutable(true));
        Files.writeString(oldJava.getParent().resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");

        Result result = run(List.of(install.resolve("bin/gl-issue").toString(), "--version"),
                Map.of("JAVA_HOME", oldJava.getParent().toString()));
        assertEquals(127, result.exit());
        assertTrue(result.err().contains("needs Java 17 or later") && result.err().contains("11.0.2"), result.err());
    }

    @Test
    void completion_bashScripts_parseAndCompleteSubcommands() throws Exception {
        assumeTrue(new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute(), "no bash");
        for (String tool : List.of("gl-issue", "gl-verify")) {
            Path script = install.resolve("completion/" + tool + ".bash");
            Result syntax = run(List.of("bash", "-n", script.toString()), Map.of());
            assertEquals(0, syntax.exit(), syntax.err());
            // What bash does on "<tool> <TAB>": the words so far, then the completion function.
            Result completed = run(List.of("bash", "-c", "source \"$0\"; COMP_WORDS=(" + tool + " ''); COMP_CWORD=1; "
                    + "COMP_LINE='" + tool + " '; COMP_POINT=${#COMP_LINE}; _complete_" + tool + "; echo \"${COMPREPLY[*]}\"",
                    script.toString()), Map.of());
            assertEquals(0, completed.exit(), completed.err());
            String expected = tool.equals("gl-issue") ? "issue" : "verify";
            assertTrue(List.of(completed.out().strip().split(" ")).contains(expected), completed.out());
        }
    }

    @Test
    void manPages_everyCommandAndSubcommand_areRoffThatManRenders() throws Exception {
        List<String> pages = List.of("gl-issue", "gl-issue-init", "gl-issue-keygen", "gl-issue-keys", "gl-issue-issue",
                "gl-issue-batch", "gl-issue-demo", "gl-verify", "gl-verify-verify", "gl-verify-bulk", "gl-verify-scan",
                "gl-verify-inspect");
        boolean haveMan = run(List.of("sh", "-c", "command -v man"), Map.of()).exit() == 0;
        for (String page : pages) {
            Path file = install.resolve("man/man1/" + page + ".1");
            String roff = Files.readString(file);
            assertTrue(roff.contains(".TH \"" + page.toUpperCase().replace("-", "\\-") + "\" \"1\""), page + ": no .TH header");
            assertTrue(roff.contains(".SH \"SYNOPSIS\""), page + ": no SYNOPSIS");
            if (haveMan) {
                Result rendered = run(List.of("man", "-l", file.toString()), Map.of("MANWIDTH", "80", "MANPAGER", "cat",
                        "PAGER", "cat"));
                assertEquals(0, rendered.exit(), rendered.err());
                String tool = page.startsWith("gl-issue") ? "gl-issue" : "gl-verify";
                String command = page.equals(tool) ? tool : tool + " " + page.substring(tool.length() + 1);
                assertTrue(rendered.out().contains("SYNOPSIS") && rendered.out().contains(command), rendered.out());
            }
        }
    }

    private static Result tool(String tool, String... args) throws IOException, InterruptedException {
        return tool(tool, Map.of(), args);
    }

    private static Result tool(String tool, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(install.resolve("bin").resolve(tool).toString());
        command.addAll(List.of(args));
        return run(command, env);
    }

    /** Runs in a clean environment: HOME in the temporary directory, Java only through JAVA_HOME. */
    private static Result run(List<String> command, Map<String, String> extraEnv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // Each first run would start a class-data training run in the background: only the test of that turns it on.
        env.put("GREENLIGHT_CDS", "off");
        env.putAll(new HashMap<>(extraEnv));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int exit, String out, String err) {
    }
}
