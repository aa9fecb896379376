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
import dev.greenlight.registry.DueHolder;
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
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reissue", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The daily job: a fresh code for every holder whose code expires or whose colour changed.",
        description = {"For each holder the registry has due (no code yet, or the latest code expires within --horizon), "
                + "issue a code of the holder's colour with the active key when the latest code was not issued today "
                + "(in the policy's zone), or the colour changed since it. With --holders, the holders listed in FILE instead "
                + "(one IDENTITY, TYPE:NUMBER, per line; blank lines and # comments skipped).",
            "Idempotent: a code is recorded once per decision (re-issue on a day, in the policy's zone; or the colour "
                + "change's event), so a re-run on the same day, or after a crash, issues nothing twice.",
            "The registry keeps no identity, only its hash, and a code carries only that hash: so the job needs no list "
                + "of identities. A colour change is seen by the scan when the holder is due, which every holder whose "
                + "code is no longer than --horizon always is; --holders looks at every listed holder.",
            "Output: records of specs/records.md, as batch writes them: verdict ISSUED with colour, key_id, serial, "
                + "identity_hash, issued_at, expires_at and code (and line, with --holders); INPUT_ERROR for a line of --holders that is no identity. A holder not "
                + "due, already issued for today, or not in the registry gets no record; the summary counts them."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue reissue -o codes-2026-12-15.jsonl",
            "  gl-issue reissue --holders holders.txt -o codes-2026-12-15.jsonl",
            "  gl-issue reissue --holders holders.txt --now 2026-12-15T01:00:00Z"})
@ExitCodes({ExitCode.OK, ExitCode.SOME_FAILED, ExitCode.USAGE, ExitCode.NOT_CONFIGURED, ExitCode.ALREADY_EXISTS, ExitCode.KEY_ERROR,
    ExitCode.IO_ERROR})
final class ReissueCommand extends CliCommand {

    /** Longer than any identity line. */
    private static final int MAX_LINE_BYTES = 1024;

    @Option(names = "--holders", paramLabel = "FILE",
            description = "Only these holders' identities, one TYPE:NUMBER per line; - for stdin (default: every due "
                    + "holder of the registry).")
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
        boolean scan = holdersFile == null;
        boolean fromStdin = !scan && holdersFile.equals("-");
        passphrase.requireStdinFree(fromStdin, "--holders -");
        Path inputPath = scan || fromStdin ? null : env().resolve(Path.of(holdersFile));
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
             InputStream in = scan ? InputStream.nullInputStream() : inputPath == null ? env().stdin() : Files.newInputStream(inputPath)) {
            Instant at = Instant.ofEpochSecond(clock.instant().getEpochSecond());
            Job job = new Job(holders, issuer, at, window, records, progress);
            if (outputPath == null) {
                Writer writer = out();
                job.run(scan ? null : in, writer);
                writer.flush();
            } else {
                try (AtomicOutput file = AtomicOutput.open(outputPath, force, false)) {
                    Writer writer = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
                    job.run(scan ? null : in, writer);
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

    /** One run's fixed inputs: the registry, the issuer, the instant, the horizon, the output's shape. */
    private final class Job {
        private final Holders holders;
        private final Issuer issuer;
        private final Instant at;
        private final Duration window;
        private final RecordOutput records;
        private final Progress progress;

        Job(Holders holders, Issuer issuer, Instant at, Duration window, RecordOutput records, Progress progress) {
            this.holders = holders;
            this.issuer = issuer;
            this.at = at;
            this.window = window;
            this.records = records;
            this.progress = progress;
        }

        /** The holders of {@code in}, one identity a line; or, if {@code in} is null, the registry's due holders. */
        void run(InputStream in, Writer out) throws IOException {
            out.write(records.header());
            if (in == null) {
                scan(out);
            } else {
                list(in, out);
            }
        }

        private void scan(Writer out) throws IOException {
            long row = 0;
            try (Stream<DueHolder> due = holders.registry().holdersDueForReissue(at, window)) {
                for (Iterator<DueHolder> it = due.iterator(); it.hasNext(); ) {
                    DueHolder holder = it.next();
                    row++;
                    progress.update(row, row);
                    Record.Builder record = one(holder.holder());
                    if (record != null) {
                        out.write(records.format(record.row(row).build()));
                    }
                }
            }
        }

        private void list(InputStream in, Writer out) throws IOException {
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
                        : listed(text.get().strip(), line.number(), row);
                if (record != null) {
                    out.write(records.format(record));
                }
            }
        }

        /** The record of one line of --holders, or null when nothing is issued to a known holder. */
        private Record listed(String text, long line, long row) {
            Identity identity;
            try {
                identity = Holders.parseIdentity(text);
            } catch (CliException e) {
                failed++;
                return Record.inputError(InputProblem.INVALID_IDENTITY, "line " + line + ": " + e.getMessage()).line(line).row(row).build();
            }
            Record.Builder record = one(holders.hash(identity));
            return record == null ? null : record.line(line).row(row).build();
        }

        /** The record of the code issued to one holder, or null when nothing is issued. */
        private Record.Builder one(IdentityHash holder) {
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
            IssuedCode code = issuer.issue(holder, state.get().colour(), issuer.defaultValidity());
            Issuance issuance = new Issuance(code.claims().serial(), code.claims().keyId(), code.claims().colour(),
                    code.claims().issuedAt(), code.claims().expiresAt(), decision);
            Issuance recorded = holders.registry().recordIssued(holder, issuance);
            if (!recorded.serial().equals(issuance.serial())) {
                // Another run recorded this decision between our read and our write: its code stands, ours is never handed out.
                alreadyIssued++;
                return null;
            }
            issued++;
            return Record.builder(Verdict.ISSUED).message("issued: " + why).claims(code.claims()).code(code.text());
        }
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
