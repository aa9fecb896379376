package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.registry.History;
import dev.greenlight.rules.HolderState;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Show a holder's colour, the reasons, the check-in streak and every colour change.",
        description = {"Read a holder's state from the registry: the colour, the reasons of the latest change, the streak "
                + "of clean daily check-ins (yellow only) and the history of colour changes, oldest first.",
            "--json: one object of specs/records.md, verdict STATUS."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue status CNID:11010519491231002X",
            "  gl-issue status CNID:11010519491231002X --json"})
@ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.NOT_CONFIGURED, ExitCode.INVALID_INPUT, ExitCode.IO_ERROR})
final class StatusCommand extends HolderCommand {

    @Override
    protected ExitCode run() {
        try (Holders holders = openHolders()) {
            IdentityHash holder = holders.hash(Holders.parseIdentity(identity));
            Optional<HolderState> state = holders.registry().holder(holder);
            if (state.isEmpty()) {
                throw new CliException(ExitCode.INVALID_INPUT, "No holder " + holder + " in the registry: no declaration recorded");
            }
            History history = holders.registry().history(holder);
            String message = history.transitions().size() + " colour changes, " + history.events().size() + " events, "
                    + history.issued().size() + " codes issued";
            new HolderReport("STATUS", message, holder, state.get(), Optional.empty(), HolderReport.latestReasons(history),
                    holders.policy().streakDays(), history.transitions()).print(out(), json);
            return ExitCode.OK;
        }
    }
}
