package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.cli.Terminal;
import dev.greenlight.registry.Registry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        header = "Create the issuer home: signing key, identity secret, settings, policy, registry.",
        description = {"Create the issuer home: a P-256 signing key (active), a 32-byte identity secret, settings, the colour "
                + "rules' policy (policy.json, a copy of specs/policy-example.json: edit it) and the registry of holders "
                + "(registry.db, SQLite; settings' registry.url may name a jdbc:postgresql: URL instead).",
            "Private files are created owner-only (0600, directories 0700) and never overwritten without --force.",
            "The new key id is printed on stdout."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue init",
            "  gl-issue init --home /srv/issuer --encrypt --passphrase-file pass.txt"})
@ExitCodes({ExitCode.OK, ExitCode.ALREADY_EXISTS, ExitCode.KEY_ERROR, ExitCode.IO_ERROR})
final class InitCommand extends CliCommand {

    @Mixin
    HomeOption home;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--encrypt", description = "Encrypt the signing key with a passphrase (asked on the terminal "
            + "unless --passphrase-file or --passphrase-env is given).")
    boolean encrypt;

    @Option(names = "--force", description = "Replace an existing home's identity secret, settings and policy. Codes issued "
            + "before can then no longer be linked to people; the old registry, whose holders are hashed under the old "
            + "secret, is moved aside (registry-replaced-TIME.db) and a new one created.")
    boolean force;

    @Override
    protected ExitCode run() {
        Path root = home.locate(env());
        char[] secret = encrypt || passphrase.isGiven()
                ? passphrase.newPassphraseSource(env()).read("Passphrase for the new signing key") : null;
        try {
            if (force) {
                setAsideRegistry(root);
            }
            IssuerHome created = IssuerHome.create(root, force, env().random(), secret);
            out().println(created.activeKeyId());
            err().println("Created issuer home " + root + " with signing key " + created.activeKeyId()
                    + (secret != null ? " (encrypted)" : ""));
            return ExitCode.OK;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /**
     * Moves the home's SQLite registry aside before a new identity secret replaces the old: its
     * holders are keyed by hashes under the old secret, which no identity given from now on would
     * match, so keeping it would show every holder as never declared while their history stayed
     * behind a key nobody has. Moved, not deleted: it is the record of the codes issued so far.
     */
    private void setAsideRegistry(Path root) {
        Path registry = root.resolve(Registry.FILE_NAME);
        String oldUrl = oldRegistryUrl(root);
        if (oldUrl != null && !oldUrl.startsWith("jdbc:sqlite:")) {
            err().println("The old settings named the registry " + Terminal.safe(oldUrl.replaceAll("[?;].*", ""))
                    + ": its holders are hashed under the old identity secret, so the new settings name a new SQLite"
                    + " registry instead. Empty it before registry.url names it again.");
        }
        if (!Files.exists(registry)) {
            return;
        }
        String stamp = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(env().clock().instant());
        Path aside = root.resolve("registry-replaced-" + stamp + ".db");
        try {
            // The write-ahead log and its index go with the file, under the names SQLite looks for.
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path part = root.resolve(Registry.FILE_NAME + suffix);
                if (Files.exists(part)) {
                    Files.move(part, root.resolve(aside.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.move(registry, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Cannot move the old registry " + registry + " aside (nothing replaced): " + e, e);
        }
        err().println("Moved the old registry to " + aside + ": its holders are hashed under the old identity secret,"
                + " which the new one does not match. A new registry is created.");
    }

    /** The old settings' registry.url, or null if there are none. */
    private static String oldRegistryUrl(Path root) {
        Path settings = root.resolve("settings.properties");
        if (!Files.isRegularFile(settings)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(settings)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return properties.getProperty(IssuerHome.REGISTRY_URL);
    }
}
