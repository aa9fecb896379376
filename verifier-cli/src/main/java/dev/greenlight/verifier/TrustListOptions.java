package dev.greenlight.verifier;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.Durations;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.HighestSequence;
import dev.greenlight.cli.Terminal;
import dev.greenlight.codec.trust.Freshness;
import dev.greenlight.codec.trust.TrustList;
import dev.greenlight.codec.trust.TrustListException;
import dev.greenlight.codec.trust.TrustListVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/**
 * A signed trust list as the source of trusted keys (specification, section 15): the list, the
 * pinned root that must have signed it, how strictly its age is judged, and where the highest
 * sequence this device accepted is kept, so that an older list handed to it later is refused.
 */
final class TrustListOptions {

    static final String ENV_TRUST_LIST = "GREENLIGHT_TRUST_LIST";
    static final String ENV_TRUST_ROOT = "GREENLIGHT_TRUST_ROOT";
    static final String ENV_STATE = "GREENLIGHT_STATE";
    /** The record of the highest accepted list, in the state directory. */
    static final String STATE_FILE = "trust-list";

    @Option(names = "--trust-list", paramLabel = "FILE",
            description = {"Trust the issuer keys of this signed trust list (gl-issue trust sign), each only for codes "
                    + "issued inside its window; instead of --trust; - reads it from stdin. Default: $" + ENV_TRUST_LIST + ".",
                "Refused if not signed by --root, older than a list accepted before (rollback), or older than its "
                    + "maximum age (see --list-age). Its sequence and age are shown on stderr."})
    private Path trustList;

    @Option(names = "--root", paramLabel = "FILE",
            description = "The pinned root public key the trust list must be signed by (PEM or JWK; gl-issue trust init "
                    + "writes root.pub.pem); - reads it from stdin. Default: $" + ENV_TRUST_ROOT + ", else ~/.greenlight/trust-root.pub.pem.")
    private Path root;

    @Option(names = "--list-age", paramLabel = "strict|lenient", defaultValue = "strict",
            description = "A trust list older than its maximum age: strict refuses it (exit 6; scan, running on, denies "
                    + "every scan once it turns stale), lenient uses it with a warning (default: ${DEFAULT-VALUE}).")
    private String listAge;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the highest accepted trust-list sequence is kept (default: $" + ENV_STATE
                    + ", else ~/.greenlight/state). A directory: - is refused.")
    private Path stateDir;

    /** The list loaded by {@link #load}, for the summary. */
    private TrustList loaded;
    private Path loadedFrom;
    private Freshness loadedFreshness;
    /**
     * The root once read: a trust list and revocation lists both need it, and {@code --root -}
     * can be read only once.
     */
    private ECPublicKey rootKey;

    /** Whether a trust list is configured, by option or environment. */
    boolean isGiven(CliContext context) {
        return listPath(context) != null;
    }

    /**
     * How the trust list reads stdin, for a message ({@code --trust-list -} or the variable set to
     * {@code -}); null when it does not.
     */
    String listStdinUse(CliContext context) {
        if (!AtomicOutput.isStandardStream(listPath(context))) {
            return null;
        }
        return trustList != null ? "--trust-list -" : "$" + ENV_TRUST_LIST + "=-";
    }

    /** As {@link #listStdinUse}, for the root; whether it is read at all is the caller's to know. */
    String rootStdinUse(CliContext context) {
        if (!AtomicOutput.isStandardStream(rootPath(context))) {
            return null;
        }
        return root != null ? "--root -" : "$" + ENV_TRUST_ROOT + "=-";
    }

    private Path listPath(CliContext context) {
        if (trustList != null) {
            return trustList;
        }
        String fromEnv = context.env().get(ENV_TRUST_LIST);
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : null;
    }

    /**
     * Reads, verifies and records the list.
     *
     * @throws CliException exit 6 for a list that must not be used (with the reason), 7 without a
     *         root, 3 if a file cannot be read or the state not written
     */
    TrustList load(CliContext context, Clock clock) {
        Path path = listPath(context);
        Freshness freshness = switch (listAge.toLowerCase(Locale.ROOT)) {
            case "strict" -> Freshness.STRICT;
            case "lenient" -> Freshness.LENIENT;
            default -> throw new CliException(ExitCode.USAGE, "--list-age must be 'strict' or 'lenient', not '" + listAge + "'");
        };
        TrustListVerifier verifier = TrustListVerifier.of(rootKey(context), clock, freshness);
        String text = read(path, context);
        HighestSequence state = HighestSequence.at(stateDirectory(context).resolve(STATE_FILE));
        HighestSequence.Accepted previous = state.current();
        TrustList list;
        try {
            list = verifier.verify(text, previous == null ? OptionalLong.empty() : OptionalLong.of(previous.sequence()));
        } catch (TrustListException e) {
            throw new CliException(ExitCode.KEY_ERROR, "trust list " + name(path) + " refused (" + e.reason() + "): "
                    + Terminal.safe(e.getMessage()));
        }
        try {
            state.accept("trust list " + name(path), list.sequence(), list.sha256());
        } catch (CliException e) {
            // A reused sequence number is a bad list like any other: the same exit code as a rollback.
            throw e.exitCode() == ExitCode.INVALID_INPUT ? new CliException(ExitCode.KEY_ERROR, e.getMessage(), e) : e;
        }
        loaded = list;
        loadedFrom = path;
        loadedFreshness = freshness;
        return list;
    }

    /**
     * When the loaded list turns stale, for a session that outlives it (a gate's scan runs for
     * days): the check at load time says nothing about the scans after its maximum age.
     *
     * @return null when no list was loaded
     */
    ListAge age() {
        return loaded == null ? null : new ListAge("trust list", loaded.sequence(), loaded.staleAt(),
                loadedFreshness == Freshness.STRICT, "TRUST_LIST_STALE", loaded.isStaleAt(loaded.checkedAt()));
    }

    /**
     * One line for the operator: which list, how old, and a warning if it was accepted only leniently.
     *
     * @return the summary, or null when no list was loaded (then the clock is not read)
     */
    String summary(Clock clock) {
        if (loaded == null) {
            // The clock is not read: a scan session reads it once per scan, and tests count on that.
            return null;
        }
        Duration age = loaded.age(clock.instant()).truncatedTo(ChronoUnit.SECONDS);
        String ageText = age.isNegative() ? "issued " + Durations.format(age.negated()) + " ahead of this clock"
                : Durations.format(age) + " old";
        String line = "trust list " + loaded.sequence() + " (" + loaded.entries().size() + (loaded.entries().size() == 1 ? " key" : " keys")
                + ", issued " + loaded.issuedAt() + ", " + ageText + ", max age " + Durations.format(loaded.maxAge()) + ") from "
                + name(loadedFrom);
        return loaded.warning().map(warning -> line + "\nWARNING: " + warning + " (--list-age lenient)").orElse(line);
    }

    /**
     * The pinned root: {@code --root}, {@code $GREENLIGHT_TRUST_ROOT}, else
     * {@code ~/.greenlight/trust-root.pub.pem}. The same root signs revocation lists (spec
     * section 16): whatever reads those should take the root from here, not define a second
     * {@code --root}.
     */
    ECPublicKey rootKey(CliContext context) {
        if (rootKey != null) {
            return rootKey;
        }
        Path path = rootPath(context);
        List<ECPublicKey> keys;
        if (AtomicOutput.isStandardStream(path)) {
            keys = TrustStore.load(List.of(path), context.stdin());
        } else {
            if (!Files.exists(path)) {
                throw new CliException(ExitCode.NOT_CONFIGURED, root == null
                        ? "a trust list or revocation list needs the pinned root key it must be signed by: pass --root FILE "
                            + "(the authority's root.pub.pem), set $" + ENV_TRUST_ROOT + ", or copy it to " + name(path)
                        : "root key " + name(path) + " does not exist");
            }
            keys = TrustStore.loadFile(path);
        }
        if (keys.size() != 1) {
            throw new CliException(ExitCode.KEY_ERROR, "root key " + name(path) + " holds " + keys.size() + " keys: pin exactly one root");
        }
        rootKey = keys.get(0);
        return rootKey;
    }

    /** The root's path as configured, read or not: {@code --root}, the variable, else the default. */
    private Path rootPath(CliContext context) {
        if (root != null) {
            return root;
        }
        String fromEnv = context.env().get(ENV_TRUST_ROOT);
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : context.userHome().resolve(".greenlight").resolve("trust-root.pub.pem");
    }

    /** Where this device keeps what it accepted ({@code trust-list} here; other signed lists beside it). */
    Path stateDirectory(CliContext context) {
        if (stateDir != null) {
            // Refused, not read as "stdin": a directory named - would be created beside the user's files.
            return AtomicOutput.requireDirectoryName(stateDir, "--state-dir");
        }
        String fromEnv = context.env().get(ENV_STATE);
        return fromEnv != null && !fromEnv.isBlank() ? AtomicOutput.requireDirectoryName(Path.of(fromEnv), "$" + ENV_STATE)
                : context.userHome().resolve(".greenlight").resolve("state");
    }

    /**
     * The list's text, with the one line end a published file ends in removed. Read as Latin-1:
     * a JWS is ASCII, and any other byte becomes a character the verifier refuses as not base64url.
     */
    private static String read(Path path, CliContext context) {
        byte[] bytes;
        // stdin is not closed: it is the caller's, and the same cap applies as to a file.
        boolean stdin = AtomicOutput.isStandardStream(path);
        try (InputStream file = stdin ? null : Files.newInputStream(path)) {
            bytes = (stdin ? context.stdin() : file).readNBytes(TrustListVerifier.MAX_LIST_CHARS + 3);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCode.NOT_CONFIGURED, "trust list " + name(path) + " does not exist");
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read trust list " + name(path) + ": " + Terminal.safe(e.getMessage()), e);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** A path as messages name it: "stdin" for {@code -}, else the path, escaped. */
    static String name(Path path) {
        return AtomicOutput.isStandardStream(path) ? "stdin" : Terminal.safe(String.valueOf(path));
    }
}
