package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.codec.Colour;
import dev.greenlight.issuer.batch.DeclarationText;
import dev.greenlight.rules.CaseStatus;
import dev.greenlight.rules.ColourOverride;
import dev.greenlight.rules.Declaration;
import dev.greenlight.rules.Event;
import dev.greenlight.rules.Isolation;
import dev.greenlight.rules.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "declare", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Record a health declaration: the colour rules assess it and the holder's colour follows.",
        description = {"Assess a declaration with the colour rules of the home's policy (specs/rules.md), apply it to the "
                + "holder's lifecycle (specs/lifecycle.md: new risk raises the colour at once, a declaration never lowers it) "
                + "and record it in the registry under the identity's hash; the identity itself is never stored.",
            "Prints the holder's colour and the reasons for it on stdout (--json: one object of specs/records.md)."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue declare CNID:11010519491231002X --temperature 38.1",
            "  gl-issue declare CNID:11010519491231002X --temperature 36.6 --stay 420106:2026-11-28..2026-11-30",
            "  gl-issue declare PP-FRA:18AV12345 --temperature 36.6 --case close-contact --contact-on 2026-11-29",
            "  gl-issue declare CNID:11010519491231002X --temperature 36.6 --override yellow --reason 'Community order 12'"})
@ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.NOT_CONFIGURED, ExitCode.INVALID_INPUT, ExitCode.IO_ERROR})
final class DeclareCommand extends HolderCommand {

    @Mixin
    HealthOptions health;

    @Option(names = "--case", paramLabel = "STATUS", description = "confirmed, suspected or close-contact, as the authorities hold it.")
    String caseStatus;

    @Option(names = "--contact-on", paramLabel = "DATE",
            description = "A day of contact with a confirmed or suspected case, yyyy-mm-dd (repeat for several).")
    List<String> contacts = new ArrayList<>();

    @Option(names = "--stay", paramLabel = "REGION:FROM..TO",
            description = "A stay in a GB/T 2260 region, both days included: 420106:2026-11-28..2026-11-30 (repeat for several).")
    List<String> stays = new ArrayList<>();

    @Option(names = "--isolation", paramLabel = "KIND", description = "medical or home: under isolation and observation now.")
    String isolation;

    @Option(names = "--override", paramLabel = "COLOUR",
            description = "red or yellow: an authority places the holder under that colour's management (with --reason).")
    String override;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for --override; shown to the holder.")
    String reason;

    @Option(names = "--authority", paramLabel = "NAME", defaultValue = "the issuer",
            description = "Who decided the --override (default: ${DEFAULT-VALUE}).")
    String authority;

    @Override
    protected ExitCode run() {
        return applyAndReport(new Event.Declared(declaration()), "Declaration");
    }

    private Declaration declaration() {
        Declaration declaration = Declaration.ofTemperature(health.temperature()).withSymptoms(health.symptoms());
        if (caseStatus != null) {
            declaration = declaration.withCaseStatus(parse(CaseStatus.class, "--case", caseStatus));
        }
        List<LocalDate> days = new ArrayList<>();
        for (String contact : contacts) {
            days.add(date("--contact-on", contact));
        }
        declaration = declaration.withCaseContacts(days);
        List<Stay> parsedStays = new ArrayList<>();
        for (String stay : stays) {
            parsedStays.add(stay(stay));
        }
        declaration = declaration.withStays(parsedStays);
        if (isolation != null) {
            declaration = declaration.withIsolation(parse(Isolation.class, "--isolation", isolation));
        }
        if (override != null) {
            if (reason == null || reason.isBlank()) {
                throw new CliException(ExitCode.USAGE, "--override needs --reason: the holder is told why");
            }
            Colour colour;
            try {
                colour = Colour.parse(override);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.INVALID_INPUT, "--override: " + e.getMessage(), e);
            }
            try {
                declaration = declaration.withOverride(new ColourOverride(colour, reason.strip(), authority.strip()));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.INVALID_INPUT, "--override: " + e.getMessage(), e);
            }
        } else if (reason != null) {
            throw new CliException(ExitCode.USAGE, "--reason is the reason of an --override");
        }
        return declaration;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
        try {
            return DeclarationText.value(type, text);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, option + " " + e.getMessage(), e);
        }
    }

    private static LocalDate date(String option, String text) {
        try {
            return DeclarationText.date(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, option + ": " + e.getMessage(), e);
        }
    }

    private static Stay stay(String text) {
        try {
            return DeclarationText.stay(text);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, "--stay: " + e.getMessage(), e);
        }
    }
}
