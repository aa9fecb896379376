package dev.greenlight.issuer;

import dev.greenlight.cli.CliException;
import dev.greenlight.cli.ExitCode;
import dev.greenlight.codec.EncryptedPrivateKeys;
import dev.greenlight.codec.KeyFormatException;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.PemKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * The trust authority's home: the root key that signs trust lists and revocation lists
 * ({@code root.key.pem}, encrypted PKCS#8; {@code root.pub.pem}), and the state of what it signed.
 * {@code --authority DIR}, else {@code $GREENLIGHT_AUTHORITY_HOME}, else {@code ~/.greenlight/authority}.
 * Separate from the issuer home: the root signs what verifiers trust, and belongs offline.
 */
public final class AuthorityHome {

    public static final String ENVIRONMENT_VARIABLE = "GREENLIGHT_AUTHORITY_HOME";
    static final String ROOT_PRIVATE_KEY = "root.key.pem";
    static final String ROOT_PUBLIC_KEY = "root.pub.pem";

    private final Path directory;

    private AuthorityHome(Path directory) {
        this.directory = directory;
    }

    /**
     * @param option {@code --authority}, or null
     * @param environment where the variable and the user's home come from
     * @return the home; it must exist
     */
    public static AuthorityHome open(Path option, Environment environment) {
        Path directory;
        if (option != null) {
            directory = environment.resolve(option);
        } else {
            String fromEnvironment = environment.variable(ENVIRONMENT_VARIABLE);
            directory = fromEnvironment != null && !fromEnvironment.isEmpty()
                    ? environment.resolve(Path.of(fromEnvironment))
                    : environment.userHome().resolve(".greenlight").resolve("authority");
        }
        if (!Files.isRegularFile(directory.resolve(ROOT_PUBLIC_KEY))) {
            throw new CliException(ExitCode.NOT_CONFIGURED, "no trust authority home at " + directory + " (no " + ROOT_PUBLIC_KEY
                    + "): create one with 'gl-issue trust init', or name one with --authority or $" + ENVIRONMENT_VARIABLE);
        }
        return new AuthorityHome(directory);
    }

    public Path directory() {
        return directory;
    }

    public ECPublicKey rootPublicKey() {
        try {
            return PemKeys.publicKeyFromPem(Files.readString(directory.resolve(ROOT_PUBLIC_KEY), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read " + directory.resolve(ROOT_PUBLIC_KEY) + ": " + e.getMessage(), e);
        } catch (KeyFormatException e) {
            throw new CliException(ExitCode.KEY_ERROR, directory.resolve(ROOT_PUBLIC_KEY) + ": " + e.getMessage(), e);
        }
    }

    public KeyId rootKeyId() {
        return KeyId.of(rootPublicKey());
    }

    /** The root private key; an encrypted one asks {@code passphrase}. Never printed, never logged. */
    ECPrivateKey rootPrivateKey(PassphraseSource passphrase) {
        Path file = directory.resolve(ROOT_PRIVATE_KEY);
        String pem;
        try {
            java.util.Optional<String> unsafe = HomePermissions.unsafePermissions(file, "The root private key");
            if (unsafe.isPresent()) {
                throw new CliException(ExitCode.KEY_ERROR, unsafe.get());
            }
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCode.KEY_ERROR, "no root private key " + file + ": sign on the machine that holds it");
        } catch (IOException e) {
            throw new CliException(ExitCode.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            ECPrivateKey key;
            if (EncryptedPrivateKeys.isEncrypted(pem)) {
                char[] secret = passphrase.read("Passphrase for the root key");
                try {
                    key = EncryptedPrivateKeys.fromPem(pem, secret);
                } finally {
                    Arrays.fill(secret, '\0');
                }
            } else {
                key = PemKeys.privateKeyFromPem(pem);
            }
            if (!KeyId.of(dev.greenlight.codec.P256KeyPairs.publicKeyOf(key)).equals(rootKeyId())) {
                throw new CliException(ExitCode.KEY_ERROR, file + " is not the private key of " + ROOT_PUBLIC_KEY);
            }
            return key;
        } catch (KeyFormatException e) {
            throw new CliException(ExitCode.KEY_ERROR, file + ": " + e.getMessage(), e);
        }
    }

    /** Where the revocation state lives: created on first use, 0700. */
    public Path revocations() {
        return directory.resolve("revocations");
    }
}
