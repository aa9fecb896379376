package dev.greenlight.verifier;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.Durations;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.LineReader;
import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordFormatConverter;
import dev.greenlight.codec.Colour;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
            "  green and valid: PASS;  yellow: DENY, home isolation and daily check-in;",
            "  red: DENY, refer to control staff;  expired or invalid: DENY, ask the holder to refresh the code;",
            "  temperature at or above 37.3 °C: DENY, refer for a medical check.",
            "A temperature may follow the code on the same line after a TAB or ';' (neither occurs in a code), "
                + "e.g. 'GL1:...;36.8', or be prompted for with --temperature.",
            "The same code scanned again within --repeat-window is shown as REPEAT and not logged again.",
            "End the session with Ctrl-D (end of input)."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-verify scan --trust /etc/greenlight/trust --checkpoint north-gate --direction in "
                + "--log /var/log/greenlight/north-gate.jsonl --temperature"})
@ExitCodes({ExitCode.OK, ExitCode.IO_ERROR, ExitCode.KEY_ERROR, ExitCode.NOT_CONFIGURED})
final class ScanCommand extends VerifierCommand {

    /** The rule of the seed document: at or above this, a medical check. */
    static final BigDecimal FEVER_CELSIUS = new BigDecimal("37.3");
    private static final BigDecimal LOWEST_PLAUSIBLE = new BigDecimal("30");
    private static final BigDecimal HIGHEST_PLAUSIBLE = new BigDecimal("45");
    private static final Pattern TEMPERATURE = Pattern.compile("\\s*(\\d{2}(?:[.,]\\d{1,2})?)\\s*(?:°\\s*C|°|C)?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_LINE_BYTES = 4096;
    private static final int TEMPERATURE_ATTEMPTS = 3;

    @Mixin
    private TrustOptions trust;

    @Option(names = "--log", paramLabel = "FILE",
            description = "Append every scan to this entry log, synced to disk before the verdict is shown.")
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

    @Option(names = "--temperature", description = "After each code without a temperature, prompt for the reading.")
    private boolean promptTemperature;

    @Option(names = "--repeat-window", paramLabel = "DURATION", converter = Durations.class, defaultValue = "60s",
            description = "A code scanned again within this time is a REPEAT, shown but not logged (default: ${DEFAULT-VALUE}; 0 disables).")
    private Duration repeatWindow;

    /** What the operator is told, and what is logged. */
    private record Decision(boolean pass, String reason, String action, Outcome outcome, BigDecimal temperature,
                            String note) {

        /** The verified code, or null. */
        VerifiedCode code() {
            return outcome.code();
        }

        /** The entry log's record: the outcome's, with the gate's decision, its reason and its action as the message. */
        Record.Builder record() {
            return outcome.record().decision(pass).reason(reason)
                    .message(note == null ? action : action + " " + note).temperature(temperature);
        }
    }

    private record Seen(Instant at, Decision decision) {
    }

    private final Map<String, Seen> recent = new LinkedHashMap<>();
    private int passed;
    private int denied;
    private int repeats;

    @Override
    protected ExitCode run() {
        String normalisedDirection = direction.toLowerCase(Locale.ROOT);
        if (!normalisedDirection.equals("in") && !normalisedDirection.equals("out")) {
            throw new CliException(ExitCode.USAGE, "--direction must be 'in' or 'out', not '" + direction + "'");
        }
        if (repeatWindow.isNegative()) {
            throw new CliException(ExitCode.USAGE, "--repeat-window must not be negative");
        }
        Clock clock = context().clock();
        Verifier verifier = trust.verifier(context(), clock);
        EntryLog entryLog = null;
        if (log != null) {
            RecordFormat format = logFormat != null ? logFormat : RecordFormat.byFileName(log.getFileName().toString(), RecordFormat.JSONL);
            try {
                entryLog = EntryLog.open(log, format);
            } catch (IOException e) {
                throw new CliException(ExitCode.IO_ERROR, "cannot open the entry log " + log + ": " + e.getMessage(), e);
            }
        } else {
            err().println("scan: no --log given: scans are shown but NOT recorded");
        }
        err().println("scan: ready at checkpoint '" + checkpoint + "' (" + normalisedDirection + "); scan codes, Ctrl-D to end");
        err().flush();
        LineReader reader = new LineReader(context().stdin(), MAX_LINE_BYTES);
        try {
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                scanOne(line, reader, verifier, clock, entryLog, normalisedDirection);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "reading stdin or writing the entry log failed: " + e.getMessage(), e);
        } finally {
            if (entryLog != null) {
                try {
                    entryLog.close();
                } catch (IOException e) {
                    err().println("scan: closing the entry log failed: " + e.getMessage());
                }
            }
        }
        err().println("scan: " + (passed + denied) + " scans: " + passed + " PASS, " + denied + " DENY; " + repeats + " repeats not logged");
        err().flush();
        return ExitCode.OK;
    }

    private void scanOne(LineReader.Line line, LineReader reader, Verifier verifier, Clock clock,
                         EntryLog entryLog, String dir) throws IOException {
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
        if (code != null && !repeatWindow.isZero()) {
            Seen seen = recent.get(code);
            if (seen != null) {
                repeats++;
                show(seen.decision(), "REPEAT: scanned " + Duration.between(seen.at(), now).toSeconds()
                        + " s ago; shown again, not logged again");
                return;
            }
        }
        Decision decision;
        if (line.tooLong()) {
            decision = unreadable(Outcome.unreadable(InputProblem.LINE_TOO_LONG,
                    "line too long: more than the limit of " + MAX_LINE_BYTES + " bytes"));
        } else if (text == null) {
            decision = unreadable(Outcome.unreadable(InputProblem.NOT_UTF8, "not UTF-8 text (binary data?)"));
        } else {
            decision = decide(verifier, code, inlineTemperature, reader);
        }
        if (entryLog != null) {
            entryLog.append(decision.record().time(now).checkpoint(checkpoint).direction(dir).build());
        }
        if (decision.pass()) {
            passed++;
        } else {
            denied++;
        }
        if (code != null && !repeatWindow.isZero()) {
            recent.put(code, new Seen(now, decision));
        }
        show(decision, null);
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
        Iterator<Seen> oldestFirst = recent.values().iterator();
        while (oldestFirst.hasNext()) {
            if (oldestFirst.next().at().isAfter(cutoff)) {
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
        Outcome outcome = Outcome.of(verifier.verify(code));
        BigDecimal temperature = null;
        if (inlineTemperature != null) {
            temperature = parseTemperature(inlineTemperature);
            if (temperature == null) {
                return new Decision(false, "TEMPERATURE_INVALID",
                        "Temperature '" + CodeTexts.printable(inlineTemperature.strip()) + "' is not a reading: measure again and rescan.",
                        outcome, null, null);
            }
        }
        if (!outcome.isValid()) {
            return new Decision(false, outcome.reason(),
                    "Code not valid (" + outcome.reason() + "): ask the holder to refresh the code in the app.",
                    outcome, temperature, CodeTexts.printable(outcome.message()));
        }
        VerifiedCode verified = outcome.code();
        if (temperature == null && promptTemperature && verified.colour() == Colour.GREEN) {
            // Only a green code can still pass, so only then is the reading worth the queue's time.
            temperature = promptTemperature(reader);
            if (temperature == null) {
                return new Decision(false, "TEMPERATURE_INVALID", "No valid temperature reading: measure again and rescan.",
                        outcome, null, null);
            }
        }
        String feverNote = temperature != null && temperature.compareTo(FEVER_CELSIUS) >= 0
                ? "Temperature " + temperature.toPlainString() + " °C (at or above " + FEVER_CELSIUS + " °C): refer for a medical check."
                : null;
        switch (verified.colour()) {
            case RED:
                return new Decision(false, "RED_CODE", "Red code: refer the holder to control staff.", outcome, temperature, feverNote);
            case YELLOW:
                if (feverNote != null) {
                    return new Decision(false, "FEVER", feverNote, outcome, temperature,
                            "Yellow code: home isolation and daily health check-in.");
                }
                return new Decision(false, "YELLOW_CODE", "Yellow code: home isolation and daily health check-in. Do not admit.",
                        outcome, temperature, null);
            default:
                if (feverNote != null) {
                    return new Decision(false, "FEVER", feverNote, outcome, temperature, null);
                }
                return new Decision(true, null, "Green code, valid: let the holder through.", outcome, temperature, null);
        }
    }

    private BigDecimal promptTemperature(LineReader reader) throws IOException {
        for (int attempt = 0; attempt < TEMPERATURE_ATTEMPTS; attempt++) {
            err().print("Temperature (°C): ");
            err().flush();
            LineReader.Line line = reader.next();
            if (line == null) {
                return null;
            }
            String text = line.tooLong() ? null : CodeTexts.decode(line.bytes());
            BigDecimal reading = text == null ? null : parseTemperature(text);
            if (reading != null) {
                return reading;
            }
            err().println("  not a temperature between " + LOWEST_PLAUSIBLE + " and " + HIGHEST_PLAUSIBLE + " °C, e.g. 36.6");
        }
        return null;
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

    private void show(Decision decision, String repeatNote) {
        PrintWriter out = out();
        boolean terminal = context().colourOnStdout();
        Ansi ansi = new Ansi(terminal);
        String word = decision.pass() ? "PASS" : "DENY";
        out.println();
        if (repeatNote != null) {
            out.println(ansi.style("1;7", "  " + repeatNote + "  "));
        }
        for (String row : Banner.rows(word, terminal)) {
            out.println(decision.pass() ? ansi.style("1;32", row) : ansi.style("1;31", row));
        }
        String status = decision.pass() ? "PASS" : "DENY";
        out.println(ansi.banner(decision.pass() ? "42" : "41", " " + status + " ") + "  " + decision.action());
        if (decision.note() != null) {
            out.println("  " + decision.note());
        }
        VerifiedCode code = decision.code();
        if (code != null) {
            out.println("  " + ansi.colour(code.colour(), code.colour().name()) + " code, valid until " + code.expiresAt()
                    + ", serial " + code.serial()
                    + (decision.temperature() != null ? ", " + decision.temperature().toPlainString() + " °C" : ""));
        }
        out.flush();
    }
}
