package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.Durations;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.Terminal;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.KeyFormatException;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.SigningWindow;
import dev.greenlight.codec.trust.Freshness;
import dev.greenlight.codec.trust.TrustListDocument;
import dev.greenlight.codec.trust.TrustListEntry;
import dev.greenlight.codec.trust.TrustListException;
import dev.greenlight.codec.trust.TrustListVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code gl-issue trust}: the trust authority's side of signed trust lists (specification,
 * section 15). The authority home holds the root key and the list as edited; {@code sign}
 * publishes it with the next sequence number.
 */
@Command(name = "trust", mixinStandardHelpOptions = true,
        header = "The trust authority: a root key, the issuer keys verifiers trust and their windows, signed lists.",
        description = {"Keep the signed trust list of the issuer keys verifiers may trust, each with the window in which it "
                + "may sign. The authority home (" + TrustCommand.LOCATION_HELP + ") holds the root key (root.key.pem, "
                + "0600; root.pub.pem is what verifiers pin) and the list as edited (trust-list.json).",
            "'trust sign' publishes the list with the next sequence number; verifiers refuse an older one."},
        subcommands = {TrustCommand.Init.class, TrustCommand.Add.class, TrustCommand.Retire.class, TrustCommand.Remove.class,
            TrustCommand.Show.class, TrustCommand.Sign.class},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue trust init --encrypt",
            "  gl-issue trust add ~/.greenlight/issuer/keys/3fa2c1d9.pub.pem --issuer 'Beijing Health Commission' "
                    + "--region 110000 --not-after 2027-01-01T00:00:00Z",
            "  gl-issue trust retire 0b7e4a12 --not-after 2026-12-01T00:00:00Z",
            "  gl-issue trust sign -o /srv/www/trust-list.jws --force"})
@ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.ALREADY_EXISTS, ExitCode.INVALID_INPUT, ExitCode.KEY_ERROR,
    ExitCode.IO_ERROR})
final class TrustCommand extends CliCommand {

    static final String LOCATION_HELP = "~/.greenlight/authority unless --authority or $" + AuthorityHome.ENVIRONMENT_VARIABLE
            + " names another";

    @Override
    protected ExitCode run() {
        spec().commandLine().usage(err());
        return ExitCode.USAGE;
    }

    /** An instant in whole seconds, as a list states it. */
    static final class WholeSecondConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            Instant instant;
            try {
                instant = Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an instant: write it in UTC, e.g. 2026-12-01T00:00:00Z");
            }
            if (instant.getNano() != 0) {
                throw new TypeConversionException("'" + value + "' has a fraction of a second: a trust list states whole seconds");
            }
            return instant;
        }
    }

    /** The commands that change the list or sign it act at {@code --now}, or at the clock. */
    abstract static class OnTheList extends CliCommand {
        @Mixin
        AuthorityOption authority;

        @Mixin
        NowOption now;

        Instant now() {
            Clock clock;
            try {
                clock = now.clock(env().clock());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage(), e);
            }
            return AuthorityHome.wholeSeconds(clock.instant());
        }

        AuthorityHome home() {
            return authority.open(env());
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            header = "Create the trust authority: a root key and an empty list.",
            description = {"Create the authority home with a new P-256 root key: root.key.pem (PKCS#8, 0600, encrypted with "
                    + "--encrypt or a passphrase option) and root.pub.pem, the public key every verifier pins "
                    + "(gl-verify --root). Prints the root's key id on stdout.",
                "An existing root is never replaced: verifiers pin it."},
            footerHeading = "%nExamples:%n",
            footer = {"  gl-issue trust init --encrypt", "  GL_ROOT_PASS=... gl-issue trust init --passphrase-env GL_ROOT_PASS"})
    @ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.ALREADY_EXISTS, ExitCode.KEY_ERROR, ExitCode.IO_ERROR})
    static final class Init extends CliCommand {
        @Mixin
        AuthorityOption authority;

        @Mixin
        PassphraseOptions passphrase;

        @Option(names = "--encrypt", description = "Encrypt the root key with a passphrase (asked on the terminal "
                + "unless --passphrase-file or --passphrase-env is given).")
        boolean encrypt;

        @Override
        protected ExitCode run() {
            Path location = authority.locate(env());
            char[] secret = encrypt || passphrase.isGiven()
                    ? passphrase.newPassphraseSource(env()).read("Passphrase for the new trust root key") : null;
            try {
                AuthorityHome home = AuthorityHome.create(location, P256KeyPairs.generate(env().random()), secret, env().random(),
                        env().clock().instant());
                out().println(home.rootKeyId());
                err().println("Trust root " + home.rootKeyId() + (secret != null ? " (encrypted)" : "") + ": " + home.privateKeyFile()
                        + "; verifiers pin " + home.publicKeyFile() + " (gl-verify --root)");
                return ExitCode.OK;
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            header = "Add an issuer key to the list, with the window in which it may sign.",
            description = {"Add the public key in FILE (PEM, as keys/KID.pub.pem, or JWK, as keys/KID.jwk.json) with its issuer's "
                    + "name, its GB/T 2260 region code and its signing window [--not-before, --not-after). Codes it issues "
                    + "outside the window are refused as OUTSIDE_KEY_WINDOW. Takes effect at the next 'trust sign'."},
            footerHeading = "%nExamples:%n",
            footer = {"  gl-issue trust add keys/3fa2c1d9.pub.pem --issuer 'Beijing Health Commission' --region 110000 "
                    + "--not-before 2026-12-01T00:00:00Z --not-after 2027-12-01T00:00:00Z"})
    @ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.INVALID_INPUT, ExitCode.KEY_ERROR, ExitCode.IO_ERROR})
    static final class Add extends OnTheList {
        @Parameters(index = "0", paramLabel = "FILE", description = "The issuer's public key: PEM or JWK; - reads it from stdin.")
        Path keyFile;

        @Option(names = "--issuer", required = true, paramLabel = "NAME", description = "The issuing authority's name, for people.")
        String issuer;

        @Option(names = "--region", required = true, paramLabel = "CODE",
                description = "GB/T 2260 region code of the issuer: six digits, e.g. 110000 (Beijing), 440300 (Shenzhen).")
        String region;

        @Option(names = "--not-before", paramLabel = "INSTANT", converter = WholeSecondConverter.class,
                description = "The first instant the key may sign (UTC, whole seconds; default: now).")
        Instant notBefore;

        @Option(names = "--not-after", required = true, paramLabel = "INSTANT", converter = WholeSecondConverter.class,
                description = "The first instant it may no longer sign (UTC, whole seconds).")
        Instant notAfter;

        @Override
        protected ExitCode run() {
            AuthorityHome home = home();
            boolean stdin = AtomicOutput.isStandardStream(keyFile);
            ECPublicKey key = readKey(stdin ? null : env().resolve(keyFile), env().stdin());
            Instant from = notBefore != null ? notBefore : now();
            TrustListEntry entry;
            try {
                entry = new TrustListEntry(key, issuer, region, new SigningWindow(from, notAfter));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.INVALID_INPUT, e.getMessage(), e);
            }
            TrustListDocument draft = home.draft();
            for (TrustListEntry existing : draft.entries()) {
                if (existing.publicKey().getW().equals(key.getW())) {
                    throw new CliException(ExitCode.INVALID_INPUT, "Key " + entry.keyId() + " is on the list already, window "
                            + existing.window() + ": 'gl-issue trust retire' shortens a window; a window is never lengthened");
                }
            }
            List<TrustListEntry> entries = new ArrayList<>(draft.entries());
            entries.add(entry);
            home.saveDraft(valid(() -> draft.withEntries(entries)));
            err().println("Added " + entry.keyId() + " (" + Terminal.safe(issuer) + ", " + region + ") for " + entry.window()
                    + "; publish it with 'gl-issue trust sign'");
            return ExitCode.OK;
        }

        /** The key in {@code file}, or on {@code stdin} for a null file: the same cap and parsing either way. */
        private static ECPublicKey readKey(Path file, InputStream stdin) {
            String name = file == null ? "stdin" : Terminal.safe(file.toString());
            String text;
            // stdin is not closed here: it belongs to the caller.
            try (InputStream opened = file == null ? null : Files.newInputStream(file)) {
                byte[] bytes = (file == null ? stdin : opened).readNBytes(JwkKeys.MAX_JWK_CHARS + 1);
                text = new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(ExitCode.IO_ERROR, "Cannot read " + name + ": " + Terminal.safe(e.getMessage()), e);
            }
            try {
                return text.contains("-----BEGIN") ? PemKeys.publicKeyFromPem(text) : JwkKeys.publicKeyFromJwk(text.strip());
            } catch (KeyFormatException e) {
                throw new CliException(ExitCode.KEY_ERROR, name + ": " + Terminal.safe(e.getMessage()), e);
            }
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true,
            header = "Close a key's window: it may sign no code dated from then on.",
            description = {"Shorten the window of key KID to end at --not-after (default: now). Its codes issued before "
                    + "then still verify until they expire; a code it dates later is OUTSIDE_KEY_WINDOW. A window is "
                    + "never lengthened: a later end is refused. Takes effect at the next 'trust sign'."},
            footerHeading = "%nExamples:%n",
            footer = {"  gl-issue trust retire 0b7e4a12", "  gl-issue trust retire 0b7e4a12 --not-after 2026-12-01T00:00:00Z"})
    @ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.INVALID_INPUT, ExitCode.KEY_ERROR, ExitCode.IO_ERROR})
    static final class Retire extends OnTheList {
        @Parameters(index = "0", paramLabel = "KID", description = "The key id, as 'gl-issue trust list' shows it.")
        String keyId;

        @Option(names = "--not-after", paramLabel = "INSTANT", converter = WholeSecondConverter.class,
                description = "The new end of the window (UTC, whole seconds; default: now).")
        Instant notAfter;

        @Override
        protected ExitCode run() {
            AuthorityHome home = home();
            TrustListDocument draft = home.draft();
            TrustListEntry entry = only(draft, keyId);
            Instant end = notAfter != null ? notAfter : now();
            SigningWindow window = entry.window();
            if (end.isAfter(window.notAfter())) {
                throw new CliException(ExitCode.INVALID_INPUT, "Key " + entry.keyId() + " may sign until " + window.notAfter()
                        + " already; retiring never lengthens a window (to " + end + ")");
            }
            if (!end.isAfter(window.notBefore())) {
                throw new CliException(ExitCode.INVALID_INPUT, "Key " + entry.keyId() + "'s window starts at " + window.notBefore()
                        + ": ending it at " + end + " would leave it empty; 'gl-issue trust remove " + entry.keyId()
                        + "' takes the key off the list");
            }
            if (end.equals(window.notAfter())) {
                err().println("Key " + entry.keyId() + " already may sign until " + end + ": nothing changed");
                return ExitCode.OK;
            }
            TrustListEntry retired = new TrustListEntry(entry.publicKey(), entry.issuer(), entry.region(),
                    new SigningWindow(window.notBefore(), end));
            home.saveDraft(valid(() -> draft.withEntries(replace(draft, entry, retired))));
            err().println("Key " + entry.keyId() + " may sign until " + end + " (was " + window.notAfter() + "); its codes issued "
                    + "before then verify until they expire. Publish with 'gl-issue trust sign'");
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            header = "Take a key off the list, once every code it signed has expired.",
            description = {"Remove key KID from the list: from the next 'trust sign', every code it signed is UNKNOWN_KEY, "
                    + "including codes issued inside its window that have not yet expired. Refused while the key may "
                    + "still sign (retire it first), unless --force."},
            footerHeading = "%nExamples:%n",
            footer = {"  gl-issue trust remove 0b7e4a12"})
    @ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.INVALID_INPUT, ExitCode.KEY_ERROR, ExitCode.IO_ERROR})
    static final class Remove extends OnTheList {
        @Parameters(index = "0", paramLabel = "KID", description = "The key id, as 'gl-issue trust list' shows it.")
        String keyId;

        @Option(names = "--force", description = "Remove a key whose window is still open: a stolen key, whose thief can date codes "
                + "inside any window it keeps.")
        boolean force;

        @Override
        protected ExitCode run() {
            AuthorityHome home = home();
            TrustListDocument draft = home.draft();
            TrustListEntry entry = only(draft, keyId);
            Instant at = now();
            if (at.isBefore(entry.window().notAfter()) && !force) {
                throw new CliException(ExitCode.INVALID_INPUT, "Key " + entry.keyId() + " may sign until " + entry.window().notAfter()
                        + ": retire it first ('gl-issue trust retire " + entry.keyId() + "') and remove it once its last code "
                        + "has expired, or --force for a compromised key");
            }
            home.saveDraft(valid(() -> draft.withEntries(replace(draft, entry, null))));
            err().println("Removed " + entry.keyId() + " (window " + entry.window() + "); from the next 'gl-issue trust sign', "
                    + "every code it signed is UNKNOWN_KEY");
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            header = "Show the list as edited: each key, its region, window and state, and its issuer.",
            description = {"One line per key on stdout, tab-separated: key id, region, not before, not after, state at now "
                    + "(pending, signing or closed), issuer. A summary (sequence last signed, root, maximum age) on stderr."},
            footerHeading = "%nExamples:%n",
            footer = {"  gl-issue trust list"})
    @ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.IO_ERROR})
    static final class Show extends OnTheList {
        @Override
        protected ExitCode run() {
            AuthorityHome home = home();
            TrustListDocument draft = home.draft();
            Instant at = now();
            for (TrustListEntry entry : draft.entries()) {
                SigningWindow window = entry.window();
                String state = at.isBefore(window.notBefore()) ? "pending" : window.contains(at) ? "signing" : "closed";
                out().println(entry.keyId() + "\t" + entry.region() + "\t" + window.notBefore() + "\t" + window.notAfter() + "\t"
                        + state + "\t" + Terminal.safe(entry.issuer()));
            }
            err().println(draft.entries().size() + (draft.entries().size() == 1 ? " key" : " keys") + "; "
                    + (draft.sequence() == 0 ? "never signed" : "last signed as sequence " + draft.sequence()) + "; root "
                    + home.rootKeyId() + "; max age " + Durations.format(draft.maxAge()) + "; " + home.draftFile());
            return ExitCode.OK;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            header = "Sign the list with the next sequence number and write it out.",
            description = {"Sign the list as edited with the root key: the next sequence number, issued now, valid for "
                    + "--max-age. The sequence is recorded in the authority home before the list is written, so a "
                    + "number is never used twice. Publish FILE where verifiers fetch it (gl-verify --trust-list)."},
            footerHeading = "%nExamples:%n",
            footer = {"  gl-issue trust sign -o trust-list.jws", "  gl-issue trust sign -o /srv/www/trust-list.jws --force --max-age 3d"})
    @ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.ALREADY_EXISTS, ExitCode.INVALID_INPUT, ExitCode.KEY_ERROR,
        ExitCode.IO_ERROR})
    static final class Sign extends OnTheList {
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the signed list; - for stdout.")
        Path output;

        @Option(names = "--max-age", paramLabel = "DURATION", converter = Durations.class,
                description = "How long verifiers may rely on this list, 1m to 366d (default: the last list's, else 7d).")
        Duration maxAge;

        @Option(names = "--force", description = "Overwrite an existing FILE.")
        boolean force;

        @Mixin
        PassphraseOptions passphrase;

        @Override
        protected ExitCode run() {
            AuthorityHome home = home();
            TrustListDocument draft = home.draft();
            boolean toStdout = AtomicOutput.isStandardStream(output);
            Path target = toStdout ? null : env().resolve(output);
            if (target != null && !force && Files.exists(target)) {
                throw new CliException(ExitCode.ALREADY_EXISTS, "Refusing to overwrite " + target + " (use --force)");
            }
            if (draft.sequence() >= TrustListDocument.MAX_SEQUENCE) {
                throw new CliException(ExitCode.INVALID_INPUT, "The sequence is at its maximum: start a new authority");
            }
            Instant at = now();
            TrustListDocument list = valid(() -> new TrustListDocument(draft.sequence() + 1, at,
                    maxAge != null ? maxAge : draft.maxAge(), draft.entries()));
            ECPrivateKey rootKey = home.rootPrivateKey(passphrase.source(env()));
            String jws = list.sign(rootKey);
            try {
                // The list must verify as a scanner will verify it, before anyone is handed it.
                TrustListVerifier.of(home.rootPublicKey(), Clock.fixed(at, ZoneOffset.UTC), Freshness.STRICT).verify(jws);
            } catch (TrustListException e) {
                throw new IllegalStateException("The list just signed does not verify: " + e.getMessage(), e);
            }
            home.saveDraft(list);
            try {
                if (toStdout) {
                    out().println(jws);
                } else {
                    AtomicOutput.write(target, out -> out.write((jws + "\n").getBytes(StandardCharsets.US_ASCII)), force, false);
                }
            } catch (FileAlreadyExistsException e) {
                throw new CliException(ExitCode.ALREADY_EXISTS, "Refusing to overwrite " + e.getFile() + " (use --force)", e);
            } catch (IOException e) {
                throw new CliException(ExitCode.IO_ERROR, "Cannot write " + target + ": " + e.getMessage()
                        + " (sequence " + list.sequence() + " is used up; sign again)", e);
            }
            home.saveLastSigned(jws);
            err().println("Trust list " + list.sequence() + " signed by root " + home.rootKeyId() + ": " + list.entries().size()
                    + (list.entries().size() == 1 ? " key" : " keys") + ", issued " + at + ", max age "
                    + Durations.format(list.maxAge()) + (toStdout ? "" : "; " + target));
            return ExitCode.OK;
        }
    }

    private static TrustListEntry only(TrustListDocument draft, String keyIdText) {
        KeyId id;
        try {
            id = KeyId.parse(keyIdText.strip());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "'" + keyIdText + "' is not a key id: 8 hex digits, as 'gl-issue trust list' shows");
        }
        List<TrustListEntry> found = new ArrayList<>();
        for (TrustListEntry entry : draft.entries()) {
            if (entry.keyId().equals(id)) {
                found.add(entry);
            }
        }
        if (found.isEmpty()) {
            throw new CliException(ExitCode.KEY_ERROR, "No key " + id + " on the list ('gl-issue trust list' shows them)");
        }
        if (found.size() > 1) {
            throw new CliException(ExitCode.KEY_ERROR, "Two keys on the list share the id " + id + ": edit "
                    + "trust-list.json by hand for this 1-in-4-billion case");
        }
        return found.get(0);
    }

    /** The list with {@code old} replaced by {@code updated}, or removed for null; order kept. */
    private static List<TrustListEntry> replace(TrustListDocument draft, TrustListEntry old, TrustListEntry updated) {
        List<TrustListEntry> entries = new ArrayList<>(draft.entries().size());
        for (TrustListEntry entry : draft.entries()) {
            if (entry != old) {
                entries.add(entry);
            } else if (updated != null) {
                entries.add(updated);
            }
        }
        return entries;
    }

    /** A document the operator's values made invalid (a maximum age out of range, too many keys) is their input error. */
    private static TrustListDocument valid(Supplier<TrustListDocument> document) {
        try {
            return document.get();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
    }
}
