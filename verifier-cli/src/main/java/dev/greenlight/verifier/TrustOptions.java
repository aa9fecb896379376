package dev.greenlight.verifier;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.Durations;
import dev.greenlight.cli.Terminal;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.revocation.RevocationSet;
import dev.greenlight.codec.Verifier;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
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
            description = {"A revocation list signed by the trust root (--root): a base list, then its deltas in order; "
                    + "- reads one from stdin. Repeatable.",
                "A revoked code is REVOKED. A list older than one accepted before is refused (state in the --state-dir)."})
    private List<Path> revocations = new ArrayList<>();

    @Option(names = "--revocations-max-age", paramLabel = "DURATION", converter = Durations.class,
            description = {"Refuse revocation lists whose last list was signed longer ago than this (exit 6): a device "
                    + "that has heard of no revocation for that long should not act as if it knew them all. scan "
                    + "checks it at every scan and denies (REVOCATIONS_STALE) once it is passed. Default: no limit, "
                    + "the age is shown."})
    private Duration revocationsMaxAge;

    /** What the revocation lists said when loaded, for {@link #trustListSummary}. */
    private String revocationSummary;
    /** Of the revocation lists loaded under --revocations-max-age, for a session that outlives it. */
    private ListAge revocationsAge;

    /** Which paths to load, after the defaults: so that a message can name them. */
    List<Path> trustPaths(CliContext context) {
        List<Path> configured = configuredTrustPaths(context);
        if (!configured.isEmpty()) {
            return configured;
        }
        Path home = context.userHome().resolve(".greenlight").resolve("trust");
        if (Files.exists(home)) {
            return List.of(home);
        }
        throw new CliException(ExitCode.NOT_CONFIGURED, "no trusted issuer keys configured. Pass --trust FILE|DIR (JWKS, JWK or PEM public keys), "
                + "set $" + ENV_TRUST + ", or put key files in " + home + ". "
                + "An issuer home's own key is not trusted automatically: copy its public key there if you mean to trust it.");
    }

    /** --trust, else $GREENLIGHT_TRUST; empty when neither is set (the default is not looked for here). */
    private List<Path> configuredTrustPaths(CliContext context) {
        if (!trust.isEmpty()) {
            return List.copyOf(trust);
        }
        String fromEnv = context.env().get(ENV_TRUST);
        List<Path> paths = new ArrayList<>();
        if (fromEnv != null && !fromEnv.isBlank()) {
            for (String part : fromEnv.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part));
                }
            }
        }
        return paths;
    }

    /**
     * Refuses a command line on which stdin would have to be two documents: one stream holds one,
     * and whichever reader came second would see an empty stream or the tail of the other's. The
     * readers are --trust -, --trust-list -, --root - (when a list needs the root),
     * --revocations - and the codes; each counts as often as it is given. Checked before anything
     * is read, so that the error is a usage error and not a confusing parse failure.
     *
     * @param codesInput how the command's codes come from stdin, for the message (e.g. "bulk -")
     */
    void requireStdinFree(CliContext context, boolean codesFromStdin, String codesInput) {
        List<String> uses = new ArrayList<>();
        boolean listGiven = trustList.isGiven(context);
        // With a trust list, $GREENLIGHT_TRUST is not read; --trust beside it is refused later anyway.
        List<Path> keys = listGiven ? trust : configuredTrustPaths(context);
        for (Path path : keys) {
            if (AtomicOutput.isStandardStream(path)) {
                uses.add(trust.isEmpty() ? "$" + ENV_TRUST + "=-" : "--trust -");
            }
        }
        String list = trustList.listStdinUse(context);
        if (list != null) {
            uses.add(list);
        }
        // The root is read only for a trust list or revocation lists: an unused --root - takes nothing.
        String root = listGiven || !revocations.isEmpty() ? trustList.rootStdinUse(context) : null;
        if (root != null) {
            uses.add(root);
        }
        for (Path path : revocations) {
            if (AtomicOutput.isStandardStream(path)) {
                uses.add("--revocations -");
            }
        }
        if (codesFromStdin) {
            uses.add(codesInput);
        }
        if (uses.size() > 1) {
            String first = uses.get(0);
            String second = uses.get(1);
            throw new CliException(ExitCode.USAGE, first.equals(second)
                    ? first + " given more than once: stdin holds one document"
                    : first + " and " + second + " both read stdin: it can be only one of them; give the other as a file");
        }
    }

    /** One verifier for the whole run: immutable and thread-safe, shared by every worker. */
    Verifier verifier(CliContext context, Clock clock) {
        if (skew.isNegative() || skew.compareTo(Verifier.MAX_CLOCK_SKEW) > 0) {
            throw new CliException(ExitCode.USAGE, "--skew must be from 0 to " + Verifier.MAX_CLOCK_SKEW.toMinutes()
                    + "m: a larger allowance would accept codes expired for longer; fix the device clock instead");
        }
        if (revocationsMaxAge != null && (revocations.isEmpty() || revocationsMaxAge.isNegative() || revocationsMaxAge.isZero())) {
            throw new CliException(ExitCode.USAGE, revocations.isEmpty() ? "--revocations-max-age needs --revocations: there is no list to age"
                    : "--revocations-max-age must be positive, not " + Durations.format(revocationsMaxAge));
        }
        Verifier.Builder builder;
        if (trustList.isGiven(context)) {
            // Keys trusted without a window would pass step 11 for any issue time: a list is the only source.
            if (!trust.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "give --trust or --trust-list, not both: a trust list is the only source of "
                        + "keys when it is used");
            }
            builder = Verifier.builder(trustList.load(context, clock).keys(), clock);
        } else {
            builder = Verifier.builder(TrustedKeys.of(TrustStore.load(trustPaths(context), context.stdin())), clock);
        }
        builder.clockSkew(skew);
        if (!revocations.isEmpty()) {
            // The same pinned root signs trust lists and revocation lists (spec sections 15 and 16).
            // Said with the trust list's summary, so that --quiet and scan's banner treat both alike.
            StringWriter said = new StringWriter();
            RevocationSet set = RevocationFiles.load(revocations, trustList.rootKey(context),
                    trustList.stateDirectory(context).resolve(RevocationFiles.STATE_FILE), clock.instant(), new PrintWriter(said), context.stdin());
            revocationSummary = said.toString().strip();
            if (revocationsMaxAge != null) {
                revocationsAge = new ListAge("revocation list", set.sequence(), set.issuedAt().plus(revocationsMaxAge), true,
                        "REVOCATIONS_STALE", false);
                if (revocationsAge.isStaleAt(clock.instant())) {
                    throw new CliException(ExitCode.KEY_ERROR, "revocation list " + set.sequence() + " refused (STALE): signed "
                            + set.issuedAt() + ", more than --revocations-max-age " + Durations.format(revocationsMaxAge)
                            + " ago: fetch a newer list");
                }
            }
            builder.revocations(set);
        }
        return builder.build();
    }

    /** @return after {@link #verifier}, when each list loaded stops being relied on (those with a maximum age) */
    List<ListAge> listAges() {
        List<ListAge> ages = new ArrayList<>(2);
        if (trustList.age() != null) {
            ages.add(trustList.age());
        }
        if (revocationsAge != null) {
            ages.add(revocationsAge);
        }
        return ages;
    }

    /**
     * After {@link #verifier}: the trust list's sequence and age (and a warning if it was accepted
     * leniently) and the revocation lists' sequence and size, for stderr or a banner; null when
     * neither list was given.
     */
    String trustListSummary(Clock clock) {
        String list = trustList.summary(clock);
        if (revocationSummary == null || revocationSummary.isEmpty()) {
            return list;
        }
        return list == null ? revocationSummary : list + "\n" + revocationSummary;
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
