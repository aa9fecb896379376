package dev.greenlight.verifier;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.Durations;
import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.Verifier;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where trusted issuer keys come from, and how much clock skew to allow: shared by every verifying command. */
final class TrustOptions {

    static final String ENV_TRUST = "GREENLIGHT_TRUST";

    @Option(names = "--trust", paramLabel = "PATH",
            description = {"Trusted issuer public keys: a JWKS, JWK or PEM file, or a directory of *.jwks, *.jwk, "
                    + "*.json and *.pem files; - reads one key file from stdin (not when the codes come from stdin too). Repeatable.",
                "Default: $" + ENV_TRUST + " (paths separated by '" + "${sys:path.separator}" + "'), else ~/.greenlight/trust. "
                    + "An issuer home's own public key is never trusted implicitly: copy it there or pass it here."})
    private List<Path> trust = new ArrayList<>();

    @Option(names = "--skew", paramLabel = "DURATION", converter = Durations.class, defaultValue = "5m",
            description = "Clock difference allowed between issuer and this device, at most 10m (default: ${DEFAULT-VALUE}).")
    private Duration skew;

    @Mixin
    private TrustListOptions trustList;

    @Option(names = "--revocations", paramLabel = "FILE",
            description = {"A revocation list signed by the trust root (--root): a base list, then its deltas in order. Repeatable.",
                "A revoked code is REVOKED. A list older than one accepted before is refused (state in the --state-dir)."})
    private List<Path> revocations = new ArrayList<>();

    /** Which paths to load, after the defaults: so that a message can name them. */
    List<Path> trustPaths(CliContext context) {
        if (!trust.isEmpty()) {
            return List.copyOf(trust);
        }
        String fromEnv = context.env().get(ENV_TRUST);
        if (fromEnv != null && !fromEnv.isBlank()) {
            List<Path> paths = new ArrayList<>();
            for (String part : fromEnv.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part));
                }
            }
            return paths;
        }
        Path home = context.userHome().resolve(".greenlight").resolve("trust");
        if (Files.exists(home)) {
            return List.of(home);
        }
        throw new CliException(ExitCode.NOT_CONFIGURED, "no trusted issuer keys configured. Pass --trust FILE|DIR (JWKS, JWK or PEM public keys), "
                + "set $" + ENV_TRUST + ", or put key files in " + home + ". "
                + "An issuer home's own key is not trusted automatically: copy its public key there if you mean to trust it.");
    }

    /**
     * Refuses {@code --trust -} when the command reads its codes from stdin as well: one stream
     * cannot be both the key file and the codes.
     *
     * @param codesInput how the command's codes come from stdin, for the message (e.g. "bulk -")
     */
    void requireStdinFree(boolean codesFromStdin, String codesInput) {
        if (codesFromStdin && trust.stream().anyMatch(AtomicOutput::isStandardStream)) {
            throw new CliException(ExitCode.USAGE, "--trust - and " + codesInput + " both read stdin: give the keys as a file");
        }
    }

    /** One verifier for the whole run: immutable and thread-safe, shared by every worker. */
    Verifier verifier(CliContext context, Clock clock, PrintWriter err) {
        if (skew.isNegative() || skew.compareTo(Verifier.MAX_CLOCK_SKEW) > 0) {
            throw new CliException(ExitCode.USAGE, "--skew must be from 0 to " + Verifier.MAX_CLOCK_SKEW.toMinutes()
                    + "m: a larger allowance would accept codes expired for longer; fix the device clock instead");
        }
        Verifier.Builder builder;
        if (trustList.isGiven(context)) {
            // Keys trusted without a window would pass step 11 for any issue time: a list is the only source.
            if (!trust.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "give --trust or --trust-list, not both: a trust list is the only source of "
                        + "keys when it is used");
            }
            builder = Verifier.builder().keys(trustList.load(context, clock).keys());
        } else {
            builder = Verifier.builder().keys(TrustedKeys.of(TrustStore.load(trustPaths(context), context.stdin())));
        }
        builder.clock(clock).clockSkew(skew);
        if (!revocations.isEmpty()) {
            // The same pinned root signs trust lists and revocation lists (spec sections 15 and 16).
            builder.revocations(RevocationFiles.load(revocations, trustList.rootKey(context),
                    trustList.stateDirectory(context).resolve(RevocationFiles.STATE_FILE), clock.instant(), err));
        }
        return builder.build();
    }

    /**
     * After {@link #verifier}: the trust list's sequence and age (and a warning if it was accepted
     * leniently), for stderr or a banner; null when keys came from --trust.
     */
    String trustListSummary(Clock clock) {
        return trustList.summary(clock);
    }

    /**
     * Prints the summary on stderr, one line each, escaped (the list's path is input); under
     * {@code quiet} only a warning, which the operator must see whatever they asked for.
     */
    static void showTrustList(String summary, boolean quiet, java.io.PrintWriter err) {
        if (summary == null) {
            return;
        }
        for (String line : summary.split("\n")) {
            if (!quiet || line.startsWith("WARNING")) {
                err.println("gl-verify: " + Terminal.safe(line));
            }
        }
    }
}
