package dev.greenlight.issuer;

import dev.greenlight.cli.ToolCommand;
import dev.greenlight.cli.Tools;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.jar.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The operator's tool for issuing codes: an issuer home, its keys, one code or millions. */
@Command(name = "gl-issue", mixinStandardHelpOptions = true, versionProvider = IssuerCli.ManifestVersion.class,
        description = {
            "Issue Greenlight health codes: signed, offline-verifiable green/yellow/red passes.",
            "",
            "The issuer home holds the signing keys, the identity secret and the settings. It is "
                    + IssuerHome.DEFAULT_LOCATION_HELP + "."},
        subcommands = {InitCommand.class, KeygenCommand.class, KeysCommand.class, IssueCommand.class,
            BatchCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gl-issue init",
            "  gl-issue issue --doc PP-FRA --number 18AV12345 --colour green --terminal",
            "  gl-issue batch people.csv -o codes.jsonl",
            "  gl-issue demo"})
public final class IssuerCli extends ToolCommand {

    private final Environment environment;

    public IssuerCli() {
        this(Environment.system());
    }

    /** For tests: a pinned clock, environment and working directory. */
    public IssuerCli(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(Tools.commandLine(new IssuerCli()).execute(args));
    }

    Environment environment() {
        return environment;
    }

    /**
     * The version and git commit from the jar manifest, written by the build: {@code gl-issue 0.1.0 (commit 1a2b3c4)}.
     * A build from a source tarball, without {@code .git}, says {@code (unknown commit)}; classes outside a jar
     * (an IDE, the tests) say {@code (development build)}. Same shape as gl-verify's.
     */
    static final class ManifestVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Manifest manifest = manifestOf(IssuerCli.class);
            String version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
            if (version == null) {
                return new String[] {"gl-issue (development build)"};
            }
            String commit = manifest.getMainAttributes().getValue("Greenlight-Commit");
            boolean known = commit != null && commit.matches("[0-9a-f]{7,40}");
            return new String[] {"gl-issue " + version + (known ? " (commit " + commit + ")" : " (unknown commit)")};
        }

        /** The manifest of the jar that holds {@code type}, or null when it was not loaded from a jar. */
        private static Manifest manifestOf(Class<?> type) {
            URL url = type.getResource(type.getSimpleName() + ".class");
            if (url == null || !"jar".equals(url.getProtocol())) {
                return null;
            }
            try {
                return ((JarURLConnection) url.openConnection()).getManifest();
            } catch (IOException e) {
                return null;
            }
        }
    }
}
