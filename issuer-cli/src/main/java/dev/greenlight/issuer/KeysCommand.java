package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.KeyId;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "keys", mixinStandardHelpOptions = true,
        header = "List the keys of the issuer home, print them as a JWK Set, activate or retire one.",
        description = {"List the keys of the issuer home, one per line on stdout: key id, 'active', 'retired' or '-', "
                + "'encrypted', 'plain', 'pkcs11' (in a token) or 'public-only', and the public key file.",
            "With --jwks, print the public keys as a JWK Set instead: what verifiers need to trust this issuer.",
            "'keys activate ID' makes a key the one that signs; 'keys retire ID' stops a key from ever signing again "
                + "(its public key stays, for verifiers). Both rewrite settings.properties in one atomic rename."},
        subcommands = {KeysCommand.Activate.class, KeysCommand.Retire.class},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue keys", "  gl-issue keys --jwks > issuer-keys.jwks.json",
            "  gl-issue keys activate 3fa2c1d9", "  gl-issue keys retire 0b7e4a12"})
@ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.KEY_ERROR, ExitCode.IO_ERROR})
final class KeysCommand extends CliCommand {

    @Mixin
    HomeOption home;

    @Option(names = "--jwks", description = "Print the public keys as a JWK Set (JSON) instead of the list.")
    boolean jwks;

    @Override
    protected ExitCode run() {
        IssuerHome issuerHome = IssuerHome.open(home.locate(env()));
        List<IssuerHome.StoredKey> keys = issuerHome.keys();
        if (jwks) {
            List<ECPublicKey> publicKeys = keys.stream().map(IssuerHome.StoredKey::publicKey).toList();
            out().println(JwkKeys.publicKeysToJwks(publicKeys));
            return ExitCode.OK;
        }
        KeyId active = issuerHome.activeKeyId();
        for (IssuerHome.StoredKey key : keys) {
            String status = key.keyId().equals(active) ? "active" : issuerHome.isRetired(key.keyId()) ? "retired" : "-";
            out().println(key.keyId() + "\t" + status + "\t"
                    + (!key.hasPrivateKey() ? "public-only" : key.inToken() ? "pkcs11" : key.encrypted() ? "encrypted" : "plain") + "\t"
                    + issuerHome.publicKeyFile(key.keyId()));
        }
        err().println(keys.size() + (keys.size() == 1 ? " key" : " keys") + " in " + issuerHome.keysDirectory());
        return ExitCode.OK;
    }

    /** A command on one key of the home, named by its id. */
    @ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.KEY_ERROR, ExitCode.IO_ERROR})
    abstract static class OnOneKey extends CliCommand {

        @Mixin
        HomeOption home;

        @Parameters(index = "0", paramLabel = "ID", description = "The key id, as 'gl-issue keys' lists it.")
        String keyId;

        @Override
        protected final ExitCode run() {
            KeyId id;
            try {
                id = KeyId.parse(keyId.strip());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.KEY_ERROR, "'" + keyId + "' is not a key id: " + e.getMessage(), e);
            }
            err().println(apply(IssuerHome.open(home.locate(env())), id));
            return ExitCode.OK;
        }

        /** Does it; returns what to tell the operator. */
        abstract String apply(IssuerHome issuerHome, KeyId id);
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            header = "Make a key of the issuer home the one that signs from now on.",
            description = {"Make key ID the active key: the one 'issue' and 'batch' sign with. It must be in the home "
                    + "with its private key, and not retired. Publish its public key to verifiers first "
                    + "('gl-issue keys --jwks')."},
            footerHeading = "%nExamples:%n",
            footer = {"  gl-issue keys activate 3fa2c1d9"})
    static final class Activate extends OnOneKey {

        @Override
        String apply(IssuerHome issuerHome, KeyId id) {
            issuerHome.activate(id);
            return "Key " + id + " is now active: it signs every code from now on";
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true,
            header = "Retire a key of the issuer home: it never signs again.",
            description = {"Mark key ID retired: it no longer signs and cannot be activated again. Its files stay, so "
                    + "that verifiers can still check the codes it signed until they expire. The active key cannot "
                    + "be retired: activate another first."},
            footerHeading = "%nExamples:%n",
            footer = {"  gl-issue keygen --activate && gl-issue keys retire 0b7e4a12"})
    static final class Retire extends OnOneKey {

        @Override
        String apply(IssuerHome issuerHome, KeyId id) {
            return "Key " + id + (issuerHome.retire(id) ? " is now retired: it never signs again" : " was retired already");
        }
    }
}
