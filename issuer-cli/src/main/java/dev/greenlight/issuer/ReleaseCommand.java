package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.rules.Event;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "release", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Record a discharge or release certificate: red turns yellow.",
        description = {"Record a discharge or release certificate for a red holder, who turns yellow and starts the daily "
                + "check-ins (specs/lifecycle.md). Refused (exit 5) for a holder who is not red."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue release CNID:11010519491231002X --certificate WH-2026-118842"})
@ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.NOT_CONFIGURED, ExitCode.INVALID_INPUT, ExitCode.IO_ERROR})
final class ReleaseCommand extends HolderCommand {

    @Option(names = "--certificate", required = true, paramLabel = "ID", description = "The certificate's number or reference.")
    String certificate;

    @Override
    protected ExitCode run() {
        if (certificate.isBlank()) {
            throw new CliException(ExitCode.INVALID_INPUT, "--certificate names the certificate");
        }
        return applyAndReport(new Event.Released(certificate.strip()), "Release certificate");
    }
}
