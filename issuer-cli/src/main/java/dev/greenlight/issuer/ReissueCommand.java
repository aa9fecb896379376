package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.Durations;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.LineReader;
import dev.greenlight.cli.Progress;
import dev.greenlight.cli.ProgressOption;
import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordOutput;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.Issuer;
import dev.greenlight.issuer.batch.BatchRunner;
import dev.greenlight.registry.DecisionId;
import dev.greenlight.registry.DueHolder;
import dev.greenlight.registry.Issuance;
import dev.greenlight.registry.Registry;
import dev.greenlight.registry.RegistryException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
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
                + "of identities. The scan first finds, through an index, every holder whose colour is no longer that of "
                + "their latest code, however long that code is still valid, then the holders due by expiry; --holders "
                + "looks at every listed holder.",
            "Codes are recorded 1,000 to a transaction, and a page's records are written (with -o FILE, appended and "
                + "forced to the disk) right after it is committed. A job that dies leaves its last page unrecorded, and "
                + "the re-run issues it; the pages committed before stand, are not issued again, and their records are in "
                + "FILE, all but a page caught between its commit and its write. Give the re-run another FILE.",
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

    /** Codes recorded per transaction: one commit (one fsync) per page, not per holder. */
    private static final int PAGE = 1000;

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

    @Mixin
    PinOptions pin;

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
        Issuer issuer = issuerHome.issuer(clock, passphrase.source(env(), pin));
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
            if (outputPath == null) {
                Writer writer = out();
                new Job(holders, issuer, at, window, records, progress, writer::flush).run(scan ? null : in, writer);
            } else {
                // Not written whole at the end: the codes of each committed page are recorded for good, so
                // their records must outlive a job that dies later.
                try (FileChannel file = openOwnerOnly(outputPath, force)) {
                    Writer writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(file), StandardCharsets.UTF_8));
                    new Job(holders, issuer, at, window, records, progress, () -> {
                        writer.flush();
                        file.force(false);
                    }).run(scan ? null : in, writer);
                }
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Re-issue failed: " + Terminal.safe(String.valueOf(e)) + stoppedAfter(outputPath), e);
        } catch (RegistryException e) {
            throw new CliException(ExitCode.IO_ERROR, "Re-issue stopped, the registry failed: " + e.getMessage() + stoppedAfter(outputPath), e);
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

    /** What a failed run leaves, for the operator who must hand out the codes it issued. */
    private String stoppedAfter(Path outputPath) {
        return "; the " + issued + " codes recorded so far stand" + (outputPath == null ? ""
                : " and their records are in " + Terminal.safe(outputPath.toString())) + "; a re-run issues nothing twice"
                + (outputPath == null ? "" : ": give it another output file");
    }

    /** Owner only (0600) where the file system has permissions: the records carry identity hashes, personal data. */
    private static FileChannel openOwnerOnly(Path target, boolean overwrite) throws IOException {
        Set<StandardOpenOption> options = overwrite
                ? EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)
                : EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        if (!HomePermissions.hasPosixPermissions(target.toAbsolutePath())) {
            return FileChannel.open(target, options);
        }
        FileChannel channel = FileChannel.open(target, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        // An overwritten file keeps the permissions it had: set them.
        Files.setPosixFilePermissions(target, OWNER_ONLY);
        return channel;
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** What makes a page's records last once written: the file forced to the disk, or stdout flushed. */
    @FunctionalInterface
    private interface PageEnd {
        void written() throws IOException;
    }

    /**
     * One run's fixed inputs (the registry, the issuer, the instant, the horizon, the output's
     * shape) and its page of codes not yet recorded. Codes are recorded {@value #PAGE} to a
     * transaction, and a page's records are written only once it is committed: a record never
     * names a code the registry does not hold.
     */
    private final class Job {
        private final Holders holders;
        private final Issuer issuer;
        private final Instant at;
        private final LocalDate today;
        private final Duration window;
        private final RecordOutput records;
        private final Progress progress;
        private final List<Pending> page = new ArrayList<>(PAGE);
        private final PageEnd pageEnd;
        private long row;

        Job(Holders holders, Issuer issuer, Instant at, Duration window, RecordOutput records, Progress progress, PageEnd pageEnd) {
            this.holders = holders;
            this.issuer = issuer;
            this.at = at;
            this.today = holders.day(at);
            this.window = window;
            this.records = records;
            this.progress = progress;
            this.pageEnd = pageEnd;
        }

        /** The holders of {@code in}, one identity a line; or, if {@code in} is null, the registry's due holders. */
        void run(InputStream in, Writer out) throws IOException {
            out.write(records.header());
            if (in == null) {
                // Colour changes first: their holders carry a code of the wrong colour, still valid.
                scan(holders.registry().holdersWithColourChanged(), out);
                flush(out);
                scan(holders.registry().holdersDueForReissue(at, window), out);
            } else {
                list(in, out);
            }
            flush(out);
        }

        private void scan(Stream<DueHolder> holders, Writer out) throws IOException {
            try (Stream<DueHolder> due = holders) {
                for (Iterator<DueHolder> it = due.iterator(); it.hasNext(); ) {
                    DueHolder holder = it.next();
                    row++;
                    progress.update(row, row);
                    Pending pending = decide(holder, UnaryOperator.identity());
                    if (pending != null) {
                        add(pending, out);
                    }
                }
            }
        }

        private void list(InputStream in, Writer out) throws IOException {
            LineReader lines = new LineReader(in, MAX_LINE_BYTES);
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
                Pending pending;
                if (text.isEmpty()) {
                    failed++;
                    pending = new Pending(Record.inputError(line.tooLong() ? InputProblem.LINE_TOO_LONG : InputProblem.NOT_UTF8,
                            "line " + line.number() + ": " + (line.tooLong() ? "longer than " + MAX_LINE_BYTES + " bytes" : "not UTF-8"))
                            .line(line.number()).row(row).build(), null);
                } else {
                    pending = listed(text.get().strip(), line.number());
                }
                if (pending != null) {
                    add(pending, out);
                }
            }
        }

        /** What one line of --holders asks, or null when nothing is issued to a known holder. */
        private Pending listed(String text, long line) {
            Identity identity;
            try {
                identity = Holders.parseIdentity(text);
            } catch (CliException e) {
                failed++;
                return new Pending(Record.inputError(InputProblem.INVALID_IDENTITY, "line " + line + ": " + e.getMessage())
                        .line(line).row(row).build(), null);
            }
            Optional<DueHolder> holder = holders.registry().forReissue(holders.hash(identity));
            if (holder.isEmpty()) {
                unknown++;
                return null;
            }
            return decide(holder.get(), record -> record.line(line));
        }

        /**
         * The code a holder is due, not yet recorded, or null when they are due none: a code of their
         * colour when it is no longer their latest code's (decided by the change's event), or when
         * they have none or it expires within the horizon and was not issued today (decided by the day).
         */
        private Pending decide(DueHolder holder, UnaryOperator<Record.Builder> where) {
            Optional<DueHolder.LatestCode> latest = holder.latestCode();
            DecisionId decision;
            String why;
            if (holder.colourChanged()) {
                long event = holder.changeEventId().orElseThrow(() -> new IllegalStateException(
                        "Holder " + holder.holder() + " changed colour, but the registry names no event for the change"));
                decision = DecisionId.afterEvent(holder.holder(), event);
                why = "colour changed from " + Record.colourName(latest.orElseThrow().colour());
            } else if (latest.isEmpty() || (!latest.get().expiresAt().isAfter(at.plus(window))
                    && !holders.day(latest.get().issuedAt()).equals(today))) {
                // A code issued today (for a colour change, or by an earlier run) is today's code, whatever the horizon.
                decision = DecisionId.reissue(holder.holder(), today);
                why = latest.isEmpty() ? "first code" : "code expires " + latest.get().expiresAt();
            } else {
                notDue++;
                return null;
            }
            IssuedCode code = issuer.issue(holder.holder(), holder.state().colour(), issuer.defaultValidity());
            Issuance issuance = new Issuance(code.claims().serial(), code.claims().keyId(), code.claims().colour(),
                    code.claims().issuedAt(), code.claims().expiresAt(), decision);
            Record record = where.apply(Record.builder(Verdict.ISSUED).message("issued: " + why).claims(code.claims())
                    .code(code.text()).row(row)).build();
            return new Pending(record, new Registry.Issue(holder.holder(), issuance));
        }

        private void add(Pending pending, Writer out) throws IOException {
            page.add(pending);
            if (page.size() == PAGE) {
                flush(out);
            }
        }

        /** Records the page's codes in one transaction, then writes the page's records in order. */
        private void flush(Writer out) throws IOException {
            List<Registry.Issue> issues = new ArrayList<>(page.size());
            for (Pending pending : page) {
                if (pending.issue() != null) {
                    issues.add(pending.issue());
                }
            }
            Iterator<Issuance> recorded = holders.registry().recordIssued(issues).iterator();
            for (Pending pending : page) {
                if (pending.issue() == null) {
                    out.write(records.format(pending.record()));
                } else if (recorded.next().serial().equals(pending.issue().issuance().serial())) {
                    issued++;
                    out.write(records.format(pending.record()));
                } else {
                    // Another run recorded this decision first: its code stands, ours is never handed out.
                    alreadyIssued++;
                }
            }
            page.clear();
            pageEnd.written();
        }
    }

    /** An output record, and the code it names if it names one, waiting for its page to be recorded. */
    private record Pending(Record record, Registry.Issue issue) {
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
