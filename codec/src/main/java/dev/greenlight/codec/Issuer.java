package dev.greenlight.codec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.wire.PayloadV1;
import dev.greenlight.codec.internal.wire.TextForm;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.sign.EcdsaP256Signer;
import dev.greenlight.codec.internal.ec.sign.ProviderP256Signer;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * Issues signed codes. Build one per signing key and share it: an issuer is immutable and
 * thread-safe, and issuing from many threads at once is how batches use all cores.
 *
 * <pre>{@code
 * Issuer issuer = Issuer.builder(secret, Clock.systemUTC())
 *         .signingKey(privateKey)
 *         .build();
 * IssuedCode code = issuer.issue(Identity.chineseResidentId("11010519491231002X"), Colour.GREEN);
 * }</pre>
 *
 * <p>The pipeline of one code: identity to pseudonym ({@link IdentitySecret}), fields to the v1
 * byte layout ({@code PayloadV1}), an ECDSA P-256 signature over those bytes, low S
 * ({@code EcdsaP256Signer}), and the whole to {@code GL1:} plus Base45 ({@code TextForm}).
 *
 * <p>The signing key is either a P-256 private key in memory, signed with here in constant time
 * with RFC 6979 nonces, or a key held by a JCA provider that never lets it out, such as a PKCS#11
 * token through the JDK's SunPKCS11:
 *
 * <pre>{@code
 * Provider token = Security.getProvider("SunPKCS11").configure("/etc/greenlight/token.cfg");
 * KeyStore store = KeyStore.getInstance("PKCS11", token);
 * store.load(null, pin);
 * Issuer issuer = Issuer.builder(secret, Clock.systemUTC())
 *         .signingKey((PrivateKey) store.getKey("greenlight", null),
 *                 (ECPublicKey) store.getCertificate("greenlight").getPublicKey(), token)
 *         .build();                     // signs a probe in the token and checks it first
 * }</pre>
 */
public final class Issuer {

    /** Codes follow colours, which change daily. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    /** The longest validity the v1 layout can encode: 65,535 minutes, about 45 days. */
    public static final Duration MAX_VALIDITY = Duration.ofMinutes(PayloadV1.MAX_VALIDITY_MINUTES);

    /**
     * What the check of a provider's key signs: not {@link PayloadV1#SIGNED_BYTES} long, so never
     * the signed bytes of a code, and the check can never issue one.
     */
    private static final byte[] KEY_CHECK_MESSAGE = "Greenlight: does this key match its public key?".getBytes(StandardCharsets.US_ASCII);

    private final PayloadV1.Signer signer;
    private final String signerName;
    private final ECPublicKey publicKey;
    private final KeyId keyId;
    private final IdentitySecret identitySecret;
    private final Clock clock;
    private final Duration defaultValidity;
    private final SecureRandom serialSource;

    private Issuer(Builder builder) {
        if (builder.signingKey != null) {
            ECPrivateKeyParameters key = new ECPrivateKeyParameters(builder.signingKey.getS(), P256.DOMAIN);
            this.signer = (message, offset, length) -> EcdsaP256Signer.sign(key, message, offset, length);
            this.signerName = null;
            this.publicKey = P256KeyPairs.publicKeyOf(builder.signingKey);
        } else {
            this.publicKey = providerPublicKey(builder.providerPublicKey);
            this.signer = providerSigner(builder.providerKey, builder.provider, publicKey);
            this.signerName = builder.provider.getName();
        }
        this.keyId = KeyId.of(publicKey);
        this.identitySecret = builder.identitySecret;
        this.clock = builder.clock;
        this.defaultValidity = builder.defaultValidity;
        this.serialSource = builder.serialSource;
    }

    private static ECPublicKey providerPublicKey(ECPublicKey key) {
        try {
            return P256Jca.toJca(PublicKeyEncoding.pointOf(key));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("The public key of the provider's signing key is not a valid P-256 key: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A signer through the provider, after one signature made with it has been checked against
     * {@code publicKey}: a key store entry whose certificate belongs to another key, or a key on
     * another curve, would otherwise sign a whole batch of codes that no verifier accepts.
     */
    private static PayloadV1.Signer providerSigner(PrivateKey key, Provider provider, ECPublicKey publicKey) {
        ProviderP256Signer signer;
        byte[] signature;
        try {
            signer = ProviderP256Signer.of(key, provider);
            signature = signer.sign(KEY_CHECK_MESSAGE, 0, KEY_CHECK_MESSAGE.length);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new KeyFormatException("The provider " + provider.getName() + " cannot sign with the key: " + e.getMessage(), e);
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, PublicKeyEncoding.toParameters(publicKey));
        boolean matches = verifier.verifySignature(EcdsaP256.sha256(KEY_CHECK_MESSAGE, 0, KEY_CHECK_MESSAGE.length),
                EcdsaP256.scalar(signature, 0), EcdsaP256.scalar(signature, P256.SCALAR_BYTES));
        if (!matches) {
            throw new KeyFormatException("The key in " + provider.getName() + " does not match the public key "
                    + KeyId.of(publicKey) + ": its signature does not verify under it");
        }
        return signer::sign;
    }

    /**
     * @param identitySecret the secret under which identities become pseudonyms
     * @param clock          where issue times come from: {@code Clock.systemUTC()} in production, a
     *                       fixed clock in tests
     * @return a builder, which still needs the signing key
     */
    public static Builder builder(IdentitySecret identitySecret, Clock clock) {
        return new Builder(identitySecret, clock);
    }

    /** @return the validity of codes issued without one */
    public Duration defaultValidity() {
        return defaultValidity;
    }

    /**
     * Issues a code valid for the {@linkplain #defaultValidity() default validity} from now.
     *
     * @param identity whose code: only its pseudonym goes into the code
     * @param colour   the colour the code carries
     * @return the signed code and its claims
     */
    public IssuedCode issue(Identity identity, Colour colour) {
        return issue(identity, colour, defaultValidity);
    }

    /**
     * Issues a code valid for {@code validity} from now (the clock's second).
     *
     * @param identity whose code: only its pseudonym goes into the code
     * @param colour   the colour the code carries
     * @param validity whole minutes, from one minute to {@link #MAX_VALIDITY}
     * @return the signed code and its claims
     * @throws IllegalArgumentException if the validity is out of range or not whole minutes
     */
    public IssuedCode issue(Identity identity, Colour colour, Duration validity) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(colour, "colour");
        return issue(identitySecret.pseudonymOf(identity), colour, validity);
    }

    /**
     * Issues a code valid for {@code validity} from now (the clock's second) to a holder known only
     * by their pseudonym: for an issuer's registry, which keeps identity hashes and never
     * identities. The hash must be the one this issuer's identity secret gives the holder's identity
     * ({@code secret.pseudonymOf(identity)}); the issuer cannot check that, and a code signed for
     * another hash matches nobody at a checkpoint.
     *
     * @param holder   the holder's identity hash, under this issuer's identity secret
     * @param colour   the colour the code carries
     * @param validity whole minutes, from one minute to {@link #MAX_VALIDITY}
     * @return the signed code and its claims
     * @throws IllegalArgumentException if the validity is out of range or not whole minutes
     * @throws NullPointerException     if any argument is null
     */
    public IssuedCode issue(IdentityHash holder, Colour colour, Duration validity) {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(colour, "colour");
        requireEncodableValidity(validity);
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        return sign(holder, colour, now, validity, new Serial(serialSource.nextLong()));
    }

    /** Every input but the signature is given: for test vectors, which must be reproducible. */
    IssuedCode sign(IdentityHash identityHash, Colour colour, Instant issuedAt, Duration validity, Serial serial) {
        CodeClaims claims = new CodeClaims(keyId, serial, identityHash, colour, issuedAt, issuedAt.plus(validity));
        byte[] payload = PayloadV1.signed(claims, signer);
        return new IssuedCode(TextForm.encode(payload), claims);
    }

    /** @return the id of the signing key, which every code of this issuer names */
    public KeyId keyId() {
        return keyId;
    }

    /** @return the public half of the signing key: what verifiers must trust */
    public ECPublicKey publicKey() {
        return publicKey;
    }

    static Duration requireEncodableValidity(Duration validity) {
        Objects.requireNonNull(validity, "validity");
        if (validity.getSeconds() % 60 != 0 || validity.getNano() != 0) {
            throw new IllegalArgumentException("Validity is counted in whole minutes; " + validity + " is not");
        }
        if (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("Validity must be from 1 minute to " + MAX_VALIDITY.toMinutes()
                    + " minutes (about 45 days), not " + validity);
        }
        return validity;
    }

    @Override
    public String toString() {
        return "Issuer[key " + keyId + (signerName == null ? "" : ", in " + signerName) + "]";
    }

    /** Collects the signing key and the optional parts; {@link #build()} refuses a missing key. Not thread-safe. */
    public static final class Builder {
        private final IdentitySecret identitySecret;
        private final Clock clock;
        private ECPrivateKey signingKey;
        private PrivateKey providerKey;
        private ECPublicKey providerPublicKey;
        private Provider provider;
        private Duration defaultValidity = DEFAULT_VALIDITY;
        private SecureRandom serialSource;

        private Builder(IdentitySecret identitySecret, Clock clock) {
            this.identitySecret = Objects.requireNonNull(identitySecret, "identitySecret");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * Required: the issuer's P-256 signing key.
         *
         * @param key the private key
         * @return this builder
         */
        public Builder signingKey(ECPrivateKey key) {
            this.signingKey = Objects.requireNonNull(key, "signingKey");
            this.providerKey = null;
            this.providerPublicKey = null;
            this.provider = null;
            return this;
        }

        /**
         * Required, or {@link #signingKey(ECPrivateKey)}: a P-256 signing key held by a JCA provider,
         * which signs with its {@code SHA256withECDSA}; the key never has to leave it. For a key in
         * a PKCS#11 token (an HSM), the provider is a configured SunPKCS11 and the key comes from
         * its {@code PKCS11} key store, logged in. The provider's DER signatures are turned into
         * the code's 64 bytes and normalised to low S. They need not be deterministic (RFC 6979):
         * an HSM's random nonces give valid codes, which differ from the reference issuer's.
         *
         * <p>{@link #build()} signs a probe message, which can never be a code, with the provider
         * and checks it against {@code publicKey}. Replaces a key set before.
         *
         * @param key       the private key object of the provider (in a token: a handle)
         * @param publicKey its public half, from the token's certificate or the issuer's records
         * @param provider  the provider that holds the key, such as a configured SunPKCS11
         * @return this builder
         */
        public Builder signingKey(PrivateKey key, ECPublicKey publicKey, Provider provider) {
            this.providerKey = Objects.requireNonNull(key, "key");
            this.providerPublicKey = Objects.requireNonNull(publicKey, "publicKey");
            this.provider = Objects.requireNonNull(provider, "provider");
            this.signingKey = null;
            return this;
        }

        /**
         * Defaults to {@link #DEFAULT_VALIDITY}; whole minutes up to {@link #MAX_VALIDITY}.
         *
         * @param validity the validity of codes issued without one
         * @return this builder
         * @throws IllegalArgumentException if the validity is out of range or not whole minutes
         */
        public Builder defaultValidity(Duration validity) {
            this.defaultValidity = requireEncodableValidity(validity);
            return this;
        }

        /**
         * Where serials come from; defaults to a new {@link SecureRandom}.
         *
         * @param random the source of serials
         * @return this builder
         */
        public Builder serialSource(SecureRandom random) {
            this.serialSource = Objects.requireNonNull(random, "serialSource");
            return this;
        }

        /**
         * @return the issuer, immutable and thread-safe
         * @throws IllegalStateException if the signing key is missing
         * @throws KeyFormatException    if a provider's key cannot sign, or signs for another public
         *                               key than the one given with it, or that key is not P-256
         */
        public Issuer build() {
            if (signingKey == null && providerKey == null) {
                throw new IllegalStateException("An issuer needs a signingKey");
            }
            if (serialSource == null) {
                serialSource = new SecureRandom();
            }
            return new Issuer(this);
        }
    }
}
