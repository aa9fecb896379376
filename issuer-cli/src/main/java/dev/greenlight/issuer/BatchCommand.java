package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.Progress;
import dev.greenlight.cli.ProgressOption;
import dev.greenlight.cli.records.CsvDelimiter;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordOutput;
import dev.greenlight.codec.Issuer;
import dev.greenlight.issuer.batch.BatchRunner;
import dev.greenlight.issuer.batch.BatchSummary;
import dev.greenlight.rules.ColourRules;
import dev.greenlight.rules.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Issue a code per row of a CSV or JSON Lines file, on all cores, to JSON Lines or CSV.",
        description = {"Issue one code per row of INPUT: CSV with a header line, or JSON Lines (one object per line).",
            "Columns (CSV header names or JSON keys, any order, any case): document_type (or doc), number, "
                + "colour (or color), and optionally validity (24h, 90m, 7d, PT24H; empty = the home's default) "
                + "and id (yours, copied to the row's output record). "
                + "Quoted CSV fields, CRLF line ends and a UTF-8 byte order mark are fine; --delimiter sets the separator.",
            "Output: records of specs/records.md, JSON Lines or CSV, one per input row, in input order. Every record has "
                + "schema, line (where the row starts in INPUT), row (data rows counted from 1), id (if the row has one), "
                + "verdict and message. verdict ISSUED: colour, key_id, serial, identity_hash, issued_at, expires_at, "
                + "code (the text; never trim it: it may contain spaces) and, with --png-dir, png. verdict INPUT_ERROR: "
                + "reason, one of INVALID_IDENTITY, UNKNOWN_COLOUR, BAD_VALIDITY, WRONG_COLUMN_COUNT, WRONG_FIELDS, "
                + "NOT_UTF8, MALFORMED_ROW, ROW_TOO_LONG, OUTPUT_FAILED, INTERNAL_ERROR. A bad row never stops the batch.",
            "With -o the output goes to a temporary file next to FILE, renamed to FILE only when the batch is "
                + "complete: a FILE that exists is a whole batch. Without -o, or with -o -, it goes to stdout.",
            "Progress (rate, ETA) is drawn on stderr when it is a terminal (see --progress); a summary ends the run.",
            "With --colours-from-declarations each row is a health declaration instead of a colour, in the words of "
                + "'gl-issue declare': document_type, number, temperature, and optionally symptoms (separated by spaces), "
                + "case, contact_on (days separated by spaces), stays (REGION:FROM..TO separated by spaces), isolation, "
                + "override with reason (and authority), validity, id. The colour is the assessment of the home's "
                + "policy.json on today's date (specs/rules.md), and each ISSUED record also has rules: the ids of the "
                + "rules that gave it. A field that cannot be read is an INPUT_ERROR record, reason INVALID_DECLARATION, "
                + "naming its line and column.",
            "That mode records nothing in the registry: a batch is re-runnable and stateless, and a declaration "
                + "recorded twice would be applied twice. A holder whose colour the registry manages (declare, check-in, "
                + "release) gets codes from reissue, which issues their registry colour."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue batch people.csv -o codes.jsonl",
            "  gl-issue batch people.jsonl --png-dir qr/ -o codes.jsonl",
            "  gl-issue batch --delimiter ';' people.csv -o codes.csv",
            "  generate-rows | gl-issue batch - --format csv > codes.jsonl",
            "  gl-issue batch --colours-from-declarations declarations.csv -o codes.jsonl",
            "",
            "  people.csv:",
            "    document_type,number,colour,validity",
            "    CNID,11010519491231002X,green,",
            "    PP-FRA,\"18AV12345\",red,12h",
            "",
            "  declarations.csv:",
            "    document_type,number,temperature,symptoms,case,isolation",
            "    CNID,11010519491231002X,38.1,dry-cough sore-throat,,",
            "    PP-FRA,18AV12345,36.6,,close-contact,"})
@ExitCodes({ExitCode.OK, ExitCode.SOME_FAILED, ExitCode.NOT_CONFIGURED, ExitCode.ALREADY_EXISTS, ExitCode.KEY_ERROR, ExitCode.IO_ERROR, ExitCode.INVALID_INPUT})
final class BatchCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "INPUT", description = "The rows: a .csv, .jsonl/.ndjson file, or - for stdin.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the records to FILE (default, or -: stdout).")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Of INPUT: csv or jsonl (default: by INPUT's extension, .jsonl/.ndjson/.json = jsonl, else csv).")
    String format;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "jsonl or csv (default: csv if FILE ends in .csv, else jsonl).")
    String outputFormat;

    @Option(names = "--delimiter", paramLabel = "CHAR", converter = CsvDelimiter.class,
            description = "The CSV delimiter of the input and the output: one character, '\\t' or tab for a tab (default: ',').")
    Character delimiter;

    @Option(names = "--colours-from-declarations",
            description = "Each row is a health declaration; the colour rules of the home's policy give the colour (see above).")
    boolean fromDeclarations;

    @Option(names = "--png-dir", paramLabel = "DIR", description = "Also write each code's QR as DIR/ROW-SERIAL.png.")
    Path pngDirectory;

    @Option(names = "--scale", paramLabel = "PIXELS", defaultValue = "" + QrImages.DEFAULT_PIXELS_PER_MODULE,
            description = "Pixels per QR module in the PNGs (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--chunk-rows", paramLabel = "N", hidden = true, defaultValue = "" + BatchRunner.DEFAULT_CHUNK_ROWS,
            description = "Rows handed to a worker at a time.")
    int chunkRows;

    @Mixin
    ProgressOption progressOption;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Mixin
    HomeOption home;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    PinOptions pin;

    @Override
    protected ExitCode run() {
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1 || workers > 1024 || chunkRows < 1) {
            throw new CliException(ExitCode.USAGE, "--threads must be from 1 to 1024");
        }
        if (scale < 1 || scale > 100) {
            throw new CliException(ExitCode.USAGE, "--scale must be from 1 to 100, not " + scale);
        }
        boolean fromStdin = input.equals("-");
        passphrase.requireStdinFree(fromStdin, "the input -");
        Path inputPath = fromStdin ? null : env().resolve(Path.of(input));
        RecordFormat inputFormat = format != null ? parseFormat("--format", format)
                : fromStdin ? RecordFormat.CSV : RecordFormat.byFileName(input, RecordFormat.CSV);
        boolean toStdout = output == null || AtomicOutput.isStandardStream(output);
        RecordFormat recordFormat = outputFormat != null ? parseFormat("--output-format", outputFormat)
                : toStdout ? RecordFormat.JSONL : RecordFormat.byFileName(output.toString(), RecordFormat.JSONL);
        if (delimiter != null && inputFormat != RecordFormat.CSV && recordFormat != RecordFormat.CSV) {
            throw new CliException(ExitCode.USAGE, "--delimiter is for CSV, and neither the input nor the output is CSV");
        }
        char separator = delimiter != null ? delimiter : CsvDelimiter.DEFAULT;
        if (fromDeclarations && pngDirectory != null) {
            throw new CliException(ExitCode.USAGE, "--png-dir is not available with --colours-from-declarations");
        }
        RecordOutput records = RecordOutput.of(recordFormat, separator,
                fromDeclarations ? BatchRunner.DECLARATION_OUTPUT_FIELDS : BatchRunner.OUTPUT_FIELDS);
        Path outputPath = toStdout ? null : env().resolve(output);
        if (outputPath != null && Files.exists(outputPath) && !force) {
            throw new CliException(ExitCode.ALREADY_EXISTS, "Refusing to overwrite " + outputPath + " (use --force)");
        }
        if (inputPath != null && !Files.isReadable(inputPath)) {
            throw new CliException(ExitCode.IO_ERROR, "Cannot read the input " + inputPath);
        }
        IssuerHome issuerHome = IssuerHome.open(home.locate(env()));
        Issuer issuer = issuerHome.issuer(env().clock(), passphrase.source(env(), pin));
        Path pngs = pngDirectory == null ? null : env().resolve(AtomicOutput.requireDirectoryName(pngDirectory, "--png-dir"));
        try {
            if (pngs != null) {
                Files.createDirectories(pngs);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Cannot create " + pngs + ": " + e, e);
        }
        BatchRunner plain = new BatchRunner(issuer, Validity::parse, workers, chunkRows, pngs,
                (modules, out) -> QrImages.writePng(modules, scale, out));
        BatchRunner runner = fromDeclarations ? coloursFromDeclarations(plain, issuerHome.policy()) : plain;

        long totalBytes;
        try {
            totalBytes = inputPath == null ? -1 : Files.size(inputPath);
        } catch (IOException e) {
            totalBytes = -1;
        }
        Progress progress = progressOption.open(err(), env().terminal(), "rows", totalBytes);
        long start = System.nanoTime();
        BatchSummary summary;
        try (InputStream in = inputPath == null ? env().stdin() : Files.newInputStream(inputPath)) {
            Batch batch = (target, listener) -> runner.run(in, inputFormat, separator, records, target, listener);
            summary = outputPath == null ? toStdout(batch, progress) : toFile(batch, outputPath, progress);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCode.IO_ERROR, "No such file: " + e.getFile(), e);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Batch failed, no output written: " + e, e);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, e.getMessage() + "; no output written", e);
        } finally {
            progress.finish();
        }
        if (!progressOption.quiet()) {
            err().printf("rows: %d, issued: %d, failed: %d; %s (%d threads, key %s)%s%n",
                    summary.rows(), summary.issued(), summary.failed(),
                    Progress.throughput(summary.issued(), "codes", System.nanoTime() - start), workers,
                    issuer.keyId(), outputPath != null ? "; output " + outputPath : "");
        }
        return summary.failed() > 0 ? ExitCode.SOME_FAILED : ExitCode.OK;
    }

    private BatchRunner coloursFromDeclarations(BatchRunner runner, Policy policy) {
        return runner.withColoursFromDeclarations(new ColourRules(policy), LocalDate.ofInstant(env().clock().instant(), policy.zone()));
    }

    private static RecordFormat parseFormat(String option, String name) {
        try {
            return RecordFormat.parse(name);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, option + " must be csv or jsonl, not '" + name + "'");
        }
    }

    /** One run of the batch, to the given output. */
    @FunctionalInterface
    private interface Batch {
        BatchSummary run(OutputStream out, Progress progress) throws IOException;
    }

    private BatchSummary toStdout(Batch batch, Progress progress) throws IOException {
        Writer writer = out();
        OutputStream bytes = new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException("the batch writes whole chunks");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writer.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }
        };
        return batch.run(bytes, progress);
    }

    /** Through {@link AtomicOutput}: a killed or failed batch leaves no complete-looking file. */
    private BatchSummary toFile(Batch batch, Path target, Progress progress) throws IOException {
        // Owner only (0600): the records carry identity hashes, which are personal data.
        try (AtomicOutput output = AtomicOutput.open(target, force, true)) {
            BatchSummary summary = batch.run(output.stream(), progress);
            output.commit();
            return summary;
        }
    }
}
