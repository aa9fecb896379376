package dev.greenlight.verifier;

import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Verifies codes offline: one, in bulk, or at a checkpoint gate. */
@Command(name = "gl-verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Verify Greenlight health codes offline against trusted issuer keys.",
            "",
            "Trusted keys come from --trust (a JWKS, JWK or PEM public key file, or a directory of them), "
                + "else from $GREENLIGHT_TRUST, else from ~/.greenlight/trust. "
                + "An issuer home's own key is never trusted implicitly.",
        },
        subcommands = {VerifyCommand.class, BulkCommand.class, ScanCommand.class, InspectCommand.class},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {
            ExitCodes.HELP_VALID, ExitCodes.HELP_REJECTED, ExitCodes.HELP_USAGE, ExitCodes.HELP_UNREADABLE, ExitCodes.HELP_SOFTWARE})
public final class VerifierCli implements Callable<Integer> {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    public VerifierCli() {
        this(CliContext.ofProcess());
    }

    VerifierCli(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new VerifierCli()).execute(args));
    }

    CliContext context() {
        return context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
