package dev.greenlight.verifier;

import dev.greenlight.cli.ToolCommand;
import dev.greenlight.cli.Tools;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Verifies codes offline: one, in bulk, or at a checkpoint gate. */
@Command(name = "gl-verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Verify Greenlight health codes offline against trusted issuer keys.",
            "",
            "Trusted keys come from --trust (a JWKS, JWK or PEM public key file, or a directory of them), "
                + "else from $GREENLIGHT_TRUST, else from ~/.greenlight/trust. "
                + "An issuer home's own key is never trusted implicitly.",
        },
        subcommands = {VerifyCommand.class, BulkCommand.class, ScanCommand.class, InspectCommand.class,
            CommandLine.HelpCommand.class})
public final class VerifierCli extends ToolCommand {

    private final CliContext context;

    public VerifierCli() {
        this(CliContext.ofProcess());
    }

    VerifierCli(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    public static void main(String[] args) {
        System.exit(Tools.commandLine(new VerifierCli(), args).execute(args));
    }

    CliContext context() {
        return context;
    }
}
