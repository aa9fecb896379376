package dev.greenlight.verifier;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.LineReader;
import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.records.CsvDelimiter;
import dev.greenlight.cli.records.Field;
import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordOutput;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.CodeClaims;
import dev.greenlight.codec.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Verifies one code, given as text, on stdin, or as a photo of its QR. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Verify one code: the text as an argument, '-' or nothing to read it from stdin, "
                + "or --image for a PNG or JPEG photo of the QR code.",
            "Quote the code on the command line: it may contain spaces, even at its end."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-verify verify --trust issuer.jwks 'GL1:...'",
            "  gl-issue issue ... | gl-verify verify --json -",
            "  gl-verify verify --image photo.jpg --now 2026-03-01T08:00:00Z"})
@ExitCodes({ExitCode.OK, ExitCode.SOME_FAILED, ExitCode.IO_ERROR, ExitCode.INVALID_INPUT, ExitCode.KEY_ERROR, ExitCode.NOT_CONFIGURED})
final class VerifyCommand extends VerifierCommand {

    /** Far more than any code; bounds what a mistaken pipe (a disk image) can cost. */
    static final int MAX_STDIN_BYTES = 64 * 1024;

    private static final RecordOutput RECORDS = RecordOutput.of(RecordFormat.JSONL, CsvDelimiter.DEFAULT, Field.VERIFICATION);

    @Mixin
    private TrustOptions trust;

    @Mixin
    private TimeOptions time;

    static final class Source {
        @Parameters(index = "0", arity = "0..1", paramLabel = "CODE", description = "The code text, or '-' for stdin (the default).")
        String code;

        @Option(names = "--image", paramLabel = "FILE", description = "A PNG or JPEG image of the QR code; - reads it from stdin.")
        Path image;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Source source;

    @Option(names = "--json", description = "Print one JSON object instead of text: a record of specs/records.md.")
    private boolean json;

    @Override
    protected ExitCode run() {
        boolean imageFromStdin = source != null && AtomicOutput.isStandardStream(source.image);
        boolean textFromStdin = source == null || (source.image == null && (source.code == null || source.code.equals("-")));
        trust.requireStdinFree(context(), imageFromStdin || textFromStdin, imageFromStdin ? "--image -" : "a code from stdin");
        java.time.Clock clock = time.clock(context());
        Verifier verifier = trust.verifier(context(), clock);
        TrustOptions.showTrustList(trust.trustListSummary(clock), false, err());
        Outcome outcome;
        if (source != null && source.image != null) {
            QrImageDecoder.Read read = AtomicOutput.isStandardStream(source.image) ? readImageFromStdin()
                    : QrImageDecoder.read(source.image);
            outcome = read.text() != null ? Outcome.of(verifier.verify(read.text())) : read.failure();
        } else if (source == null || source.code == null || source.code.equals("-")) {
            outcome = verifyStdin(verifier);
        } else {
            outcome = Outcome.of(verifier.verify(source.code));
        }
        print(outcome);
        if (outcome.isValid()) {
            return ExitCode.OK;
        }
        return outcome.verdict() == Verdict.INPUT_ERROR ? ExitCode.IO_ERROR : ExitCode.SOME_FAILED;
    }

    /**
     * The image on stdin, through a private temporary file, so that it is read exactly as a file
     * would be, within the same caps.
     */
    private QrImageDecoder.Read readImageFromStdin() {
        Path temporary = null;
        try {
            byte[] bytes = context().stdin().readNBytes((int) QrImageDecoder.MAX_FILE_BYTES + 1);
            if (bytes.length > QrImageDecoder.MAX_FILE_BYTES) {
                return new QrImageDecoder.Read(null, Outcome.unreadable(InputProblem.IMAGE_TOO_LARGE,
                        "the image on stdin is larger than the " + QrImageDecoder.MAX_FILE_BYTES + " bytes accepted"));
            }
            temporary = Files.createTempFile("gl-verify-stdin-", ".image");
            Files.write(temporary, bytes);
            return QrImageDecoder.read(temporary);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read the image from stdin: " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    err().println("gl-verify verify: cannot delete " + temporary + ": " + Terminal.safe(e.getMessage()));
                }
            }
        }
    }

    private Outcome verifyStdin(Verifier verifier) {
        LineReader.Line line;
        try {
            line = new LineReader(context().stdin(), MAX_STDIN_BYTES).next();
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read stdin: " + e.getMessage(), e);
        }
        if (line == null) {
            return Outcome.unreadable(InputProblem.EMPTY_LINE, "no code on stdin");
        }
        return CodeTexts.verifyLine(verifier, line, MAX_STDIN_BYTES);
    }

    private void print(Outcome outcome) {
        PrintWriter out = out();
        if (json) {
            out.print(RECORDS.format(outcome.record().build()));
            out.flush();
            return;
        }
        Ansi ansi = new Ansi(context().colourOnStdout());
        if (outcome.isValid()) {
            CodeClaims claims = outcome.code().claims();
            out.println(ansi.colour(claims.colour(), "VALID  " + claims.colour()));
            out.println("  issued at      " + claims.issuedAt());
            out.println("  expires at     " + claims.expiresAt());
            out.println("  key id         " + claims.keyId());
            out.println("  serial         " + claims.serial());
            out.println("  identity hash  " + claims.identityHash());
        } else {
            out.println(ansi.rejected(outcome.verdict() + "  " + outcome.reason()));
            out.println("  " + Terminal.safe(outcome.message()));
        }
        out.flush();
    }
}
