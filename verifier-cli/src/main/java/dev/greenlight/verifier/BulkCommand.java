package dev.greenlight.verifier;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.LineReader;
import dev.greenlight.cli.Progress;
import dev.greenlight.cli.ProgressOption;
import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.records.CsvDelimiter;
import dev.greenlight.cli.records.Field;
import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordFormatConverter;
import dev.greenlight.cli.records.RecordOutput;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Verifies many codes: lines of a text file or stdin, or the images in a directory. Every input
 * record yields exactly one output record, in input order, whatever is wrong with it.
 */
@Command(name = "bulk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Verify many codes, one output record per input record, in input order, on all cores.",
            "INPUT is a text file with one code per line, '-' for stdin, or a directory of PNG/JPEG images "
                + "(every regular file in it, in name order; subdirectories are skipped).",
            "Records (specs/records.md): JSON Lines or CSV with the schema version, the line number (or file name), "
                + "verdict (VALID, REJECTED, INPUT_ERROR), reason (a code), message, and the colour, key id, serial, "
                + "identity hash, issue and expiry times of a code whose signature checked out (also when it expired).",
            "Progress goes to stderr when it is a terminal (see --progress); a summary goes to stderr at the end."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-verify bulk --trust keys/ scans-2026-03-01.txt -o audit.jsonl --now 2026-03-01T18:00:00Z",
            "  gl-verify bulk --format csv --delimiter ';' photos/ > photos.csv"})
@ExitCodes({ExitCode.OK, ExitCode.SOME_FAILED, ExitCode.IO_ERROR, ExitCode.ALREADY_EXISTS, ExitCode.INVALID_INPUT, ExitCode.KEY_ERROR, ExitCode.NOT_CONFIGURED})
final class BulkCommand extends VerifierCommand {

    @Mixin
    private TrustOptions trust;

    @Mixin
    private TimeOptions time;

    @Parameters(index = "0", paramLabel = "INPUT", description = "A text file of codes, '-' for stdin, or a directory of images.")
    private String input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            converter = RecordFormatConverter.class, completionCandidates = RecordFormatConverter.Names.class)
    private RecordFormat format;

    @Option(names = "--delimiter", paramLabel = "CHAR", converter = CsvDelimiter.class,
            description = "The CSV delimiter: one character, '\\t' or tab for a tab (default: ',').")
    private Character delimiter;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write records here (via a temporary file renamed at the end; created 0600: records hold "
                    + "identity hashes) instead of stdout; - is stdout. An existing FILE needs --force.")
    private Path output;

    @Option(names = "--force", description = "Replace the --output FILE if it exists.")
    private boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    private Integer threads;

    @Option(names = "--max-line-bytes", paramLabel = "BYTES", defaultValue = "4096",
            description = "Longer lines become one LINE_TOO_LONG record; the rest of such a line is read and "
                    + "discarded, not kept in memory (default: ${DEFAULT-VALUE}).")
    private int maxLineBytes;

    @Mixin
    private ProgressOption progressOption;

    @Option(names = "--batch-size", hidden = true, defaultValue = "512")
    private int batchSize;

    /** A batch of formatted records and their counts, produced by a worker. */
    private record Batch(String text, Summary summary) {
    }

    @Override
    protected ExitCode run() {
        if (maxLineBytes < 1 || batchSize < 1 || (threads != null && threads < 1)) {
            throw new CliException(ExitCode.USAGE, "--max-line-bytes, --batch-size and --threads must be positive");
        }
        if (delimiter != null && format != RecordFormat.CSV) {
            throw new CliException(ExitCode.USAGE, "--delimiter is for --format csv");
        }
        trust.requireStdinFree(context(), input.equals("-"), "bulk -");
        java.time.Clock clock = time.clock(context());
        Verifier verifier = trust.verifier(context(), clock);
        TrustOptions.showTrustList(trust.trustListSummary(clock), progressOption.quiet(), err());
        Path path = input.equals("-") ? null : Path.of(input);
        if (path != null && !Files.exists(path)) {
            throw new CliException(ExitCode.IO_ERROR, "input " + input + " does not exist");
        }
        boolean images = path != null && Files.isDirectory(path);
        RecordOutput records = RecordOutput.of(format, delimiter != null ? delimiter : CsvDelimiter.DEFAULT,
                Field.VERIFICATION, images ? Field.FILE : Field.LINE);
        int workers = threads != null ? threads : context().threads();
        long start = System.nanoTime();
        Summary summary = new Summary();
        Path target = output == null || AtomicOutput.isStandardStream(output) ? null : output;
        AtomicOutput file = openOutput(target, force);
        Writer out = file == null ? out() : new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
        Progress progress = Progress.NONE;
        try {
            writeRaw(out, records.header());
            if (images) {
                List<Path> files = imagesIn(path);
                progress = progressOption.open(err(), context().terminal(), "records", files.size());
                verifyImages(verifier, files, records, out, summary, progress, pool, workers);
            } else {
                long totalBytes = path != null ? Files.size(path) : -1;
                progress = progressOption.open(err(), context().terminal(), "records", totalBytes);
                verifyLines(verifier, path, records, out, summary, progress, pool, workers);
            }
            out.flush();
            if (file != null) {
                file.commit();
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot write " + (target != null ? target : "stdout") + ": " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
            progress.finish();
            closeQuietly(file);
        }
        if (file == null && out instanceof PrintWriter printer && printer.checkError()) {
            throw new CliException(ExitCode.IO_ERROR, "cannot write stdout");
        }
        if (!progressOption.quiet()) {
            err().print("bulk: " + summary.render(System.nanoTime() - start));
            err().flush();
        }
        return summary.allValid() ? ExitCode.OK : ExitCode.SOME_FAILED;
    }

    /**
     * One outcome per line, in order. The readable lines go to {@link Verifier#verifyAll} together,
     * which shares the signature checks' inversions across the batch.
     */
    private static List<Outcome> verifyBatch(Verifier verifier, List<LineReader.Line> lines, int cap) {
        Outcome[] outcomes = new Outcome[lines.size()];
        List<String> texts = new ArrayList<>(lines.size());
        int[] textLine = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            CodeTexts.LineText read = CodeTexts.readLine(lines.get(i), cap);
            if (read.failure() != null) {
                outcomes[i] = read.failure();
            } else {
                textLine[texts.size()] = i;
                texts.add(read.text());
            }
        }
        try {
            List<VerificationResult> results = verifier.verifyAll(texts);
            for (int t = 0; t < texts.size(); t++) {
                outcomes[textLine[t]] = Outcome.of(results.get(t));
            }
        } catch (RuntimeException e) {
            // A bug must cost its own batch a record per line, never the run or a missing record.
            for (int t = 0; t < texts.size(); t++) {
                outcomes[textLine[t]] = Outcome.unreadable(InputProblem.INTERNAL_ERROR, "internal error: " + e);
            }
        }
        return Arrays.asList(outcomes);
    }

    private void verifyLines(Verifier verifier, Path path, RecordOutput records, Writer out, Summary summary,
                             Progress progress, ExecutorService pool, int workers) throws IOException {
        int cap = maxLineBytes;
        InputStream in;
        try {
            in = path != null ? Files.newInputStream(path) : context().stdin();
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read " + path + ": " + e.getMessage(), e);
        }
        LineReader reader = new LineReader(in, cap);
        OrderedBatches<LineReader.Line, Batch> batches = new OrderedBatches<>(pool, 4 * workers,
                lines -> {
                    Summary counts = new Summary();
                    List<Outcome> outcomes = verifyBatch(verifier, lines, cap);
                    List<Record> done = new ArrayList<>(lines.size());
                    for (int i = 0; i < lines.size(); i++) {
                        done.add(outcomes.get(i).record().line(lines.get(i).number()).build());
                        counts.add(outcomes.get(i));
                    }
                    return new Batch(records.format(done), counts);
                },
                batch -> {
                    writeRaw(out, batch.text());
                    summary.addAll(batch.summary());
                    progress.update(summary.total(), reader.bytesRead());
                });
        try {
            List<LineReader.Line> batch = new ArrayList<>(batchSize);
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                batch.add(line);
                if (batch.size() == batchSize) {
                    batches.submit(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                batches.submit(batch);
            }
            batches.finish();
        } catch (IOException e) {
            batches.finish();
            throw new CliException(ExitCode.IO_ERROR, "reading " + (path != null ? path : "stdin") + " failed after "
                    + summary.total() + " records: " + e.getMessage(), e);
        } finally {
            if (path != null) {
                in.close();
            }
        }
    }

    /** The files of an image directory, in name order, so that the output does not depend on the file system. */
    private List<Path> imagesIn(Path directory) {
        List<Path> files = new ArrayList<>();
        int skipped = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    skipped++;
                } else {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot list " + directory + ": " + e.getMessage(), e);
        }
        files.sort(null);
        if (skipped > 0 && !progressOption.quiet()) {
            err().println("bulk: skipping " + skipped + " subdirector" + (skipped == 1 ? "y" : "ies") + " of " + Terminal.safe(directory.toString()));
        }
        return files;
    }

    private void verifyImages(Verifier verifier, List<Path> files, RecordOutput records, Writer out, Summary summary,
                              Progress progress, ExecutorService pool, int workers) {
        OrderedBatches<Path, Batch> batches = new OrderedBatches<>(pool, 2 * workers,
                paths -> {
                    Summary counts = new Summary();
                    List<Record> done = new ArrayList<>(paths.size());
                    for (Path file : paths) {
                        Outcome outcome;
                        try {
                            QrImageDecoder.Read read = QrImageDecoder.read(file);
                            outcome = read.text() != null ? Outcome.of(verifier.verify(read.text())) : read.failure();
                        } catch (RuntimeException e) {
                            outcome = Outcome.unreadable(InputProblem.INTERNAL_ERROR, "internal error: " + e);
                        }
                        done.add(outcome.record().file(file.getFileName().toString()).build());
                        counts.add(outcome);
                    }
                    return new Batch(records.format(done), counts);
                },
                batch -> {
                    writeRaw(out, batch.text());
                    summary.addAll(batch.summary());
                    progress.update(summary.total(), summary.total());
                });
        for (Path file : files) {
            // Images are slow and large: one per task keeps the cores busy and memory bounded.
            batches.submit(List.of(file));
        }
        batches.finish();
    }

    /** Null for stdout. Replaces an existing file only with --force, and only once the run is complete. */
    private static AtomicOutput openOutput(Path target, boolean force) {
        if (target == null) {
            return null;
        }
        try {
            return AtomicOutput.open(target, force, true);
        } catch (FileAlreadyExistsException e) {
            throw new CliException(ExitCode.ALREADY_EXISTS, "refusing to overwrite " + target + " (use --force)", e);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Without a commit, the temporary file goes and the target is as it was. */
    private void closeQuietly(AtomicOutput file) {
        if (file == null) {
            out().flush();
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            err().println("bulk: cannot remove a temporary file: " + Terminal.safe(e.getMessage()));
        }
    }

    private static void writeRaw(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot write output: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot write output: " + e.getCause().getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gl-verify-" + count.incrementAndGet());
            // Daemon: a failure in the reading thread must not leave the JVM waiting on idle workers.
            thread.setDaemon(true);
            return thread;
        };
    }
}
