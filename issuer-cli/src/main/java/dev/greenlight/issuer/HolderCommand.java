package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.rules.Event;
import dev.greenlight.rules.HolderState;
import dev.greenlight.rules.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A lifecycle command about one holder ({@code declare}, {@code check-in}, {@code release},
 * {@code status}): the identity, the home, {@code --now} and {@code --json}.
 */
abstract class HolderCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "IDENTITY",
            description = "TYPE:NUMBER, such as CNID:11010519491231002X or PP-FRA:18AV12345. Only its hash is stored.")
    String identity;

    @Option(names = "--json", description = "Print one JSON object (specs/records.md) instead of text.")
    boolean json;

    @Mixin
    NowOption now;

    @Mixin
    HomeOption home;

    /** The instant the command acts at: {@code --now}, else the clock; whole seconds. */
    protected Instant now() {
        Clock clock;
        try {
            clock = now.clock(env().clock());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        return Instant.ofEpochSecond(clock.instant().getEpochSecond());
    }

    protected Holders openHolders() {
        return Holders.open(IssuerHome.open(home.locate(env())));
    }

    /** Applies an event (the identity parsed first, so a typo costs no home opening) and prints the holder after it. */
    protected ExitCode applyAndReport(Event event, String what) {
        Instant at = now();
        try (Holders holders = openHolders()) {
            IdentityHash holder = holders.hash(Holders.parseIdentity(identity));
            Holders.Applied applied = holders.apply(holder, event, at);
            HolderState state = applied.step().state();
            List<Transition> transitions = applied.step().transitions();
            Optional<Optional<dev.greenlight.codec.Colour>> changed = transitions.isEmpty() ? Optional.empty()
                    : Optional.of(transitions.get(0).from());
            String message = what + " recorded at " + at + " (" + holders.day(at) + " in " + holders.policy().zone() + ")"
                    + (changed.isPresent() ? "; colour changed" : "; colour unchanged");
            new HolderReport("RECORDED", message, holder, state, changed,
                    HolderReport.latestReasons(holders.registry().history(holder)), holders.policy().streakDays(), List.of())
                    .print(out(), json);
            err().println(message);
            return ExitCode.OK;
        }
    }
}
