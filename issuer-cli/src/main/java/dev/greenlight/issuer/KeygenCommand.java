package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        header = "Generate a new signing key (PKCS#8 PEM, optionally encrypted; PEM and JWK public key).",
        description = {"Generate a new P-256 signing key in the issuer home: the private key as PKCS#8 PEM (0600), "
                + "optionally encrypted (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC), the public key as PEM and as JWK "
                + "with kid = key id.",
            "Prints the new key id on stdout. The new key signs only with --activate: publish its public key to "
                + "verifiers before (see 'gl-issue keys --jwks')."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue keygen",
            "  gl-issue keygen --encrypt --activate",
            "  GL_PASS=... gl-issue keygen --passphrase-env GL_PASS --activate"})
@ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.ALREADY_EXISTS, ExitCode.KEY_ERROR, ExitCode.IO_ERROR})
final class KeygenCommand extends CliCommand {

    @Mixin
    HomeOption home;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--encrypt", description = "Encrypt the private key with a passphrase (asked on the terminal "
            + "unless --passphrase-file or --passphrase-env is given).")
    boolean encrypt;

    @Option(names = "--activate", description = "Make the new key the one that signs from now on.")
    boolean activate;

    @Override
    protected ExitCode run() {
        IssuerHome issuerHome = IssuerHome.open(home.locate(env()));
        char[] secret = encrypt || passphrase.isGiven()
                ? passphrase.newPassphraseSource(env()).read("Passphrase for the new signing key") : null;
        try {
            KeyId keyId = issuerHome.addKey(P256KeyPairs.generate(env().random()), secret, env().random());
            if (activate) {
                issuerHome.activate(keyId);
            }
            out().println(keyId);
            err().println("New key " + keyId + (secret != null ? " (encrypted)" : "") + (activate ? ", now active" : ", not active")
                    + ": " + issuerHome.privateKeyFile(keyId) + ", " + issuerHome.publicKeyFile(keyId) + ", "
                    + issuerHome.jwkFile(keyId));
            return ExitCode.OK;
        } catch (FileAlreadyExistsException e) {
            throw new CliException(ExitCode.ALREADY_EXISTS, "Refusing to overwrite " + e.getFile(), e);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Cannot write the new key: " + e, e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }
}
