package dev.greenlight.issuer;

import dev.greenlight.cli.ToolCommand;
import dev.greenlight.cli.Tools;
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

    /** The version stamped into the jar's manifest by the build. */
    static final class ManifestVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = IssuerCli.class.getPackage().getImplementationVersion();
            return new String[] {"gl-issue " + (version != null ? version : "(development build)")};
        }
    }
}
