package dev.greenlight.issuer.batch;

import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.InvalidIdentityException;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.qr.QrCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a worker does with one record: decode, parse, validate, issue, and make the output
 * record, ISSUED or INPUT_ERROR, never an exception. Thread-safe; the issuer is shared.
 */
final class RowProcessor implements RecordProcessor {

    private final Issuer issuer;
    private final RowParser parser;
    private final Function<String, Duration> validityParser;
    private final Path pngDirectory;
    private final BatchRunner.PngWriter pngWriter;

    RowProcessor(Issuer issuer, RowParser parser, Function<String, Duration> validityParser, Path pngDirectory,
                 BatchRunner.PngWriter pngWriter) {
        this.issuer = issuer;
        this.parser = parser;
        this.validityParser = validityParser;
        this.pngDirectory = pngDirectory;
        this.pngWriter = pngWriter;
    }

    /** The one output record of an input record. */
    @Override
    public Record process(InputRecord record) {
        if (record.problem() != null) {
            return error(record, record.problem());
        }
        try {
            Row row = parser.parse(decode(record.bytes()), record.line());
            IssuedCode code;
            String png;
            try {
                code = issue(row, record.line());
                png = pngDirectory == null ? null : writePng(record, code);
            } catch (RowError.RowException e) {
                throw e.forId(row.id());
            }
            return Record.builder(Verdict.ISSUED).message("issued").line(record.line()).row(record.row()).id(row.id())
                    .claims(code.claims()).code(code.text()).png(png).build();
        } catch (RowError.RowException e) {
            return error(record, e.error());
        } catch (RuntimeException e) {
            // A bug, but one row's bug: the others still get their codes, and this row its record.
            return error(record, new RowError(InputProblem.INTERNAL_ERROR, "internal error: " + e));
        }
    }

    static Record error(InputRecord record, RowError error) {
        return Record.inputError(error.problem(), error.message()).line(record.line()).row(record.row()).id(error.id()).build();
    }

    private IssuedCode issue(Row row, long line) throws RowError.RowException {
        Identity identity;
        try {
            identity = Identity.of(row.documentType(), row.number());
        } catch (InvalidIdentityException e) {
            throw new RowError.RowException(InputProblem.INVALID_IDENTITY, where(line, Column.DOCUMENT_TYPE.canonicalName() + " and " + Column.NUMBER.canonicalName()) + e.getMessage());
        }
        Colour colour;
        try {
            colour = Colour.parse(row.colour());
        } catch (IllegalArgumentException e) {
            throw new RowError.RowException(InputProblem.UNKNOWN_COLOUR, where(line, Column.COLOUR.canonicalName()) + e.getMessage());
        }
        if (row.validity() == null) {
            return issuer.issue(identity, colour);
        }
        Duration validity;
        try {
            validity = validityParser.apply(row.validity());
        } catch (IllegalArgumentException e) {
            throw new RowError.RowException(InputProblem.BAD_VALIDITY, where(line, Column.VALIDITY.canonicalName()) + e.getMessage());
        }
        return issuer.issue(identity, colour, validity);
    }

    /** Where in the input a cell's problem is: its line and column, as CSV reader errors say it. */
    private static String where(long line, String columns) {
        return "line " + line + ", column " + columns + ": ";
    }

    private String writePng(InputRecord record, IssuedCode code) throws RowError.RowException {
        String name = record.row() + "-" + code.claims().serial() + ".png";
        try (OutputStream out = Files.newOutputStream(pngDirectory.resolve(name), StandardOpenOption.CREATE_NEW)) {
            pngWriter.write(QrCodes.encode(code.text()), out);
            return name;
        } catch (IOException e) {
            throw new RowError.RowException(InputProblem.OUTPUT_FAILED, "cannot write " + name + ": " + e);
        }
    }

    static String decode(byte[] bytes) throws RowError.RowException {
        // A decoder per call: decoders keep state and are not thread-safe, and creating one is cheap.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RowError.RowException(InputProblem.NOT_UTF8, "the row is not valid UTF-8");
        }
    }
}
