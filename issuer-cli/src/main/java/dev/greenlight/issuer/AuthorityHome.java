package dev.greenlight.issuer;

import dev.greenlight.codec.EncryptedPrivateKeys;
import dev.greenlight.codec.KeyFormatException;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.issuer.IssuerHomeException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Optional;

/**
 * The trust authority's home: the root key that signs trust lists and revocation lists
 * ({@code root.key.pem}, PKCS#8, maybe encrypted, 0600; {@code root.pub.pem}, what verifiers pin),
 * and under {@code revocations/} the record of what was revoked and published. Apart from any
 * issuer home: the root signs what verifiers trust, and belongs offline.
 *
 * <p>The methods have the names and meaning of the trust-list branch's class of the same name
 * ({@code gl-issue trust init} creates the home), so that merging the two keeps theirs and adds
 * {@link #revocations()}.
 */
final class AuthorityHome {

    static final String ENVIRONMENT_VARIABLE = "GREENLIGHT_AUTHORITY_HOME";
    static final String ROOT_PRIVATE_KEY = "root.key.pem";
    static final String ROOT_PUBLIC_KEY = "root.pub.pem";

    private final Path root;

    private AuthorityHome(Path root) {
        this.root = root;
    }

    /** {@code --authority}, else the environment variable, else {@code ~/.greenlight/authority}. */
    static Path locate(Path option, Environment environment) {
        if (option != null) {
            return environment.resolve(option);
        }
        String variable = environment.variable(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return environment.resolve(Path.of(variable));
        }
        return environment.userHome().resolve(".greenlight").resolve("authority");
    }

    /** @throws IssuerHomeException {@link Reason#NO_HOME} if there is no authority at {@code root} */
    static AuthorityHome open(Path root) {
        AuthorityHome home = new AuthorityHome(root);
        if (!Files.isRegularFile(home.publicKeyFile())) {
            throw new IssuerHomeException(Reason.NO_HOME, "No trust authority at " + root + " (no " + ROOT_PUBLIC_KEY
                    + "): create one with 'gl-issue trust init', or name one with --authority or $" + ENVIRONMENT_VARIABLE);
        }
        return home;
    }

    Path root() {
        return root;
    }

    Path privateKeyFile() {
        return root.resolve(ROOT_PRIVATE_KEY);
    }

    Path publicKeyFile() {
        return root.resolve(ROOT_PUBLIC_KEY);
    }

    /** Where the revocation ledger lives: created on first use, 0700. */
    Path revocations() {
        return root.resolve("revocations");
    }

    ECPublicKey rootPublicKey() {
        try {
            return PemKeys.publicKeyFromPem(Files.readString(publicKeyFile(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read " + publicKeyFile() + ": " + e, e);
        } catch (KeyFormatException e) {
            throw new IssuerHomeException(Reason.KEY_ERROR, publicKeyFile() + ": " + e.getMessage(), e);
        }
    }

    /** The root's private key, checked against {@code root.pub.pem}; the passphrase is asked only if it is encrypted. Never printed. */
    ECPrivateKey rootPrivateKey(PassphraseSource passphrase) {
        String pem;
        try {
            Optional<String> unsafe = HomePermissions.unsafePermissions(privateKeyFile(), "The root private key");
            if (unsafe.isPresent()) {
                throw new IssuerHomeException(Reason.KEY_ERROR, unsafe.get());
            }
            pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IssuerHomeException(Reason.KEY_ERROR, "The root private key " + privateKeyFile() + " is missing: this copy of "
                    + "the authority cannot sign", e);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read the root private key: " + e.getClass().getSimpleName(), e);
        }
        ECPrivateKey key;
        try {
            if (EncryptedPrivateKeys.isEncrypted(pem)) {
                char[] secret = passphrase.read("Passphrase for the trust root key");
                try {
                    key = EncryptedPrivateKeys.fromPem(pem, secret);
                } finally {
                    Arrays.fill(secret, '\0');
                }
            } else {
                key = PemKeys.privateKeyFromPem(pem);
            }
        } catch (KeyFormatException e) {
            throw new IssuerHomeException(Reason.KEY_ERROR, privateKeyFile() + ": " + e.getMessage(), e);
        }
        if (!P256KeyPairs.publicKeyOf(key).getW().equals(rootPublicKey().getW())) {
            throw new IssuerHomeException(Reason.KEY_ERROR, privateKeyFile() + " does not hold the key of " + publicKeyFile());
        }
        return key;
    }

    KeyId rootKeyId() {
        return KeyId.of(rootPublicKey());
    }
}
