package dev.greenlight.issuer.batch;

import dev.greenlight.cli.Progress;
import dev.greenlight.cli.records.Field;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordOutput;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.qr.QrMatrix;
import dev.greenlight.rules.ColourRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Issues one code per input row, on all cores, writing output records in input order.
 *
 * <p>One thread (the caller's) reads records and cuts them into chunks; a pool of workers turns
 * each chunk into output records ({@code specs/records.md}), JSON Lines or CSV; the caller writes
 * finished chunks in the order it submitted them.
 * At most {@code 4 x threads} chunks are in flight, so memory stays bounded whatever the input
 * size, and a slow output throttles the reading.
 */
public final class BatchRunner {

    /** Large enough that handing chunks between threads costs nothing next to signing. */
    public static final int DEFAULT_CHUNK_ROWS = 256;

    private final Issuer issuer;
    private final Function<String, Duration> validityParser;
    private final int threads;
    private final int chunkRows;
    private final Path pngDirectory;
    private final PngWriter pngWriter;
    /** Null unless colours come from declarations. */
    private final ColourRules rules;
    private final LocalDate today;

    /** Writes a QR as PNG: supplied by the CLI, which owns image support. */
    @FunctionalInterface
    public interface PngWriter {
        void write(QrMatrix modules, OutputStream out) throws IOException;
    }

    /**
     * @param validityParser turns a row's validity text into a duration, or throws
     *                       {@link IllegalArgumentException} with a reason
     * @param pngDirectory   where to write one PNG per code, or null for none
     */
    public BatchRunner(Issuer issuer, Function<String, Duration> validityParser, int threads, int chunkRows,
                       Path pngDirectory, PngWriter pngWriter) {
        if (threads < 1 || chunkRows < 1) {
            throw new IllegalArgumentException("threads and chunkRows must be positive");
        }
        if (pngDirectory != null) {
            Objects.requireNonNull(pngWriter, "pngWriter");
        }
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.validityParser = Objects.requireNonNull(validityParser, "validityParser");
        this.threads = threads;
        this.chunkRows = chunkRows;
        this.pngDirectory = pngDirectory;
        this.pngWriter = pngWriter;
        this.rules = null;
        this.today = null;
    }

    private BatchRunner(BatchRunner runner, ColourRules rules, LocalDate today) {
        this.issuer = runner.issuer;
        this.validityParser = runner.validityParser;
        this.threads = runner.threads;
        this.chunkRows = runner.chunkRows;
        this.pngDirectory = runner.pngDirectory;
        this.pngWriter = runner.pngWriter;
        this.rules = Objects.requireNonNull(rules, "rules");
        this.today = Objects.requireNonNull(today, "today");
    }

    /**
     * The same batch with colours from declarations: each row is a health declaration
     * ({@link DeclarationColumn}), assessed by {@code rules} on {@code today}; the output records
     * have {@link #DECLARATION_OUTPUT_FIELDS}.
     *
     * @throws IllegalStateException if this batch writes PNGs: this mode does not
     *
     * @param today the day of the assessment, in the policy's zone
     */
    public BatchRunner withColoursFromDeclarations(ColourRules rules, LocalDate today) {
        if (pngDirectory != null) {
            throw new IllegalStateException("PNGs are not written when colours come from declarations");
        }
        return new BatchRunner(this, rules, today);
    }

    /** The fields of a batch's output records: the CSV columns. */
    public static final List<Field> OUTPUT_FIELDS = List.of(Field.SCHEMA, Field.LINE, Field.ROW, Field.ID, Field.VERDICT,
            Field.REASON, Field.MESSAGE, Field.COLOUR, Field.KEY_ID, Field.SERIAL, Field.IDENTITY_HASH, Field.ISSUED_AT,
            Field.EXPIRES_AT, Field.CODE, Field.PNG);

    /** The fields of a batch's output records when colours come from declarations: also the rules that gave them. */
    public static final List<Field> DECLARATION_OUTPUT_FIELDS = List.of(Field.SCHEMA, Field.LINE, Field.ROW, Field.ID,
            Field.VERDICT, Field.REASON, Field.MESSAGE, Field.COLOUR, Field.RULES, Field.KEY_ID, Field.SERIAL, Field.IDENTITY_HASH,
            Field.ISSUED_AT, Field.EXPIRES_AT, Field.CODE);

    /**
     * @param format         of the input
     * @param inputDelimiter of CSV input
     * @param output         how to write the records: made with {@link #OUTPUT_FIELDS}, or
     *                       {@link #DECLARATION_OUTPUT_FIELDS} with colours from declarations
     * @throws IllegalArgumentException if the input as a whole is unusable (a CSV without a valid header)
     * @throws IOException              if reading or writing fails
     */
    public BatchSummary run(InputStream in, RecordFormat format, char inputDelimiter, RecordOutput output,
                            OutputStream out, Progress progress) throws IOException {
        RecordReader reader = new RecordReader(in, format == RecordFormat.CSV);
        RecordProcessor processor;
        if (rules == null) {
            RowParser parser = format == RecordFormat.CSV
                    ? CsvRowParser.fromHeader(csvHeader(reader, Column.NAMES_HELP), reader.headerLine(), inputDelimiter)
                    : new JsonRowParser();
            processor = new RowProcessor(issuer, parser, validityParser, pngDirectory, pngWriter);
        } else {
            DeclarationRowParser parser = format == RecordFormat.CSV
                    ? DeclarationRowParser.csv(csvHeader(reader, DeclarationColumn.NAMES_HELP), reader.headerLine(), inputDelimiter)
                    : DeclarationRowParser.json();
            processor = new DeclarationProcessor(issuer, parser, validityParser, rules, today);
        }
        out.write(output.header().getBytes(StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "gl-batch-worker");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<ChunkResult>> inFlight = new ArrayDeque<>();
        int maxInFlight = 4 * threads;
        long[] totals = new long[3];
        try {
            List<InputRecord> chunk = new ArrayList<>(chunkRows);
            InputRecord record;
            while ((record = reader.next()) != null) {
                chunk.add(record);
                if (chunk.size() == chunkRows) {
                    inFlight.add(submit(pool, processor, output, chunk));
                    chunk = new ArrayList<>(chunkRows);
                    while (inFlight.size() >= maxInFlight) {
                        writeNext(inFlight, out, totals, progress, reader);
                    }
                }
            }
            if (!chunk.isEmpty()) {
                inFlight.add(submit(pool, processor, output, chunk));
            }
            while (!inFlight.isEmpty()) {
                writeNext(inFlight, out, totals, progress, reader);
            }
            out.flush();
            return new BatchSummary(totals[0], totals[1], totals[2]);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The CSV header's text; {@link RecordReader#headerLine()} is then its line. */
    private static String csvHeader(RecordReader reader, String columnsHelp) throws IOException {
        InputRecord header = reader.nextHeader();
        if (header == null) {
            throw new IllegalArgumentException("The CSV input is empty: it needs a header line naming the columns " + columnsHelp);
        }
        if (header.problem() != null) {
            throw new IllegalArgumentException("The CSV header is unusable: " + header.problem().message());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(header.bytes())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The CSV header is not valid UTF-8");
        }
    }

    private static Future<ChunkResult> submit(ExecutorService pool, RecordProcessor processor, RecordOutput output,
                                              List<InputRecord> chunk) {
        return pool.submit(() -> {
            List<Record> records = new ArrayList<>(chunk.size());
            int issued = 0;
            for (InputRecord record : chunk) {
                Record done = processor.process(record);
                records.add(done);
                if (done.verdict() == Verdict.ISSUED) {
                    issued++;
                }
            }
            return new ChunkResult(output.format(records).getBytes(StandardCharsets.UTF_8), chunk.size(), issued);
        });
    }

    private static void writeNext(ArrayDeque<Future<ChunkResult>> inFlight, OutputStream out, long[] totals,
                                  Progress progress, RecordReader reader) throws IOException {
        ChunkResult result;
        try {
            result = inFlight.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the workers", e);
        } catch (ExecutionException e) {
            // Rows never throw (they become error records): this is a bug, let it surface as one.
            throw new IllegalStateException("A batch worker failed", e.getCause());
        }
        out.write(result.output());
        totals[0] += result.rows();
        totals[1] += result.issued();
        totals[2] += result.rows() - result.issued();
        progress.update(totals[0], reader.bytesConsumed());
    }

    private record ChunkResult(byte[] output, int rows, int issued) {
    }
}
