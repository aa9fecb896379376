package dev.greenlight.verifier;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.Durations;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.TrustedKeys;
import dev.greenlight.codec.Verifier;
import dev.greenlight.cli.Terminal;
import java.io.File;
import java.io.PrintWriter;
import java.security.interfaces.ECPublicKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where trusted issuer keys come from, and how much clock skew to allow: shared by every verifying command. */
final class TrustOptions {

    static final String ENV_TRUST = "GREENLIGHT_TRUST";

    @Option(names = "--trust", paramLabel = "PATH",
            description = {"Trusted issuer public keys: a JWKS, JWK or PEM file, or a directory of *.jwks, *.jwk, "
                    + "*.json and *.pem files. Repeatable.",
                "Default: $" + ENV_TRUST + " (paths separated by '" + "${sys:path.separator}" + "'), else ~/.greenlight/trust. "
                    + "An issuer home's own public key is never trusted implicitly: copy it there or pass it here."})
    private List<Path> trust = new ArrayList<>();

    @Option(names = "--skew", paramLabel = "DURATION", converter = Durations.class, defaultValue = "5m",
            description = "Clock difference allowed between issuer and this device, at most 10m (default: ${DEFAULT-VALUE}).")
    private Duration skew;

    @Option(names = "--root", paramLabel = "FILE",
            description = "The pinned trust root's public key (PEM or JWK): the key that signs revocation lists.")
    private Path root;

    @Option(names = "--revocations", paramLabel = "FILE",
            description = {"A revocation list signed by the root (needs --root): a base list, then its deltas in order. Repeatable.",
                "A revoked code is REVOKED. A list older than one accepted before is refused (state in ~/.greenlight/state/revocations)."})
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

    /** One verifier for the whole run: immutable and thread-safe, shared by every worker. */
    Verifier verifier(CliContext context, Clock clock, PrintWriter err) {
        if (skew.isNegative() || skew.compareTo(Verifier.MAX_CLOCK_SKEW) > 0) {
            throw new CliException(ExitCode.USAGE, "--skew must be from 0 to " + Verifier.MAX_CLOCK_SKEW.toMinutes()
                    + "m: a larger allowance would accept codes expired for longer; fix the device clock instead");
        }
        TrustedKeys keys = TrustedKeys.of(TrustStore.load(trustPaths(context)));
        Verifier.Builder builder = Verifier.builder().keys(keys).clock(clock).clockSkew(skew);
        if (!revocations.isEmpty()) {
            builder.revocations(RevocationFiles.load(revocations, rootKey(context),
                    stateDirectory(context).resolve(RevocationFiles.STATE_FILE), clock.instant(), err));
        }
        return builder.build();
    }

    /**
     * The pinned root: one key, read as trust files are (PEM or JWK). Named as the trust-list
     * branch's {@code TrustListOptions.rootKey}, which also owns {@code --root} there: on merge,
     * this method and the option go, and the call above takes theirs.
     */
    ECPublicKey rootKey(CliContext context) {
        if (root == null) {
            throw new CliException(ExitCode.USAGE, "--revocations needs --root FILE: the trust root's public key that signs the lists");
        }
        List<ECPublicKey> keys = TrustStore.load(List.of(root));
        if (keys.size() != 1) {
            throw new CliException(ExitCode.KEY_ERROR, "--root " + Terminal.safe(root.toString()) + " holds " + keys.size() + " keys; the root is one key");
        }
        return keys.get(0);
    }

    /** Where rollback guards keep what was accepted: {@code ~/.greenlight/state} (the trust-list branch adds {@code --state-dir}). */
    Path stateDirectory(CliContext context) {
        return context.userHome().resolve(".greenlight").resolve("state");
    }
}
