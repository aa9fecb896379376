package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.Durations;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IssuedCode;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.Verifier;
import dev.greenlight.codec.qr.QrCodes;
import dev.greenlight.codec.qr.TerminalRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Issue, draw and verify sample codes with a demo key: no set-up needed.",
        description = {"Show the whole round trip with no set-up: create a demo issuer home if there is none, issue a "
                + "green, a yellow and a red code, draw the green one as a QR, and verify all three the way an "
                + "offline verifier does (plus a tampered and an expired copy, which must be rejected).",
            "The demo home is ./.greenlight-demo (bin/gl-demo uses .greenlight-demo at the repository root). It is "
                + "never the real issuer home: $" + IssuerHome.ENVIRONMENT_VARIABLE + " is ignored here.",
            "The identities are made-up sample numbers with valid check characters."},
        footerHeading = "%nExamples:%n",
        footer = {"  bin/gl-demo", "  gl-issue demo --home /tmp/greenlight-demo"})
@ExitCodes({ExitCode.OK, ExitCode.KEY_ERROR, ExitCode.IO_ERROR, ExitCode.SELF_CHECK_FAILED})
final class DemoCommand extends CliCommand {

    static final String DEFAULT_HOME = ".greenlight-demo";

    private static final List<Sample> SAMPLES = List.of(
            new Sample("CNID", "11010519491231002X", Colour.GREEN),
            new Sample("PP-FRA", "18AV12345", Colour.YELLOW),
            new Sample("CNID", "440304199001010011", Colour.RED));

    @Option(names = "--home", paramLabel = "DIR", description = "The demo issuer home (default: ./" + DEFAULT_HOME + ").")
    Path home;

    @Option(names = "--plain", description = "Draw the QR without ANSI colours (light blocks for a dark background); "
            + "also when stdout is not a terminal, NO_COLOR is set or TERM is dumb.")
    boolean plain;

    @Override
    protected ExitCode run() {
        Path root = env().resolve(home != null ? AtomicOutput.requireDirectoryName(home, "--home") : Path.of(DEFAULT_HOME));
        IssuerHome demoHome;
        if (Files.exists(root.resolve("settings.properties"))) {
            demoHome = IssuerHome.open(root);
        } else {
            demoHome = IssuerHome.create(root, false, env().random(), null);
            err().println("Created a demo issuer home at " + root + " (signing key " + demoHome.activeKeyId() + ")");
        }
        Clock clock = env().clock();
        Issuer issuer = demoHome.issuer(clock, prompt -> {
            throw new CliException(ExitCode.KEY_ERROR, "The demo key in " + root + " is encrypted; delete " + root + " to start over");
        });

        out().println("Greenlight demo: issuer home " + root + ", signing key " + issuer.keyId());
        out().println();
        out().println("1. Issue three codes (the identities become a keyed hash; no personal data is in a code):");
        IssuedCode[] codes = new IssuedCode[SAMPLES.size()];
        for (int i = 0; i < SAMPLES.size(); i++) {
            Sample sample = SAMPLES.get(i);
            codes[i] = issuer.issue(Identity.of(sample.documentType(), sample.number()), sample.colour());
            out().printf("   %-6s  %-6s  serial %s  expires %s%n      %s%n", name(sample.colour()), sample.documentType(),
                    codes[i].claims().serial(), codes[i].claims().expiresAt(), codes[i].text());
        }
        out().println();
        out().println("2. The green code as a QR (" + codes[0].text().length() + " characters); scan it with a phone:");
        boolean ansi = !plain && env().terminal().colourOnStdout();
        out().print(TerminalRenderer.render(QrCodes.encode(codes[0].text()),
                ansi ? TerminalRenderer.Style.ANSI : TerminalRenderer.Style.PLAIN_DARK_BACKGROUND));
        out().println();

        // Trust comes from the public key file, as a verifier would get it, not from the issuer object.
        Verifier verifier = Verifier.builder(TrustedKeys.of(demoHome.publicKey(issuer.keyId())), clock)
                .build();
        out().println("3. Verify offline with the issuer's public key:");
        boolean asExpected = true;
        for (int i = 0; i < codes.length; i++) {
            asExpected &= report(name(SAMPLES.get(i).colour()) + " code", verifier.verify(codes[i].text()), true);
        }
        asExpected &= report("green code, one character changed", verifier.verify(tamper(codes[0].text())), false);
        Verifier tomorrow = Verifier.builder(TrustedKeys.of(demoHome.publicKey(issuer.keyId())),
                Clock.offset(clock, issuer.defaultValidity().plus(Duration.ofHours(1))))
                .build();
        asExpected &= report("green code, " + Durations.format(issuer.defaultValidity().plusHours(1)) + " later",
                tomorrow.verify(codes[0].text()), false);
        out().println();
        if (!asExpected) {
            err().println("Some verdicts were not as expected: see above");
            return ExitCode.SELF_CHECK_FAILED;
        }
        out().println("All verdicts as expected. Next: 'gl-issue init' for a real issuer home, then 'gl-issue --help'.");
        return ExitCode.OK;
    }

    private boolean report(String what, VerificationResult result, boolean shouldBeValid) {
        String verdict = result.isValid()
                ? "VALID     " + name(result.code().claims().colour()) + ", serial " + result.code().claims().serial()
                        + ", expires " + result.code().claims().expiresAt()
                : "REJECTED  " + result.reason() + ": " + result.message();
        boolean expected = result.isValid() == shouldBeValid;
        out().printf("   %-36s %s%s%n", what, verdict, expected ? "" : "   <-- UNEXPECTED");
        return expected;
    }

    /** Changes one character in the signature part to another character of the Base45 alphabet. */
    static String tamper(String text) {
        int position = text.length() - 10;
        char replacement = text.charAt(position) == '0' ? '1' : '0';
        return text.substring(0, position) + replacement + text.substring(position + 1);
    }

    private static String name(Colour colour) {
        return colour.name().toLowerCase(Locale.ROOT);
    }

    private record Sample(String documentType, String number, Colour colour) {
    }
}
