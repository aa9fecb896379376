package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.InvalidIdentityException;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.qr.QrCodes;
import dev.greenlight.codec.qr.QrMatrix;
import dev.greenlight.codec.qr.SvgRenderer;
import dev.greenlight.codec.qr.TerminalRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "issue", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Issue one code: text on stdout, optionally PNG, SVG or a QR in the terminal.",
        description = {"Issue one code for one identity. The code text goes to stdout (and nothing else does); "
                + "a summary (serial, key id, issue and expiry times) goes to stderr.",
            "Document types: CNID (Chinese resident identity card, 18 characters, checksum validated) or PP-XXX "
                + "(passport, XXX = ISO 3166-1 alpha-3 country)."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue issue --doc CNID --number 11010519491231002X --colour green",
            "  gl-issue issue --doc CNID --number 11010519491231002X --colour red --terminal",
            "  gl-issue issue --doc CNID --number 11010519491231002X --colour yellow --validity 12h",
            "  gl-issue issue --doc PP-FRA --number 18AV12345 --colour red --png code.png --svg code.svg"})
@ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.ALREADY_EXISTS, ExitCode.INVALID_INPUT, ExitCode.KEY_ERROR, ExitCode.IO_ERROR})
final class IssueCommand extends CliCommand {

    @Option(names = "--doc", required = true, paramLabel = "TYPE", description = "Document type: CNID or PP-XXX.")
    String documentType;

    @Option(names = "--number", required = true, paramLabel = "NUMBER", description = "Document number.")
    String number;

    @Option(names = {"--colour", "--color"}, required = true, paramLabel = "COLOUR",
            description = "green, yellow or red.")
    String colour;

    @Option(names = "--validity", paramLabel = "PERIOD",
            description = "How long the code is valid: 24h, 90m, 7d, 1h30m or PT24H; whole minutes, at most 45 days "
                    + "(default: the home's default-validity, 24h).")
    String validity;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Also write the QR as a PNG; - for stdout (the code text then goes to stderr).")
    Path png;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also write the QR as an SVG; - for stdout (the code text then goes to stderr).")
    Path svg;

    @Option(names = "--scale", paramLabel = "PIXELS", defaultValue = "" + QrImages.DEFAULT_PIXELS_PER_MODULE,
            description = "Pixels per QR module in the PNG and SVG (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--terminal", description = "Draw the QR on stderr, for a phone to scan from the screen; in colour "
            + "when stderr is a terminal, unless NO_COLOR is set or TERM is dumb.")
    boolean terminal;

    @Option(names = "--plain", description = "With --terminal: no ANSI colours (light blocks for a dark background).")
    boolean plain;

    @Option(names = "--force", description = "Overwrite existing --png / --svg files.")
    boolean force;

    @Mixin
    HomeOption home;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    PinOptions pin;

    @Override
    protected ExitCode run() {
        Identity identity;
        Colour parsedColour;
        Duration parsedValidity = null;
        try {
            identity = Identity.of(documentType, number);
        } catch (InvalidIdentityException e) {
            throw new CliException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
        try {
            parsedColour = Colour.parse(colour);
            if (validity != null) {
                parsedValidity = Validity.parse(validity);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
        if (scale < 1 || scale > 100) {
            throw new CliException(ExitCode.USAGE, "--scale must be from 1 to 100, not " + scale);
        }
        boolean pngToStdout = AtomicOutput.isStandardStream(png);
        boolean svgToStdout = AtomicOutput.isStandardStream(svg);
        if (pngToStdout && svgToStdout) {
            throw new CliException(ExitCode.USAGE, "--png - and --svg - both ask for stdout: give one of them a file");
        }
        IssuerHome issuerHome = IssuerHome.open(home.locate(env()));
        Issuer issuer = issuerHome.issuer(env().clock(), passphrase.source(env(), pin));
        IssuedCode code = parsedValidity == null ? issuer.issue(identity, parsedColour)
                : issuer.issue(identity, parsedColour, parsedValidity);

        QrMatrix modules = png != null || svg != null || terminal ? QrCodes.encode(code.text()) : null;
        try {
            if (png != null) {
                write(png, out -> QrImages.writePng(modules, scale, out));
            }
            if (svg != null) {
                write(svg, out -> out.write(SvgRenderer.render(modules, scale).getBytes(StandardCharsets.UTF_8)));
            }
        } catch (FileAlreadyExistsException e) {
            throw new CliException(ExitCode.ALREADY_EXISTS, "Refusing to overwrite " + e.getFile() + " (use --force)", e);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Cannot write the QR image: " + e, e);
        }

        if (pngToStdout || svgToStdout) {
            // Stdout holds the image: the text goes with the messages, never into the image's bytes.
            err().println(code.text());
        } else {
            out().println(code.text());
        }
        if (terminal) {
            boolean colour = !plain && env().terminal().colourOnStderr();
            err().print(TerminalRenderer.render(modules, colour ? TerminalRenderer.Style.ANSI
                    : TerminalRenderer.Style.PLAIN_DARK_BACKGROUND));
        }
        err().println("Issued " + code.claims().colour().name().toLowerCase(java.util.Locale.ROOT)
                + " code: serial " + code.claims().serial() + ", key " + code.claims().keyId()
                + ", issued " + code.claims().issuedAt() + ", expires " + code.claims().expiresAt()
                + (png != null ? ", PNG " + png : "") + (svg != null ? ", SVG " + svg : ""));
        return ExitCode.OK;
    }

    /** A file through {@link AtomicOutput}, or {@code -}: the raw bytes to stdout. */
    private void write(Path file, AtomicOutput.Content content) throws IOException {
        if (AtomicOutput.isStandardStream(file)) {
            out().flush();
            content.writeTo(env().stdout());
            env().stdout().flush();
        } else {
            AtomicOutput.write(env().resolve(file), content, force, false);
        }
    }
}
