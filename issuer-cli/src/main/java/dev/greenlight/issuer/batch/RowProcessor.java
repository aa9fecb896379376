package dev.greenlight.issuer.batch;

import dev.greenlight.codec.CodeClaims;
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
import java.util.Locale;
import java.util.function.Function;

/**
 * What a worker does with one record: decode, parse, validate, issue, and format the output
 * record, a code or an error, never an exception. Thread-safe; the issuer is shared.
 */
final class RowProcessor {

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

    /** Appends one JSON line to {@code out}; returns whether a code was issued. */
    boolean process(InputRecord record, StringBuilder out) {
        if (record.problem() != null) {
            appendError(record, record.problem(), out);
            return false;
        }
        try {
            Row row = parser.parse(decode(record.bytes()));
            IssuedCode code = issue(row);
            String png = pngDirectory == null ? null : writePng(record, code);
            appendCode(record, code, png, out);
            return true;
        } catch (RowError.RowException e) {
            appendError(record, e.error(), out);
            return false;
        } catch (RuntimeException e) {
            // A bug, but one row's bug: the others still get their codes, and this row its record.
            appendError(record, new RowError(RowError.Kind.INTERNAL_ERROR, "internal error: " + e), out);
            return false;
        }
    }

    private IssuedCode issue(Row row) throws RowError.RowException {
        Identity identity;
        try {
            identity = Identity.of(row.documentType(), row.number());
        } catch (InvalidIdentityException e) {
            throw new RowError.RowException(RowError.Kind.INVALID_IDENTITY, e.getMessage());
        }
        Colour colour;
        try {
            colour = Colour.parse(row.colour());
        } catch (IllegalArgumentException e) {
            throw new RowError.RowException(RowError.Kind.UNKNOWN_COLOUR, e.getMessage());
        }
        if (row.validity() == null) {
            return issuer.issue(identity, colour);
        }
        Duration validity;
        try {
            validity = validityParser.apply(row.validity());
        } catch (IllegalArgumentException e) {
            throw new RowError.RowException(RowError.Kind.BAD_VALIDITY, e.getMessage());
        }
        return issuer.issue(identity, colour, validity);
    }

    private String writePng(InputRecord record, IssuedCode code) throws RowError.RowException {
        String name = record.row() + "-" + code.claims().serial() + ".png";
        try (OutputStream out = Files.newOutputStream(pngDirectory.resolve(name), StandardOpenOption.CREATE_NEW)) {
            pngWriter.write(QrCodes.encode(code.text()), out);
            return name;
        } catch (IOException e) {
            throw new RowError.RowException(RowError.Kind.OUTPUT_FAILED, "cannot write " + name + ": " + e);
        }
    }

    private static String decode(byte[] bytes) throws RowError.RowException {
        // A decoder per call: decoders keep state and are not thread-safe, and creating one is cheap.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RowError.RowException(RowError.Kind.BAD_ENCODING, "the row is not valid UTF-8");
        }
    }

    private static void appendCode(InputRecord record, IssuedCode code, String png, StringBuilder out) {
        CodeClaims claims = code.claims();
        out.append("{\"row\":").append(record.row())
                .append(",\"line\":").append(record.line())
                .append(",\"status\":\"ok\",\"serial\":\"").append(claims.serial())
                .append("\",\"key_id\":\"").append(claims.keyId())
                .append("\",\"identity_hash\":\"").append(claims.identityHash())
                .append("\",\"colour\":\"").append(claims.colour().name().toLowerCase(Locale.ROOT))
                .append("\",\"issued_at\":\"").append(claims.issuedAt())
                .append("\",\"expires_at\":\"").append(claims.expiresAt())
                .append("\",\"code\":");
        // Base45 has no quote or backslash, but escaping costs little and keeps the JSON right whatever the text.
        Json.appendString(code.text(), out);
        if (png != null) {
            out.append(",\"png\":");
            Json.appendString(png, out);
        }
        out.append("}\n");
    }

    private static void appendError(InputRecord record, RowError error, StringBuilder out) {
        out.append("{\"row\":").append(record.row())
                .append(",\"line\":").append(record.line())
                .append(",\"status\":\"error\",\"error\":\"").append(error.kind().jsonName())
                .append("\",\"reason\":");
        Json.appendString(error.reason(), out);
        out.append("}\n");
    }
}
