package dev.greenlight.issuer;

import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import java.util.Arrays;
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

    @Option(names = "--force", description = "Replace an existing home's identity secret and settings. Codes issued "
            + "before can then no longer be linked to people.")
    boolean force;

    @Override
    protected ExitCode run() {
        java.nio.file.Path root = home.locate(env());
        char[] secret = encrypt || passphrase.isGiven()
                ? passphrase.newPassphraseSource(env()).read("Passphrase for the new signing key") : null;
        try {
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
}
