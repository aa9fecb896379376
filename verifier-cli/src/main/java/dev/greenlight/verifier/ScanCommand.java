package dev.greenlight.verifier;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.Durations;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.LineReader;
import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordFormatConverter;
import dev.greenlight.codec.BodyTemperature;
import dev.greenlight.codec.Checkpoint;
import dev.greenlight.codec.CheckpointDecision;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.CodeClaims;
import dev.greenlight.codec.VerifiedCode;
import dev.greenlight.codec.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Checkpoint mode for a gate. A USB barcode scanner types the code and Enter, so each line of
 * stdin is one scan; the operator sees a large PASS or DENY with what to do, and every scan is
 * appended to the entry log before it is shown.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Checkpoint mode: read codes from stdin, one per line (a USB scanner types the code and Enter), "
                + "and show PASS or DENY with the action for each:",
            "  red: DENY, report to the holder's community (whatever the temperature);",
            "  temperature at or above 37.3 °C: DENY, send for a medical check;",
            "  expired or invalid: DENY, obtain a fresh code;  yellow: DENY, home isolation and daily check-in;",
            "  green and valid: PASS.",
            "A temperature may follow the code on the same line after a TAB or ';' (neither occurs in a code), "
                + "e.g. 'GL1:...;36.8', or be prompted for with --temperature (for every code but a valid red one, "
                + "which no reading changes).",
            "Every scan is verified and decided afresh and logged; the same code scanned again within --repeat-window "
                + "is flagged as a REPEAT (warned, or denied with --on-repeat=deny).",
            "With --trust-list, the list's age is checked at every scan: once it passes its maximum age, every scan is "
                + "denied (TRUST_LIST_STALE) until scan restarts with a newer list (--list-age lenient: a warning, once).",
            "End the session with Ctrl-D (end of input)."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-verify scan --trust /etc/greenlight/trust --checkpoint north-gate --direction in "
                + "--log /var/log/greenlight/north-gate.jsonl --temperature"})
@ExitCodes({ExitCode.OK, ExitCode.IO_ERROR, ExitCode.INVALID_INPUT, ExitCode.KEY_ERROR, ExitCode.NOT_CONFIGURED})
final class ScanCommand extends VerifierCommand {

    /** The gate's decision has one owner: the codec's checkpoint, with the colour standard's fever threshold. */
    private static final Checkpoint GATE = Checkpoint.withFeverThreshold(Checkpoint.STANDARD_FEVER_THRESHOLD);
    /** A repeat window longer than a day would flag a holder's daily entry as a repeat: refused. */
    static final Duration MAX_REPEAT_WINDOW = Duration.ofHours(24);
    private static final BigDecimal LOWEST_PLAUSIBLE = new BigDecimal("30");
    private static final BigDecimal HIGHEST_PLAUSIBLE = new BigDecimal("45");
    private static final Pattern TEMPERATURE = Pattern.compile("\\s*(\\d{2}(?:[.,]\\d{1,2})?)\\s*(?:°\\s*C|°|C)?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_LINE_BYTES = 4096;
    private static final int TEMPERATURE_ATTEMPTS = 3;

    @Mixin
    private TrustOptions trust;

    @Option(names = "--log", paramLabel = "FILE",
            description = {"Append every scan to this entry log, synced to disk before the verdict is shown.",
                "- writes the log to stdout instead (for a collector at the end of a pipe): each record is flushed, "
                    + "not synced, before its verdict is shown, and the PASS/DENY display and prompts go to stderr, "
                    + "so that stdout carries nothing but the log."})
    private Path log;

    @Option(names = "--log-format", paramLabel = "FORMAT", converter = RecordFormatConverter.class,
            description = "jsonl or csv (default: csv if the log file name ends in .csv, else jsonl).")
    private RecordFormat logFormat;

    @Option(names = "--checkpoint", paramLabel = "ID", defaultValue = "${env:GREENLIGHT_CHECKPOINT:-checkpoint}",
            description = "This checkpoint's id in the log (default: $GREENLIGHT_CHECKPOINT, else '${DEFAULT-VALUE}').")
    private String checkpoint;

    @Option(names = "--direction", paramLabel = "in|out", defaultValue = "in",
            description = "Whether people pass in or out here (default: ${DEFAULT-VALUE}).")
    private String direction;

    @Option(names = "--temperature", description = "After each code without a temperature, except a valid red one, prompt for the reading.")
    private boolean promptTemperature;

    @Option(names = "--repeat-window", paramLabel = "DURATION", converter = Durations.class, defaultValue = "60s",
            description = "A code scanned again within this time is flagged as a REPEAT; it is still verified, decided "
                    + "and logged afresh (default: ${DEFAULT-VALUE}; at most 24h; 0 disables).")
    private Duration repeatWindow;

    @Option(names = "--on-repeat", paramLabel = "warn|deny", defaultValue = "warn",
            description = "What a REPEAT that would pass does: warn the operator, or deny (reason REPEAT) (default: ${DEFAULT-VALUE}).")
    private String onRepeat;

    /** What the operator is told, and what is logged. */
    private record Decision(boolean pass, String reason, String action, Outcome outcome, BigDecimal temperature,
                            String note, boolean repeat) {

        Decision(boolean pass, String reason, String action, Outcome outcome, BigDecimal temperature, String note) {
            this(pass, reason, action, outcome, temperature, note, false);
        }

        /** The same decision, flagged as a repeat; a pass becomes a deny if the policy says so. */
        Decision asRepeat(String repeatNote, boolean deny) {
            String withNote = note == null ? repeatNote : repeatNote + " " + note;
            if (pass && deny) {
                return new Decision(false, "REPEAT", "Already scanned here: do not let through (--on-repeat=deny); call a supervisor.",
                        outcome, temperature, withNote, true);
            }
            return new Decision(pass, reason, action, outcome, temperature, withNote, true);
        }

        /** The verified code, or null. */
        VerifiedCode code() {
            return outcome.code();
        }

        /** The entry log's record: the outcome's, with the gate's decision, its reason and its action as the message. */
        Record.Builder record() {
            return outcome.record().decision(pass).reason(reason)
                    .message(note == null ? action : action + " " + note).temperature(temperature).repeat(repeat);
        }
    }

    /** When each code text was last scanned within the window, oldest first. */
    private final Map<String, Instant> recent = new LinkedHashMap<>();
    private int passed;
    private int denied;
    private int repeats;
    /** The lists' ends of freshness, watched scan by scan. */
    private List<ListAge> listAges = List.of();
    /** The lists the operator was told are stale: once, when each turns, or in the banner. */
    private final Set<ListAge> staleAnnounced = new HashSet<>();

    @Override
    protected ExitCode run() {
        String normalisedDirection = direction.toLowerCase(Locale.ROOT);
        if (!normalisedDirection.equals("in") && !normalisedDirection.equals("out")) {
            throw new CliException(ExitCode.USAGE, "--direction must be 'in' or 'out', not '" + direction + "'");
        }
        if (repeatWindow.isNegative()) {
            throw new CliException(ExitCode.USAGE, "--repeat-window must not be negative");
        }
        if (repeatWindow.compareTo(MAX_REPEAT_WINDOW) > 0) {
            throw new CliException(ExitCode.USAGE, "--repeat-window must be at most 24h, not " + repeatWindow);
        }
        boolean denyRepeats = switch (onRepeat.toLowerCase(Locale.ROOT)) {
            case "warn" -> false;
            case "deny" -> true;
            default -> throw new CliException(ExitCode.USAGE, "--on-repeat must be 'warn' or 'deny', not '" + onRepeat + "'");
        };
        trust.requireStdinFree(context(), true, "scan (the codes come from stdin)");
        Clock clock = context().clock();
        Verifier verifier = trust.verifier(context(), clock);
        EntryLog entryLog = null;
        if (AtomicOutput.isStandardStream(log)) {
            RecordFormat format = logFormat != null ? logFormat : RecordFormat.JSONL;
            try {
                entryLog = EntryLog.toStream(out(), format);
            } catch (IOException e) {
                throw new CliException(ExitCode.IO_ERROR, "cannot write the entry log to stdout: " + e.getMessage(), e);
            }
        } else if (log != null) {
            RecordFormat format = logFormat != null ? logFormat : RecordFormat.byFileName(log.getFileName().toString(), RecordFormat.JSONL);
            try {
                entryLog = EntryLog.open(log, format, err());
            } catch (IOException e) {
                throw new CliException(ExitCode.IO_ERROR, "cannot open the entry log " + log + ": " + e.getMessage(), e);
            }
        } else {
            err().println("scan: no --log given: scans are shown but NOT recorded");
        }
        listAges = trust.listAges();
        for (ListAge age : listAges) {
            if (age.staleAtLoad()) {
                // Accepted stale (--list-age lenient): the banner's WARNING line said so.
                staleAnnounced.add(age);
            }
        }
        String trustList = trust.trustListSummary(clock);
        if (trustList != null) {
            // Shown before every session: a gate operator sees at a glance how old the list is.
            for (String line : trustList.split("\n")) {
                err().println("scan: " + Terminal.safe(line));
            }
        }
        err().println("scan: ready at checkpoint '" + Terminal.safe(checkpoint) + "' (" + normalisedDirection + "); scan codes, Ctrl-D to end");
        err().flush();
        LineReader reader = new LineReader(context().stdin(), MAX_LINE_BYTES);
        try {
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                scanOne(line, reader, verifier, clock, entryLog, normalisedDirection, denyRepeats);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "reading stdin or writing the entry log failed: " + e.getMessage(), e);
        } finally {
            if (entryLog != null) {
                try {
                    entryLog.close();
                } catch (IOException e) {
                    err().println("scan: closing the entry log failed: " + Terminal.safe(e.getMessage()));
                }
            }
        }
        err().println("scan: " + (passed + denied) + " scans: " + passed + " PASS, " + denied + " DENY; " + repeats + " repeats");
        err().flush();
        return ExitCode.OK;
    }

    private void scanOne(LineReader.Line line, LineReader reader, Verifier verifier, Clock clock,
                         EntryLog entryLog, String dir, boolean denyRepeats) throws IOException {
        if (!line.tooLong() && line.bytes().length == 0) {
            // A stray Enter on the keyboard or the scanner: nothing to decide.
            return;
        }
        String text = line.tooLong() ? null : CodeTexts.decode(line.bytes());
        String code = text;
        String inlineTemperature = null;
        if (text != null) {
            int separator = separatorIndex(text);
            if (separator >= 0) {
                code = text.substring(0, separator);
                inlineTemperature = text.substring(separator + 1);
            }
        }
        // Milliseconds are enough to order scans at a gate, and keep the log readable.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        forgetBefore(now.minus(repeatWindow));
        Instant seenAt = code != null && !repeatWindow.isZero() ? recent.get(code) : null;
        Decision decision;
        ListAge stale;
        if (line.tooLong()) {
            decision = unreadable(Outcome.unreadable(InputProblem.LINE_TOO_LONG,
                    "line too long: more than the limit of " + MAX_LINE_BYTES + " bytes"));
        } else if (text == null) {
            decision = unreadable(Outcome.unreadable(InputProblem.NOT_UTF8, "not UTF-8 text (binary data?)"));
        } else if ((stale = staleListAt(now)) != null) {
            // Verified and logged with a temperature given with it, but nobody passes on what the
            // authority no longer vouches for.
            BigDecimal celsius = inlineTemperature == null ? null : reading(inlineTemperature).map(BodyTemperature::celsius).orElse(null);
            decision = new Decision(false, stale.reason(), "The " + stale.kind() + " is out of date: load a newer one before "
                    + "letting anyone through.", Outcome.of(verifier.verify(code)), celsius, null);
        } else {
            decision = decide(verifier, code, inlineTemperature, reader);
        }
        if (seenAt != null) {
            // A flag on this scan's own decision, never the earlier verdict: the code may have expired
            // since, the temperature may differ, and the operator may have been told to measure again.
            repeats++;
            decision = decision.asRepeat("REPEAT: this code was scanned here " + Duration.between(seenAt, now).toSeconds()
                    + " s ago.", denyRepeats);
        }
        if (entryLog != null) {
            entryLog.append(decision.record().time(now).checkpoint(checkpoint).direction(dir).build());
        }
        if (decision.pass()) {
            passed++;
        } else {
            denied++;
        }
        if (code != null && !repeatWindow.isZero() && seenAt == null) {
            // The window runs from the first scan in it, as before; the map stays ordered oldest first.
            recent.put(code, now);
        }
        show(decision);
    }

    /**
     * The first list that is stale at {@code now} and denies scans then, or null; tells the
     * operator once when each turns, whether it denies or only warns. A trust list's maximum age
     * bounds how long a key the authority withdrew is still trusted offline, --revocations-max-age
     * how long the gate may not know of new revocations; a gate that runs for days crosses them.
     */
    private ListAge staleListAt(Instant now) {
        ListAge denying = null;
        for (ListAge age : listAges) {
            if (!age.isStaleAt(now)) {
                continue;
            }
            if (staleAnnounced.add(age)) {
                err().println(age.denies()
                        ? "scan: " + age.name() + " went stale at " + age.staleAt() + ": every scan is DENIED (" + age.reason()
                                + ") until scan restarts with a newer list"
                        : "scan: WARNING: " + age.name() + " went stale at " + age.staleAt() + " (--list-age lenient): load a newer list");
                err().flush();
            }
            if (denying == null && age.denies()) {
                denying = age;
            }
        }
        return denying;
    }

    private static int separatorIndex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == ';') {
                return i;
            }
        }
        return -1;
    }

    private void forgetBefore(Instant cutoff) {
        Iterator<Instant> oldestFirst = recent.values().iterator();
        while (oldestFirst.hasNext()) {
            if (oldestFirst.next().isAfter(cutoff)) {
                break;
            }
            oldestFirst.remove();
        }
    }

    private static Decision unreadable(Outcome outcome) {
        return new Decision(false, outcome.reason(), "Not a readable code: scan again, or ask the holder to refresh the code.",
                outcome, null, null);
    }

    private Decision decide(Verifier verifier, String code, String inlineTemperature, LineReader reader) throws IOException {
        VerificationResult result = verifier.verify(code);
        Outcome outcome = Outcome.of(result);
        Optional<BodyTemperature> temperature = Optional.empty();
        if (inlineTemperature != null) {
            temperature = reading(inlineTemperature);
            if (temperature.isEmpty()) {
                return new Decision(false, "TEMPERATURE_INVALID",
                        "Temperature '" + Terminal.safe(inlineTemperature.strip()) + "' is not a reading: measure again and rescan.",
                        outcome, null, null);
            }
        }
        boolean red = result.isValid() && result.code().claims().colour() == Colour.RED;
        if (temperature.isEmpty() && promptTemperature && !red) {
            // The checkpoint puts a fever above yellow and above a code that did not verify (specs/rules.md): a
            // yellow or expired holder with a fever is sent to a doctor, not home. Only red is decided whatever the reading.
            temperature = promptTemperature(reader);
            if (temperature.isEmpty()) {
                return new Decision(false, "TEMPERATURE_INVALID", "No valid temperature reading: measure again and rescan.",
                        outcome, null, null);
            }
        }
        CheckpointDecision gate = GATE.decide(result, temperature);
        BigDecimal celsius = temperature.map(BodyTemperature::celsius).orElse(null);
        String reason = switch (gate.action()) {
            case PASS -> null;
            case STRICT_CONTROL_REPORT_TO_COMMUNITY -> "RED_CODE";
            case MEDICAL_CHECK -> "FEVER";
            case HOME_ISOLATION_AND_DAILY_CHECK_IN -> "YELLOW_CODE";
            case REFRESH_CODE -> outcome.reason();
        };
        return new Decision(gate.pass(), reason, gate.message(), outcome, celsius, null);
    }

    /** A reading as the operator typed it, if it is one a body can have. */
    private static Optional<BodyTemperature> reading(String text) {
        BigDecimal celsius = parseTemperature(text);
        if (celsius == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BodyTemperature.ofCelsius(celsius));
        } catch (IllegalArgumentException e) {
            // Two decimals that no thermometer shows (36.85): rounding could cross the threshold.
            return Optional.empty();
        }
    }

    private Optional<BodyTemperature> promptTemperature(LineReader reader) throws IOException {
        for (int attempt = 0; attempt < TEMPERATURE_ATTEMPTS; attempt++) {
            err().print("Temperature (°C): ");
            err().flush();
            LineReader.Line line = reader.next();
            if (line == null) {
                return Optional.empty();
            }
            String text = line.tooLong() ? null : CodeTexts.decode(line.bytes());
            Optional<BodyTemperature> reading = text == null ? Optional.empty() : reading(text);
            if (reading.isPresent()) {
                return reading;
            }
            err().println("  not a temperature between " + LOWEST_PLAUSIBLE + " and " + HIGHEST_PLAUSIBLE + " °C, e.g. 36.6");
        }
        return Optional.empty();
    }

    /** A reading in °C such as {@code 36.8}, {@code 36,8} or {@code 36.8 °C}, or null if it is none or implausible. */
    static BigDecimal parseTemperature(String text) {
        Matcher matcher = TEMPERATURE.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(matcher.group(1).replace(',', '.'));
        if (value.compareTo(LOWEST_PLAUSIBLE) < 0 || value.compareTo(HIGHEST_PLAUSIBLE) > 0) {
            return null;
        }
        return value;
    }

    /** Where the operator reads the verdicts: stdout, unless the log has taken it ({@code --log -}). */
    private PrintWriter display() {
        return AtomicOutput.isStandardStream(log) ? err() : out();
    }

    private void show(Decision decision) {
        PrintWriter out = display();
        boolean terminal = AtomicOutput.isStandardStream(log) ? context().terminal().colourOnStderr() : context().colourOnStdout();
        Ansi ansi = new Ansi(terminal);
        String word = decision.pass() ? "PASS" : "DENY";
        out.println();
        if (decision.repeat()) {
            out.println(ansi.style("1;7", "  REPEAT  "));
        }
        for (String row : Banner.rows(word, terminal)) {
            out.println(decision.pass() ? ansi.style("1;32", row) : ansi.style("1;31", row));
        }
        String status = decision.pass() ? "PASS" : "DENY";
        out.println(ansi.banner(decision.pass() ? "42" : "41", " " + status + " ") + "  " + Terminal.safe(decision.action()));
        if (decision.note() != null) {
            out.println("  " + Terminal.safe(decision.note()));
        }
        VerifiedCode code = decision.code();
        if (code != null) {
            CodeClaims claims = code.claims();
            out.println("  " + ansi.colour(claims.colour(), claims.colour().name()) + " code, valid until " + claims.expiresAt()
                    + ", serial " + claims.serial()
                    + (decision.temperature() != null ? ", " + decision.temperature().toPlainString() + " °C" : ""));
        }
        out.flush();
    }
}
