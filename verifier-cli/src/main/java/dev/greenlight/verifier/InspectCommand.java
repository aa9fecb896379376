package dev.greenlight.verifier;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.LineReader;
import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.records.CsvDelimiter;
import dev.greenlight.cli.records.Field;
import dev.greenlight.cli.records.Record;
import dev.greenlight.cli.records.RecordFormat;
import dev.greenlight.cli.records.RecordOutput;
import dev.greenlight.cli.records.Verdict;
import dev.greenlight.codec.CodeClaims;
import dev.greenlight.codec.CodeFormatException;
import dev.greenlight.codec.UnverifiedCode;
import dev.greenlight.codec.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HexFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows what a code says without checking it: for debugging, never for a decision. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Decode a code WITHOUT checking its signature, key or times, for debugging. "
                + "The output is labelled UNVERIFIED: never let anyone pass on it."})
@ExitCodes({ExitCode.OK, ExitCode.SOME_FAILED, ExitCode.IO_ERROR})
final class InspectCommand extends VerifierCommand {

    private static final String UNVERIFIED = "UNVERIFIED: signature, key and times NOT checked; use 'verify' to decide";
    private static final RecordOutput RECORDS = RecordOutput.of(RecordFormat.JSONL, CsvDelimiter.DEFAULT,
            Field.VERIFICATION, Field.SIGNATURE);

    @Parameters(index = "0", arity = "0..1", paramLabel = "CODE", description = "The code text, or '-' for stdin (the default).")
    private String code;

    @Option(names = "--json", description = "Print one JSON object instead of text: a record of specs/records.md, "
            + "verdict UNVERIFIED (or REJECTED if the text is not a code).")
    private boolean json;

    @Override
    protected ExitCode run() {
        String text = code;
        if (text == null || text.equals("-")) {
            text = readStdin();
        }
        PrintWriter out = out();
        UnverifiedCode unverified;
        try {
            unverified = Verifier.inspectUnverified(text);
        } catch (CodeFormatException e) {
            if (json) {
                out.print(json(null, e));
            } else {
                out.println("NOT A CODE  " + e.reason());
                out.println("  " + Terminal.safe(e.getMessage()));
            }
            out.flush();
            return ExitCode.SOME_FAILED;
        }
        if (json) {
            out.print(json(unverified, null));
        } else {
            CodeClaims claims = unverified.claims();
            Ansi ansi = new Ansi(context().colourOnStdout());
            out.println(ansi.rejected(UNVERIFIED));
            out.println("  colour         " + claims.colour() + " (unverified)");
            out.println("  issued at      " + claims.issuedAt());
            out.println("  expires at     " + claims.expiresAt());
            out.println("  key id         " + claims.keyId());
            out.println("  serial         " + claims.serial());
            out.println("  identity hash  " + claims.identityHash());
            out.println("  signature      " + HexFormat.of().formatHex(unverified.signature()));
        }
        out.flush();
        return ExitCode.OK;
    }

    private String readStdin() {
        try {
            LineReader.Line line = new LineReader(context().stdin(), VerifyCommand.MAX_STDIN_BYTES).next();
            if (line == null || line.tooLong()) {
                throw new CliException(ExitCode.IO_ERROR, line == null ? "no code on stdin" : "the input on stdin is too long to be a code");
            }
            String text = CodeTexts.decode(line.bytes());
            if (text == null) {
                throw new CliException(ExitCode.IO_ERROR, "the input on stdin is not UTF-8 text");
            }
            return text;
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read stdin: " + e.getMessage(), e);
        }
    }

    private static String json(UnverifiedCode code, CodeFormatException error) {
        Record record = code == null
                ? Record.builder(Verdict.REJECTED).reason(error.reason()).message(error.getMessage()).build()
                : Record.builder(Verdict.UNVERIFIED).message(UNVERIFIED).claims(code.claims())
                        .signature(HexFormat.of().formatHex(code.signature())).build();
        return RECORDS.format(record);
    }
}
