package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.codec.EncryptedPrivateKeys;
import dev.greenlight.codec.KeyFormatException;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.trust.TrustListDocument;
import dev.greenlight.codec.trust.TrustListException;
import dev.greenlight.issuer.IssuerHomeException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The trust authority's directory, apart from any issuer home (the root signs lists of issuers;
 * it is not one of them):
 * <pre>
 * root.key.pem      the root's PKCS#8 private key, maybe encrypted    0600
 * root.pub.pem      its SubjectPublicKeyInfo: what verifiers pin        0644
 * trust-list.json   the list as edited: its keys and windows, the last
 *                   signed sequence, the maximum age                   0644
 * last-signed.jws   the list last signed                               0644
 * revocations/      what was revoked (ledger.jsonl, 0600) and published 0700
 * </pre>
 * The directory is 0700. {@code root.key.pem} and {@code root.pub.pem} are also what revocation
 * lists are signed and verified with. The sequence number is raised in {@code trust-list.json}
 * before a list is written out, so that a failed write costs a number, never reuses one.
 */
final class AuthorityHome {

    static final String ENVIRONMENT_VARIABLE = "GREENLIGHT_AUTHORITY_HOME";
    static final String ROOT_PRIVATE_KEY = "root.key.pem";
    static final String ROOT_PUBLIC_KEY = "root.pub.pem";
    static final String DRAFT = "trust-list.json";
    static final String LAST_SIGNED = "last-signed.jws";
    /** A week: a scanner that syncs daily can miss six days; the authority publishes at least weekly. */
    static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    private final Path root;

    private AuthorityHome(Path root) {
        this.root = root;
    }

    /** {@code --authority}, else the environment variable, else {@code ~/.greenlight/authority}. */
    static Path locate(Path option, Environment environment) {
        return environment.locateHome(option, ENVIRONMENT_VARIABLE, "authority");
    }

    /**
     * Creates the root key and an empty list.
     *
     * @throws IssuerHomeException {@link Reason#ALREADY_EXISTS} if a root is there: replacing it
     *         would make every verifier's pin wrong, so it is never done in place
     */
    static AuthorityHome create(Path root, KeyPair pair, char[] passphrase, SecureRandom random, Instant now) {
        AuthorityHome home = new AuthorityHome(root);
        if (Files.exists(home.privateKeyFile()) || Files.exists(home.publicKeyFile())) {
            throw new IssuerHomeException(Reason.ALREADY_EXISTS, "A trust authority already exists at " + root
                    + ": every verifier pins its root key, so it is never replaced in place; move the directory away first "
                    + "if you really mean to start again");
        }
        try {
            if (Files.isDirectory(root)) {
                requireSafe(root, "The authority home", Reason.NO_HOME);
            }
            HomePermissions.createPrivateDirectories(root);
            requireSafe(root, "The authority home", Reason.NO_HOME);
            ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
            String privatePem = passphrase == null ? PemKeys.privateKeyToPem(privateKey)
                    : EncryptedPrivateKeys.toPem(privateKey, passphrase, random);
            AtomicOutput.write(home.privateKeyFile(), out -> out.write(privatePem.getBytes(StandardCharsets.US_ASCII)), false, true);
            AtomicOutput.write(home.publicKeyFile(), out -> out.write(
                    PemKeys.publicKeyToPem((ECPublicKey) pair.getPublic()).getBytes(StandardCharsets.US_ASCII)), false, false);
            home.saveDraft(new TrustListDocument(0, wholeSeconds(now), DEFAULT_MAX_AGE, List.of()), false);
        } catch (FileAlreadyExistsException e) {
            throw new IssuerHomeException(Reason.ALREADY_EXISTS, "Refusing to overwrite " + e.getFile(), e);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot create the authority home at " + root + ": " + e, e);
        }
        return home;
    }

    /** @throws IssuerHomeException {@link Reason#NO_HOME} if there is no authority at {@code root} */
    static AuthorityHome open(Path root) {
        AuthorityHome home = new AuthorityHome(root);
        if (!Files.isRegularFile(home.publicKeyFile()) || !Files.isRegularFile(home.draftFile())) {
            throw new IssuerHomeException(Reason.NO_HOME, "No trust authority at " + root + ": create one with 'gl-issue trust init'"
                    + " (or point --authority / " + ENVIRONMENT_VARIABLE + " at yours)");
        }
        requireSafe(root, "The authority home", Reason.NO_HOME);
        return home;
    }

    private static void requireSafe(Path path, String what, Reason reason) {
        try {
            HomePermissions.unsafePermissions(path, what).ifPresent(problem -> {
                throw new IssuerHomeException(reason, problem);
            });
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read the permissions of " + path + ": " + e, e);
        }
    }

    static Instant wholeSeconds(Instant instant) {
        return Instant.ofEpochSecond(instant.getEpochSecond());
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

    Path draftFile() {
        return root.resolve(DRAFT);
    }

    /** Where the revocation ledger lives: created on first use, 0700. */
    Path revocations() {
        return root.resolve("revocations");
    }

    Path lastSignedFile() {
        return root.resolve(LAST_SIGNED);
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

    /** The root's private key, checked against {@code root.pub.pem}; the passphrase is asked only if it is encrypted. */
    ECPrivateKey rootPrivateKey(PassphraseSource passphrase) {
        String pem;
        try {
            pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IssuerHomeException(Reason.KEY_ERROR, "The root private key " + privateKeyFile() + " is missing: this copy of "
                    + "the authority cannot sign", e);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read the root private key: " + e.getClass().getSimpleName(), e);
        }
        requireSafe(privateKeyFile(), "The root private key", Reason.KEY_ERROR);
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

    /** The list as edited, read with the same rules a verifier applies to a signed one. */
    TrustListDocument draft() {
        String json;
        try {
            json = Files.readString(draftFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read " + draftFile() + ": " + e, e);
        }
        try {
            return TrustListDocument.parseUnverified(json);
        } catch (TrustListException e) {
            throw new IssuerHomeException(Reason.NO_HOME, draftFile() + " is not a valid trust list: " + e.getMessage(), e);
        }
    }

    void saveDraft(TrustListDocument document) {
        try {
            saveDraft(document, true);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot write " + draftFile() + ": " + e, e);
        }
    }

    private void saveDraft(TrustListDocument document, boolean overwrite) throws IOException {
        byte[] bytes = (document.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(draftFile(), out -> out.write(bytes), overwrite, false);
    }

    void saveLastSigned(String jws) {
        try {
            AtomicOutput.write(lastSignedFile(), out -> out.write((jws + "\n").getBytes(StandardCharsets.US_ASCII)), true, false);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot write " + lastSignedFile() + ": " + e, e);
        }
    }
}
