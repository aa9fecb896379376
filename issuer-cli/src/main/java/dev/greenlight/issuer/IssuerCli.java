package dev.greenlight.issuer;

import dev.greenlight.cli.ManifestVersion;
import dev.greenlight.cli.ToolCommand;
import dev.greenlight.cli.Tools;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator's tool for issuing codes: an issuer home, its keys, one code or millions. */
@Command(name = "gl-issue", mixinStandardHelpOptions = true, versionProvider = IssuerCli.Version.class,
        description = {
            "Issue Greenlight health codes: signed, offline-verifiable green/yellow/red passes.",
            "",
            "The issuer home holds the signing keys, the identity secret and the settings. It is "
                    + IssuerHome.DEFAULT_LOCATION_HELP + "."},
        subcommands = {InitCommand.class, KeygenCommand.class, KeysCommand.class, IssueCommand.class,
            BatchCommand.class, DeclareCommand.class, CheckInCommand.class, ReleaseCommand.class,
            StatusCommand.class, ReissueCommand.class, TrustCommand.class, RevokeCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gl-issue init",
            "  gl-issue issue --doc PP-FRA --number 18AV12345 --colour green --terminal",
            "  gl-issue batch people.csv -o codes.jsonl",
            "  gl-issue declare CNID:11010519491231002X --temperature 38.1",
            "  gl-issue check-in CNID:11010519491231002X --temperature 36.6",
            "  gl-issue reissue -o codes.jsonl",
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
        System.exit(Tools.commandLine(new IssuerCli(), args).execute(args));
    }

    Environment environment() {
        return environment;
    }

    /** {@code gl-issue --version}: from the manifest of this jar ({@link ManifestVersion}). */
    static final class Version extends ManifestVersion {
        Version() {
            super("gl-issue");
        }
    }
}
