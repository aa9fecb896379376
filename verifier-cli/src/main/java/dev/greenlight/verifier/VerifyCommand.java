package dev.greenlight.verifier;

import dev.greenlight.cli.records.CsvDelimiter;
import dev.greenlight.cli.records.Field;
import dev.greenlight.cli.records.InputProblem;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordOutput;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.VerifiedCode;
import dev.greenlight.codec.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
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
            "  gl-verify verify --image photo.jpg --now 2026-03-01T08:00:00Z"},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {
            ExitCodes.HELP_VALID, ExitCodes.HELP_REJECTED, ExitCodes.HELP_USAGE, ExitCodes.HELP_UNREADABLE, ExitCodes.HELP_SOFTWARE})
final class VerifyCommand extends BaseCommand {

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

        @Option(names = "--image", paramLabel = "FILE", description = "A PNG or JPEG image of the QR code.")
        Path image;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Source source;

    @Option(names = "--json", description = "Print one JSON object instead of text: a record of specs/records.md.")
    private boolean json;

    @Override
    protected int run() throws CliException {
        Verifier verifier = trust.verifier(context(), time.clock(context()));
        Outcome outcome;
        if (source != null && source.image != null) {
            QrImageDecoder.Read read = QrImageDecoder.read(source.image);
            outcome = read.text() != null ? Outcome.of(verifier.verify(read.text())) : read.failure();
        } else if (source == null || source.code == null || source.code.equals("-")) {
            outcome = verifyStdin(verifier);
        } else {
            outcome = Outcome.of(verifier.verify(source.code));
        }
        print(outcome);
        if (outcome.isValid()) {
            return ExitCodes.VALID;
        }
        return outcome.verdict() == Verdict.INPUT_ERROR ? ExitCodes.UNREADABLE : ExitCodes.REJECTED;
    }

    private Outcome verifyStdin(Verifier verifier) throws CliException {
        CappedLineReader.Line line;
        try {
            line = new CappedLineReader(context().stdin(), MAX_STDIN_BYTES).next();
        } catch (IOException e) {
            throw CliException.unreadable("cannot read stdin: " + e.getMessage(), e);
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
            VerifiedCode code = outcome.code();
            out.println(ansi.colour(code.colour(), "VALID  " + code.colour()));
            out.println("  issued at      " + code.issuedAt());
            out.println("  expires at     " + code.expiresAt());
            out.println("  key id         " + code.keyId());
            out.println("  serial         " + code.serial());
            out.println("  identity hash  " + code.identityHash());
        } else {
            out.println(ansi.rejected(outcome.verdict() + "  " + outcome.reason()));
            out.println("  " + CodeTexts.printable(outcome.message()));
        }
        out.flush();
    }
}
