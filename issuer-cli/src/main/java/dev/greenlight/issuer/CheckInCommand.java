package dev.greenlight.issuer;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.rules.Event;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check-in", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Record a daily check-in: temperature and symptoms.",
        description = {"Record the day's check-in of a declared holder (specs/lifecycle.md). A yellow holder turns green "
                + "after the policy's streakDays (14) clean check-ins on consecutive days in the policy's zone; a missed "
                + "day starts the count again, fever or a symptom clears it. A green holder with fever or a symptom turns "
                + "yellow. Check-ins never change red.",
            "Prints the colour, the reasons and the streak on stdout (--json: one object of specs/records.md).",
            "Symptoms: " + "dry-cough, coughing-up-phlegm, blocked-nose, sore-throat, shortness-of-breath, difficulty-breathing, "
                + "fatigue, muscle-aches, headache, joint-pain, abdominal-pain, diarrhoea, nausea, vomiting, conjunctival-bleeding."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue check-in CNID:11010519491231002X --temperature 36.6",
            "  gl-issue check-in CNID:11010519491231002X --temperature 37.0 --symptom sore-throat",
            "  gl-issue check-in CNID:11010519491231002X --temperature 36.6 --now 2026-12-02T01:00:00Z"})
@ExitCodes({ExitCode.OK, ExitCode.USAGE, ExitCode.NOT_CONFIGURED, ExitCode.INVALID_INPUT, ExitCode.IO_ERROR})
final class CheckInCommand extends HolderCommand {

    @Mixin
    HealthOptions health;

    @Override
    protected ExitCode run() {
        return applyAndReport(new Event.CheckedIn(health.temperature(), health.symptoms()), "Check-in");
    }
}
