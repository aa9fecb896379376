package dev.greenlight.issuer;

import dev.greenlight.cli.AtomicOutput;
import dev.greenlight.cli.Durations;
import dev.greenlight.codec.EncryptedPrivateKeys;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.IdentitySecretFile;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.KeyFormatException;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.issuer.IssuerHomeException.Reason;
import dev.greenlight.registry.Registry;
import dev.greenlight.registry.RegistryException;
import dev.greenlight.rules.InvalidPolicyException;
import dev.greenlight.rules.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The issuer's directory:
 * <pre>
 * settings.properties        active-key, retired-keys,            0600
 *                            default-validity
 * identity-secret            32 random bytes, Base64              0600
 * keys/KID.key.pem           PKCS#8 private key, maybe encrypted  0600
 * keys/KID.pub.pem           SubjectPublicKeyInfo                 0644
 * keys/KID.jwk.json          public JWK, kid = KID                0644
 * keys/KID.pkcs11            instead of KID.key.pem, for a key    0600
 *                            in a PKCS#11 token: config, label
 * policy.json                colour rules' policy (specs/rules.md) 0600
 * registry.db                the registry (SQLite default)        0600
 * </pre>
 * {@code settings.properties} names the policy ({@code policy}, relative to the home) and the
 * registry ({@code registry.url}, a JDBC URL: SQLite under the home, or PostgreSQL).
 * Directories are 0700. Nothing here prints or logs the secret or a private key.
 *
 * <p>As ssh does for its keys, a home is refused on a POSIX file system when its directory or
 * {@code keys/} is writable by group or others, or when the identity secret or the private key to
 * be used gives group or others any access; the message names the file, its mode and the
 * {@code chmod} to run. {@code init} refuses an existing directory writable by group or others
 * rather than filling it with secrets.
 *
 * <p>Failures are {@link IssuerHomeException}s with a reason; the commands choose the exit code.
 */
final class IssuerHome {

    static final String ENVIRONMENT_VARIABLE = "GREENLIGHT_ISSUER_HOME";
    static final String DEFAULT_LOCATION_HELP = "~/.greenlight/issuer unless --home or the environment variable "
            + ENVIRONMENT_VARIABLE + " names another";

    private static final String SETTINGS = "settings.properties";
    private static final String IDENTITY_SECRET = "identity-secret";
    private static final String KEYS = "keys";
    private static final String ACTIVE_KEY = "active-key";
    private static final String DEFAULT_VALIDITY = "default-validity";
    private static final String RETIRED_KEYS = "retired-keys";
    static final String POLICY = "policy";
    static final String REGISTRY_URL = "registry.url";
    static final String POLICY_FILE = "policy.json";
    private static final String DEFAULT_POLICY_RESOURCE = "default-policy.json";

    private final Path root;

    private IssuerHome(Path root) {
        this.root = root;
    }

    /** {@code --home}, else the environment variable, else {@code ~/.greenlight/issuer}. */
    static Path locate(Path option, Environment environment) {
        return environment.locateHome(option, ENVIRONMENT_VARIABLE, "issuer");
    }

    /**
     * Creates a home with a new identity secret and a first signing key, which becomes active.
     *
     * @throws IssuerHomeException {@link Reason#ALREADY_EXISTS} if a home is there and not {@code force}
     */
    static IssuerHome create(Path root, boolean force, SecureRandom random, char[] passphrase) {
        IssuerHome home = new IssuerHome(root);
        if (!force && (Files.exists(root.resolve(SETTINGS)) || Files.exists(root.resolve(IDENTITY_SECRET)))) {
            throw new IssuerHomeException(Reason.ALREADY_EXISTS, "An issuer home already exists at " + root
                    + "; --force replaces its identity secret and settings (codes issued so far can then no longer be linked to people)");
        }
        try {
            if (Files.isDirectory(root)) {
                requireSafe(root, "The issuer home", Reason.NO_HOME);
            }
            HomePermissions.createPrivateDirectories(root.resolve(KEYS));
            requireSafe(root.resolve(KEYS), "The keys directory", Reason.NO_HOME);
            IdentitySecret secret = IdentitySecret.generate(random);
            AtomicOutput.write(root.resolve(IDENTITY_SECRET), out -> IdentitySecretFile.write(secret, out), force, true);
            KeyId keyId = home.addKey(P256KeyPairs.generate(random), passphrase, random);
            Properties settings = new Properties();
            settings.setProperty(ACTIVE_KEY, keyId.toString());
            settings.setProperty(DEFAULT_VALIDITY, Durations.format(Issuer.DEFAULT_VALIDITY));
            byte[] policy = defaultPolicy();
            AtomicOutput.write(root.resolve(POLICY_FILE), out -> out.write(policy), force, true);
            settings.setProperty(POLICY, POLICY_FILE);
            String registryUrl = Registry.defaultUrl(root);
            try (Registry registry = Registry.open(registryUrl)) {
                // Created (0600) and migrated now, so the first declaration needs no set-up.
                registry.schemaVersion();
            } catch (RegistryException e) {
                throw new IssuerHomeException(Reason.IO_ERROR, "Cannot create the registry " + registryUrl + ": " + e.getMessage(), e);
            }
            settings.setProperty(REGISTRY_URL, registryUrl);
            home.writeSettings(settings, force);
        } catch (FileAlreadyExistsException e) {
            throw new IssuerHomeException(Reason.ALREADY_EXISTS, "Refusing to overwrite " + e.getFile() + " (use --force)", e);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot create the issuer home at " + root + ": " + e, e);
        }
        return home;
    }

    private static byte[] defaultPolicy() throws IOException {
        try (InputStream in = IssuerHome.class.getResourceAsStream(DEFAULT_POLICY_RESOURCE)) {
            if (in == null) {
                throw new IOException("the built-in policy " + DEFAULT_POLICY_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    /** @throws IssuerHomeException {@link Reason#NO_HOME} if there is no initialised home at {@code root} */
    static IssuerHome open(Path root) {
        if (!Files.isRegularFile(root.resolve(SETTINGS)) || !Files.isRegularFile(root.resolve(IDENTITY_SECRET))) {
            throw new IssuerHomeException(Reason.NO_HOME, "No issuer home at " + root + ": create one with 'gl-issue init'"
                    + " (or point --home / " + ENVIRONMENT_VARIABLE + " at yours)");
        }
        requireSafe(root, "The issuer home", Reason.NO_HOME);
        if (Files.isDirectory(root.resolve(KEYS))) {
            requireSafe(root.resolve(KEYS), "The keys directory", Reason.NO_HOME);
        }
        return new IssuerHome(root);
    }

    /** Refuses, with {@code reason}, a file or directory whose permissions let others read a secret or swap a key. */
    private static void requireSafe(Path path, String what, Reason reason) {
        try {
            HomePermissions.unsafePermissions(path, what).ifPresent(problem -> {
                throw new IssuerHomeException(reason, problem);
            });
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read the permissions of " + path + ": " + e, e);
        }
    }

    Path root() {
        return root;
    }

    Path keysDirectory() {
        return root.resolve(KEYS);
    }

    Path privateKeyFile(KeyId keyId) {
        return keysDirectory().resolve(keyId + ".key.pem");
    }

    Path publicKeyFile(KeyId keyId) {
        return keysDirectory().resolve(keyId + ".pub.pem");
    }

    Path jwkFile(KeyId keyId) {
        return keysDirectory().resolve(keyId + ".jwk.json");
    }

    /** Where a key in a PKCS#11 token is recorded: its token's configuration file and its label, no secret. */
    Path tokenKeyFile(KeyId keyId) {
        return keysDirectory().resolve(keyId + ".pkcs11");
    }

    private static final String TOKEN_CONFIG = "config";
    private static final String TOKEN_LABEL = "label";

    /** A key held in a PKCS#11 token: the SunPKCS11 configuration file of the token, and the key's label there. */
    record TokenKey(Path config, String label) {
    }

    /**
     * Records a key that lives in a PKCS#11 token: its public key as PEM and JWK, as for any key,
     * and where to find the private key, in place of a private key file.
     *
     * @param config the token's configuration file, stored as an absolute path
     */
    KeyId addTokenKey(ECPublicKey publicKey, Path config, String label) throws IOException {
        KeyId keyId = KeyId.of(publicKey);
        HomePermissions.createPrivateDirectories(keysDirectory());
        Properties reference = new Properties();
        reference.setProperty(TOKEN_CONFIG, config.toAbsolutePath().normalize().toString());
        reference.setProperty(TOKEN_LABEL, label);
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        // The stream form escapes what Latin-1 lacks (a label in Chinese), as load() expects.
        reference.store(text, "The private key of " + keyId + " is in a PKCS#11 token, never in this home.");
        byte[] bytes = text.toByteArray();
        if (Files.exists(privateKeyFile(keyId))) {
            throw new FileAlreadyExistsException(privateKeyFile(keyId).toString());
        }
        AtomicOutput.write(tokenKeyFile(keyId), out -> out.write(bytes), false, true);
        AtomicOutput.write(publicKeyFile(keyId),
                out -> out.write(PemKeys.publicKeyToPem(publicKey).getBytes(StandardCharsets.US_ASCII)), true, false);
        AtomicOutput.write(jwkFile(keyId),
                out -> out.write((JwkKeys.publicKeyToJwk(publicKey) + "\n").getBytes(StandardCharsets.UTF_8)), true, false);
        return keyId;
    }

    /** The token reference of a key, or null if its private key is not in a token. */
    TokenKey tokenKey(KeyId keyId) {
        Path file = tokenKeyFile(keyId);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties reference = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            reference.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read " + file + ": " + e, e);
        }
        String config = reference.getProperty(TOKEN_CONFIG, "").strip();
        String label = reference.getProperty(TOKEN_LABEL, "").strip();
        if (config.isEmpty() || label.isEmpty()) {
            throw new IssuerHomeException(Reason.KEY_ERROR, file + " must name the token's '" + TOKEN_CONFIG
                    + "' file and the key's '" + TOKEN_LABEL + "'");
        }
        return new TokenKey(root.resolve(config), label);
    }

    /** Stores a key pair under its key id; the private key encrypted if a passphrase is given. */
    KeyId addKey(KeyPair pair, char[] passphrase, SecureRandom random) throws IOException {
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        KeyId keyId = KeyId.of(publicKey);
        HomePermissions.createPrivateDirectories(keysDirectory());
        ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
        String privatePem = passphrase == null ? PemKeys.privateKeyToPem(privateKey)
                : EncryptedPrivateKeys.toPem(privateKey, passphrase, random);
        // A key id already present means the same key (or a 1-in-4-billion clash): never replace a private key.
        AtomicOutput.write(privateKeyFile(keyId), out -> out.write(privatePem.getBytes(StandardCharsets.US_ASCII)), false, true);
        AtomicOutput.write(publicKeyFile(keyId),
                out -> out.write(PemKeys.publicKeyToPem(publicKey).getBytes(StandardCharsets.US_ASCII)), true, false);
        AtomicOutput.write(jwkFile(keyId),
                out -> out.write((JwkKeys.publicKeyToJwk(publicKey) + "\n").getBytes(StandardCharsets.UTF_8)), true, false);
        return keyId;
    }

    /**
     * Makes a key the one that signs from now on; settings are replaced in one rename.
     *
     * @throws IssuerHomeException {@link Reason#KEY_ERROR} if the key is unknown, has no private
     *                             key in this home, or is retired
     */
    void activate(KeyId keyId) {
        requireKnown(keyId);
        if (!Files.isRegularFile(privateKeyFile(keyId)) && !Files.isRegularFile(tokenKeyFile(keyId))) {
            throw new IssuerHomeException(Reason.KEY_ERROR, "Key " + keyId + " has no private key in " + keysDirectory()
                    + ": it cannot sign");
        }
        Properties settings = settings();
        if (retired(settings).contains(keyId.toString())) {
            throw new IssuerHomeException(Reason.KEY_ERROR, "Key " + keyId + " is retired: a retired key never signs again");
        }
        settings.setProperty(ACTIVE_KEY, keyId.toString());
        writeSettings(settings);
    }

    /**
     * Marks a key retired: it no longer signs and cannot be activated again. Its public key stays,
     * so that codes it signed can still be verified. The active key cannot be retired: activate
     * another first.
     *
     * @return false if it was retired already
     * @throws IssuerHomeException {@link Reason#KEY_ERROR} if the key is unknown or active
     */
    boolean retire(KeyId keyId) {
        requireKnown(keyId);
        Properties settings = settings();
        if (keyId.toString().equals(settings.getProperty(ACTIVE_KEY, "").strip())) {
            throw new IssuerHomeException(Reason.KEY_ERROR, "Key " + keyId + " is the active key: activate another "
                    + "('gl-issue keygen --activate' or 'gl-issue keys activate ID') before retiring it");
        }
        Set<String> retired = retired(settings);
        if (!retired.add(keyId.toString())) {
            return false;
        }
        settings.setProperty(RETIRED_KEYS, String.join(",", retired));
        writeSettings(settings);
        return true;
    }

    boolean isRetired(KeyId keyId) {
        return retired(settings()).contains(keyId.toString());
    }

    private void requireKnown(KeyId keyId) {
        if (!Files.isRegularFile(publicKeyFile(keyId))) {
            throw new IssuerHomeException(Reason.KEY_ERROR, "No key " + keyId + " in " + keysDirectory()
                    + " ('gl-issue keys' lists them)");
        }
    }

    private static Set<String> retired(Properties settings) {
        Set<String> retired = new TreeSet<>();
        for (String id : settings.getProperty(RETIRED_KEYS, "").split(",")) {
            if (!id.isBlank()) {
                retired.add(id.strip());
            }
        }
        return retired;
    }

    /**
     * The policy the colour rules apply: the file {@code policy} in the settings names.
     *
     * @throws IssuerHomeException {@link Reason#NO_HOME} if the settings name none (a home made
     *                             before the lifecycle commands) or the file is not a valid policy
     */
    Policy policy() {
        String name = settings().getProperty(POLICY);
        if (name == null || name.isBlank()) {
            throw new IssuerHomeException(Reason.NO_HOME, root.resolve(SETTINGS) + " names no " + POLICY
                    + " (this home was made before the lifecycle commands): copy a policy file (specs/policy-example.json,"
                    + " format in specs/rules.md) to " + root.resolve(POLICY_FILE) + " and add the line '" + POLICY + "="
                    + POLICY_FILE + "' to " + root.resolve(SETTINGS));
        }
        Path file = root.resolve(name.strip());
        try (InputStream in = Files.newInputStream(file)) {
            return Policy.load(in);
        } catch (NoSuchFileException e) {
            throw new IssuerHomeException(Reason.NO_HOME, "The policy file " + file + " named in " + root.resolve(SETTINGS)
                    + " does not exist", e);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read the policy " + file + ": " + e, e);
        } catch (InvalidPolicyException e) {
            throw new IssuerHomeException(Reason.NO_HOME, "The policy " + file + " is invalid at " + e.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The registry's JDBC URL: {@code registry.url} in the settings.
     *
     * @throws IssuerHomeException {@link Reason#NO_HOME} if the settings name none (a home made
     *                             before the lifecycle commands)
     */
    String registryUrl() {
        String url = settings().getProperty(REGISTRY_URL);
        if (url == null || url.isBlank()) {
            throw new IssuerHomeException(Reason.NO_HOME, root.resolve(SETTINGS) + " names no " + REGISTRY_URL
                    + " (this home was made before the lifecycle commands): add the line '" + REGISTRY_URL + "="
                    + Registry.defaultUrl(root) + "' to it for the embedded SQLite registry (created on first use),"
                    + " or a jdbc:postgresql://host/db?user=... URL");
        }
        return url.strip();
    }

    KeyId activeKeyId() {
        String value = settings().getProperty(ACTIVE_KEY);
        if (value == null) {
            throw new IssuerHomeException(Reason.NO_HOME, root.resolve(SETTINGS) + " names no " + ACTIVE_KEY);
        }
        try {
            return KeyId.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IssuerHomeException(Reason.NO_HOME, root.resolve(SETTINGS) + ": " + e.getMessage(), e);
        }
    }

    Duration defaultValidity() {
        String value = settings().getProperty(DEFAULT_VALIDITY);
        if (value == null) {
            return Issuer.DEFAULT_VALIDITY;
        }
        try {
            return Validity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IssuerHomeException(Reason.NO_HOME, root.resolve(SETTINGS) + ": " + e.getMessage(), e);
        }
    }

    /** Every key in the home, by key id. */
    List<StoredKey> keys() {
        List<StoredKey> keys = new ArrayList<>();
        if (!Files.isDirectory(keysDirectory())) {
            return keys;
        }
        try (Stream<Path> files = Files.list(keysDirectory())) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".pub.pem")) {
                    continue;
                }
                ECPublicKey publicKey = readPublicKey(file);
                KeyId keyId = KeyId.of(publicKey);
                Path privateFile = privateKeyFile(keyId);
                boolean inToken = Files.isRegularFile(tokenKeyFile(keyId));
                boolean hasFile = Files.isRegularFile(privateFile);
                boolean encrypted = hasFile && EncryptedPrivateKeys.isEncrypted(Files.readString(privateFile, StandardCharsets.US_ASCII));
                keys.add(new StoredKey(keyId, publicKey, hasFile || inToken, encrypted, inToken));
            }
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot list " + keysDirectory() + ": " + e, e);
        }
        return keys;
    }

    IdentitySecret identitySecret() {
        requireSafe(root.resolve(IDENTITY_SECRET), "The identity secret", Reason.NO_HOME);
        try (InputStream in = Files.newInputStream(root.resolve(IDENTITY_SECRET))) {
            return IdentitySecretFile.read(in);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read the identity secret: " + e.getClass().getSimpleName(), e);
        } catch (KeyFormatException e) {
            throw new IssuerHomeException(Reason.NO_HOME, root.resolve(IDENTITY_SECRET) + " is not a Base64 secret of at least "
                    + IdentitySecret.MIN_BYTES + " bytes", e);
        }
    }

    ECPrivateKey signingKey(PassphraseSource passphrase) {
        KeyId keyId = activeKeyId();
        if (isRetired(keyId)) {
            throw new IssuerHomeException(Reason.KEY_ERROR, "The active key " + keyId + " is retired in "
                    + root.resolve(SETTINGS) + ": activate another ('gl-issue keys activate ID')");
        }
        String pem;
        try {
            pem = Files.readString(privateKeyFile(keyId), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IssuerHomeException(Reason.KEY_ERROR, "The active key " + keyId + " has no private key file " + privateKeyFile(keyId), e);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read the private key " + keyId + ": " + e.getClass().getSimpleName(), e);
        }
        requireSafe(privateKeyFile(keyId), "The private key", Reason.KEY_ERROR);
        ECPrivateKey key = readPrivateKey(pem, passphrase);
        if (!KeyId.of(P256KeyPairs.publicKeyOf(key)).equals(keyId)) {
            throw new IssuerHomeException(Reason.KEY_ERROR, privateKeyFile(keyId) + " does not hold the key " + keyId);
        }
        return key;
    }

    /** @param passphrase asked for only if the key is encrypted; what it throws passes through */
    private static ECPrivateKey readPrivateKey(String pem, PassphraseSource passphrase) {
        if (!EncryptedPrivateKeys.isEncrypted(pem)) {
            try {
                return PemKeys.privateKeyFromPem(pem);
            } catch (KeyFormatException e) {
                throw new IssuerHomeException(Reason.KEY_ERROR, e.getMessage(), e);
            }
        }
        char[] secret = passphrase.read("Passphrase for the signing key");
        try {
            return EncryptedPrivateKeys.fromPem(pem, secret);
        } catch (KeyFormatException e) {
            throw new IssuerHomeException(Reason.KEY_ERROR, e.getMessage(), e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * An issuer signing with the active key: from its file, or in its PKCS#11 token, logged in with
     * the PIN of {@code passphrase.pin()}.
     */
    Issuer issuer(Clock clock, PassphraseSource passphrase) {
        Issuer.Builder builder = Issuer.builder(identitySecret(), clock)
                .defaultValidity(defaultValidity());
        KeyId keyId = activeKeyId();
        TokenKey tokenKey = tokenKey(keyId);
        if (tokenKey == null) {
            return builder.signingKey(signingKey(passphrase)).build();
        }
        if (isRetired(keyId)) {
            throw new IssuerHomeException(Reason.KEY_ERROR, "The active key " + keyId + " is retired in "
                    + root.resolve(SETTINGS) + ": activate another ('gl-issue keys activate ID')");
        }
        Pkcs11Token token = Pkcs11Token.open(tokenKey.config(), passphrase.pin());
        Pkcs11Token.Entry entry = token.key(tokenKey.label());
        if (!entry.keyId().equals(keyId) || !publicKey(keyId).equals(entry.publicKey())) {
            throw new IssuerHomeException(Reason.KEY_ERROR, "The key '" + tokenKey.label() + "' in the PKCS#11 token of "
                    + tokenKey.config() + " is " + entry.keyId() + ", not the active key " + keyId);
        }
        try {
            return builder.signingKey(entry.privateKey(), entry.publicKey(), token.provider()).build();
        } catch (KeyFormatException e) {
            throw new IssuerHomeException(Reason.KEY_ERROR, e.getMessage(), e);
        }
    }

    ECPublicKey publicKey(KeyId keyId) {
        return readPublicKey(publicKeyFile(keyId));
    }

    private static ECPublicKey readPublicKey(Path file) {
        try {
            return PemKeys.publicKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read " + file + ": " + e, e);
        } catch (KeyFormatException e) {
            throw new IssuerHomeException(Reason.KEY_ERROR, file + ": " + e.getMessage(), e);
        }
    }

    private Properties settings() {
        Properties settings = new Properties();
        try {
            settings.load(new StringReader(Files.readString(root.resolve(SETTINGS), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot read " + root.resolve(SETTINGS) + ": " + e, e);
        }
        return settings;
    }

    private void writeSettings(Properties settings) {
        try {
            writeSettings(settings, true);
        } catch (IOException e) {
            throw new IssuerHomeException(Reason.IO_ERROR, "Cannot write " + root.resolve(SETTINGS) + ": " + e, e);
        }
    }

    /** The whole file replaced in one rename: a reader sees the old settings or the new, never half. */
    private void writeSettings(Properties settings, boolean overwrite) throws IOException {
        StringWriter text = new StringWriter();
        text.write("# Greenlight issuer settings. Keys live in keys/, named by key id.\n");
        for (String name : settings.stringPropertyNames().stream().sorted().toList()) {
            text.write(name + "=" + settings.getProperty(name) + "\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(root.resolve(SETTINGS), out -> out.write(bytes), overwrite, true);
    }

    /**
     * One key of the home; {@code hasPrivateKey} false for a public key kept for verification only,
     * {@code inToken} true for a private key held in a PKCS#11 token.
     */
    record StoredKey(KeyId keyId, ECPublicKey publicKey, boolean hasPrivateKey, boolean encrypted, boolean inToken) {
    }
}
