package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.cli.ExitCodes;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        header = "Generate a new signing key (PKCS#8 PEM, optionally encrypted, or in a PKCS#11 token; PEM and JWK public key).",
        description = {"Generate a new P-256 signing key in the issuer home: the private key as PKCS#8 PEM (0600), "
                + "optionally encrypted (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC), the public key as PEM and as JWK "
                + "with kid = key id.",
            "With --pkcs11 CONFIG the key pair is generated inside a PKCS#11 token (an HSM; SoftHSM2 for tests) through "
                + "Java's SunPKCS11 provider, configured by CONFIG (a SunPKCS11 configuration file: library, slot). The "
                + "private key never leaves the token (sensitive, not extractable); the home records CONFIG and the key's "
                + "label in keys/KID.pkcs11. The token's user PIN comes from --pin-file, --pin-env, $"
                + PinOptions.PIN_VARIABLE + " or the terminal, never from the command line. With --existing, "
                + "a key already in the token under --label (with its certificate, as keytool -genkeypair makes it) is "
                + "adopted instead.",
            "Prints the new key id on stdout. The new key signs only with --activate: publish its public key to "
                + "verifiers before (see 'gl-issue keys --jwks')."},
        footerHeading = "%nExamples:%n",
        footer = {"  gl-issue keygen",
            "  gl-issue keygen --encrypt --activate",
            "  GL_PASS=... gl-issue keygen --passphrase-env GL_PASS --activate",
            "  gl-issue keygen --pkcs11 /etc/greenlight/softhsm.cfg --pin-file /run/secrets/hsm-pin --activate",
            "  gl-issue keygen --pkcs11 /etc/greenlight/hsm.cfg --label issuer-2027 --existing"})
@ExitCodes({ExitCode.OK, ExitCode.NOT_CONFIGURED, ExitCode.ALREADY_EXISTS, ExitCode.KEY_ERROR, ExitCode.IO_ERROR})
final class KeygenCommand extends CliCommand {

    @Mixin
    HomeOption home;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    PinOptions pin;

    @Option(names = "--encrypt", description = "Encrypt the private key with a passphrase (asked on the terminal "
            + "unless --passphrase-file or --passphrase-env is given).")
    boolean encrypt;

    @Option(names = "--activate", description = "Make the new key the one that signs from now on.")
    boolean activate;

    @Option(names = "--pkcs11", paramLabel = "CONFIG",
            description = "Generate the key inside the PKCS#11 token that this SunPKCS11 configuration file names "
                    + "(recorded in the home and read at every signing, so - is refused).")
    Path pkcs11;

    @Option(names = "--label", paramLabel = "LABEL",
            description = "With --pkcs11: the key's label in the token (default: greenlight-KID).")
    String label;

    @Option(names = "--existing", description = "With --pkcs11 and --label: adopt the key the token already holds under "
            + "LABEL instead of generating one.")
    boolean existing;

    @Override
    protected ExitCode run() {
        if (pkcs11 != null) {
            return inToken();
        }
        if (label != null || existing) {
            throw new CliException(ExitCode.USAGE, "--label and --existing are for a key in a PKCS#11 token: give --pkcs11 CONFIG");
        }
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

    private ExitCode inToken() {
        // The home records the configuration's path and opens it again at every signing: a stream read once cannot be that.
        if (AtomicOutput.isStandardStream(pkcs11)) {
            throw new CliException(ExitCode.USAGE, "--pkcs11 names a configuration file that the home records and reads again "
                    + "at every signing; '-' (stdin) cannot be one: write ./- for a file of that name");
        }
        if (encrypt || passphrase.isGiven()) {
            throw new CliException(ExitCode.USAGE, "A key in a PKCS#11 token has no passphrase: the token's PIN guards it "
                    + "(--pin-file or --pin-env)");
        }
        if (existing && label == null) {
            throw new CliException(ExitCode.USAGE, "--existing needs the --label of the key in the token");
        }
        IssuerHome issuerHome = IssuerHome.open(home.locate(env()));
        Path config = env().resolve(pkcs11);
        Pkcs11Token token = Pkcs11Token.open(config, pin.source(env()));
        Pkcs11Token.Entry entry = existing ? token.key(label) : token.generate(label, env().random());
        try {
            KeyId keyId = issuerHome.addTokenKey(entry.publicKey(), config, entry.label());
            if (activate) {
                issuerHome.activate(keyId);
            }
            out().println(keyId);
            err().println((existing ? "Adopted key " : "New key ") + keyId + " in the PKCS#11 token of " + config + " as '"
                    + entry.label() + "'" + (activate ? ", now active" : ", not active") + ": "
                    + issuerHome.tokenKeyFile(keyId) + ", " + issuerHome.publicKeyFile(keyId) + ", " + issuerHome.jwkFile(keyId));
            return ExitCode.OK;
        } catch (FileAlreadyExistsException e) {
            throw new CliException(ExitCode.ALREADY_EXISTS, "Key " + entry.keyId() + " is in the home already (" + e.getFile() + ")", e);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "Cannot record the new key: " + e, e);
        }
    }
}
