package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.Durations;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.LineReader;
import dev.greenlight.cli.Progress;
import dev.greenlight.cli.ProgressOption;
import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordOutput;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.Issuer;
import dev.greenlight.issuer.batch.BatchRunner;
import dev.greenlight.registry.DecisionId;
import dev.greenlight.registry.History;
import dev.greenlight.registry.Issuance;
import dev.greenlight.registry.RegistryException;
import dev.greenlight.registry.StoredEvent;
import dev.greenlight.rules.HolderState;
import dev.greenlight.rules.Transition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reissue", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The daily job: a fresh code for every holder whose code expires or whose colour changed.",
        description = {"For each holder of --holders (one IDENTITY, TYPE:NUMBER, per line; blank lines and # comments "
                + "skipped) that the registry knows, issue a code of the holder's colour with the active key when the "
                + "holder has no code yet, the latest code expires within --horizon and was not issued today (in the policy's zone), or the colour changed since it.",
            "Idempotent: a code is recorded once per decision (re-issue on a day, in the policy's zone; or the colour "
                + "change's event), so a re-run on the same day, or after a crash, issues nothing twice.",
            "The registry keeps no identity, only its hash, and a code is signed for an identity: so the job is given the "
                + "holders' identities, as batch is.",
            "Output: records of specs/records.md, as batch writes them: verdict ISSUED with colour, key_id, serial, "
                + "identity_hash, issued_at, expires_at and code; INPUT_ERROR for a line that is no identity. A holder not "
                + "due, already issued for today, or not in the registry gets no record; the summary counts them."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue reissue --holders holders.txt -o codes-2026-12-15.jsonl",
            "  gl-issue reissue --holders holders.txt --now 2026-12-15T01:00:00Z"})
@ExitCodes({ExitCode.OK, ExitCode.SOME_FAILED, ExitCode.USAGE, ExitCode.NOT_CONFIGURED, ExitCode.ALREADY_EXISTS, ExitCode.KEY_ERROR,
    ExitCode.IO_ERROR})
final class ReissueCommand extends CliCommand {

    /** Longer than any identity line. */
    private static final int MAX_LINE_BYTES = 1024;

    @Option(names = "--holders", required = true, paramLabel = "FILE",
            description = "The holders' identities, one TYPE:NUMBER per line; - for stdin.")
    String holdersFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the records to FILE (default, or -: stdout).")
    Path output;

    @Option(names = "--output-format", paramLabel = "FORMAT", description = "jsonl or csv (default: csv if FILE ends in .csv, else jsonl).")
    String outputFormat;

    @Option(names = "--horizon", paramLabel = "PERIOD", defaultValue = "24h",
            description = "A code expiring within PERIOD from now is re-issued (default: ${DEFAULT-VALUE}: one run a day "
                    + "leaves nobody without a valid code).")
    String horizon;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Mixin
    NowOption now;

    @Mixin
    ProgressOption progressOption;

    @Mixin
    HomeOption home;

    @Mixin
    PassphraseOptions passphrase;

    private long issued;
    private long notDue;
    private long alreadyIssued;
    private long unknown;
    private long failed;

    @Override
    protected ExitCode run() {
        Clock clock;
        Duration window;
        try {
            clock = now.clock(env().clock());
            window = Durations.parse(horizon);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        }
        if (window.isNegative()) {
            throw new CliException(ExitCode.USAGE, "--horizon is zero or more");
        }
        boolean fromStdin = holdersFile.equals("-");
        Path inputPath = fromStdin ? null : env().resolve(Path.of(holdersFile));
        if (inputPath != null && !Files.isReadable(inputPath)) {
            throw new CliException(ExitCode.IO_ERROR, "Cannot read the holders " + inputPath);
        }
        boolean toStdout = output == null || AtomicOutput.isStandardStream(output);
        RecordFormat format;
        try {
            format = outputFormat != null ? RecordFormat.parse(outputFormat)
                    : toStdout ? RecordFormat.JSONL : RecordFormat.byFileName(output.toString(), RecordFormat.JSONL);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--output-format must be csv or jsonl, not '" + outputFormat + "'");
        }
        RecordOutput records = RecordOutput.of(format, ',', BatchRunner.OUTPUT_FIELDS);
        Path outputPath = toStdout ? null : env().resolve(output);
        if (outputPath != null && Files.exists(outputPath) && !force) {
            throw new CliException(ExitCode.ALREADY_EXISTS, "Refusing to overwrite " + outputPath + " (use --force)");
        }
        IssuerHome issuerHome = IssuerHome.open(home.locate(env()));
        Issuer issuer = issuerHome.issuer(clock, passphrase.source(env()));
        long start = System.nanoTime();
        long total;
        try {
            total = inputPath == null ? -1 : Files.size(inputPath);
        } catch (IOException e) {
            total = -1;
        }
        Progress progress = progressOption.open(err(), env().terminal(), "holders", total);
        try (Holders holders = Holders.open(issuerHome);
             InputStream in = inputPath == null ? env().stdin() : Files.newInputStream(inputPath)) {
            Instant at = Instant.ofEpochSecond(clock.instant().getEpochSecond());
            if (outputPath == null) {
                Writer writer = out();
                run(holders, issuer, at, window, in, records, writer, progress);
                writer.flush();
            } else {
                try (AtomicOutput file = AtomicOutput.open(outputPath, force, false)) {
                    Writer writer = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
                    run(holders, issuer, at, window, in, records, writer, progress);
                    writer.flush();
                    file.commit();
                }
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Re-issue failed: " + e, e);
        } catch (RegistryException e) {
            throw new CliException(ExitCode.IO_ERROR, "Re-issue stopped, the registry failed (codes recorded so far stand;"
                    + " a re-run issues nothing twice): " + e.getMessage(), e);
        } finally {
            progress.finish();
        }
        if (!progressOption.quiet()) {
            err().printf("issued: %d, not due: %d, already issued: %d, not in the registry: %d, failed: %d; %s (key %s)%s%n",
                    issued, notDue, alreadyIssued, unknown, failed,
                    Progress.throughput(issued, "codes", System.nanoTime() - start), issuer.keyId(),
                    outputPath != null ? "; output " + outputPath : "");
        }
        return failed > 0 ? ExitCode.SOME_FAILED : ExitCode.OK;
    }

    private void run(Holders holders, Issuer issuer, Instant at, Duration window, InputStream in, RecordOutput records,
                     Writer out, Progress progress) throws IOException {
        out.write(records.header());
        LineReader lines = new LineReader(in, MAX_LINE_BYTES);
        long row = 0;
        long seen = 0;
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            seen++;
            progress.update(seen, lines.bytesRead());
            Optional<String> text = text(line);
            if (text.isPresent() && (text.get().isBlank() || text.get().strip().startsWith("#"))) {
                continue;
            }
            row++;
            if (text.isEmpty()) {
                failed++;
            }
            Record record = text.isEmpty()
                    ? Record.inputError(line.tooLong() ? InputProblem.LINE_TOO_LONG : InputProblem.NOT_UTF8,
                            "line " + line.number() + ": " + (line.tooLong() ? "longer than " + MAX_LINE_BYTES + " bytes" : "not UTF-8"))
                            .line(line.number()).row(row).build()
                    : one(holders, issuer, at, window, text.get().strip(), line.number(), row);
            if (record != null) {
                out.write(records.format(record));
            }
        }
    }

    /** The record of one holder's line, or null when nothing is issued to a known holder. */
    private Record one(Holders holders, Issuer issuer, Instant at, Duration window, String text, long line, long row) {
        Identity identity;
        try {
            identity = Holders.parseIdentity(text);
        } catch (CliException e) {
            failed++;
            return Record.inputError(InputProblem.INVALID_IDENTITY, "line " + line + ": " + e.getMessage()).line(line).row(row).build();
        }
        IdentityHash holder = holders.hash(identity);
        Optional<HolderState> state = holders.registry().holder(holder);
        if (state.isEmpty()) {
            unknown++;
            return null;
        }
        History history = holders.registry().history(holder);
        Optional<Issuance> latest = history.issued().isEmpty() ? Optional.empty()
                : Optional.of(history.issued().get(history.issued().size() - 1));
        DecisionId decision;
        String why;
        if (latest.isPresent() && latest.get().colour() != state.get().colour()) {
            decision = DecisionId.afterEvent(holder, changeEvent(history));
            why = "colour changed from " + Record.colourName(latest.get().colour());
        } else if (latest.isEmpty() || (!latest.get().expiresAt().isAfter(at.plus(window))
                && !holders.day(latest.get().issuedAt()).equals(holders.day(at)))) {
            // A code issued today (for a colour change, or by an earlier run) is today's code, whatever the horizon.
            decision = DecisionId.reissue(holder, holders.day(at));
            why = latest.isEmpty() ? "first code" : "code expires " + latest.get().expiresAt();
        } else {
            notDue++;
            return null;
        }
        if (history.issued().stream().anyMatch(i -> i.decision().equals(decision))) {
            alreadyIssued++;
            return null;
        }
        IssuedCode code = issuer.issue(identity, state.get().colour());
        Issuance issuance = new Issuance(code.claims().serial(), code.claims().keyId(), code.claims().colour(),
                code.claims().issuedAt(), code.claims().expiresAt(), decision);
        Issuance recorded = holders.registry().recordIssued(holder, issuance);
        if (!recorded.serial().equals(issuance.serial())) {
            // Another run recorded this decision between our read and our write: its code stands, ours is never handed out.
            alreadyIssued++;
            return null;
        }
        issued++;
        return Record.builder(Verdict.ISSUED).message("issued: " + why).line(line).row(row)
                .claims(code.claims()).code(code.text()).build();
    }

    /** The id of the event that made the latest colour change: the latest event at that change's instant. */
    private static long changeEvent(History history) {
        Transition change = history.transitions().get(history.transitions().size() - 1);
        List<StoredEvent> events = history.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).at().equals(change.at())) {
                return events.get(i).id();
            }
        }
        throw new IllegalStateException("No stored event at the latest colour change, " + change.at());
    }

    private static Optional<String> text(LineReader.Line line) {
        if (line.tooLong()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line.bytes())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
