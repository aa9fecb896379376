package dev.greenlight.codec;

import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import dev.greenlight.codec.internal.wire.PayloadV1;
import dev.greenlight.codec.internal.wire.TextForm;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.sign.EcdsaP256Signer;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * Issues signed codes. Build one per signing key and share it: an issuer is immutable and
 * thread-safe, and issuing from many threads at once is how batches use all cores.
 *
 * <pre>{@code
 * Issuer issuer = Issuer.builder()
 *         .signingKey(privateKey)
 *         .identitySecret(secret)
 *         .clock(Clock.systemUTC())
 *         .build();
 * IssuedCode code = issuer.issue(Identity.chineseResidentId("11010519491231002X"), Colour.GREEN);
 * }</pre>
 *
 * <p>The pipeline of one code: identity to pseudonym ({@link IdentitySecret}), fields to the v1
 * byte layout ({@code PayloadV1}), an ECDSA P-256 signature over those bytes, low S
 * ({@code EcdsaP256Signer}), and the whole to {@code GL1:} plus Base45 ({@code TextForm}).
 */
public final class Issuer {

    /** Codes follow colours, which change daily. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    /** The longest validity the v1 layout can encode: 65,535 minutes, about 45 days. */
    public static final Duration MAX_VALIDITY = Duration.ofMinutes(PayloadV1.MAX_VALIDITY_MINUTES);

    private final ECPrivateKeyParameters signingKey;
    private final ECPublicKey publicKey;
    private final KeyId keyId;
    private final IdentitySecret identitySecret;
    private final Clock clock;
    private final Duration defaultValidity;
    private final SecureRandom serialSource;

    private Issuer(Builder builder) {
        this.signingKey = new ECPrivateKeyParameters(builder.signingKey.getS(), P256.DOMAIN);
        this.publicKey = P256KeyPairs.publicKeyOf(builder.signingKey);
        this.keyId = KeyId.of(publicKey);
        this.identitySecret = builder.identitySecret;
        this.clock = builder.clock;
        this.defaultValidity = builder.defaultValidity;
        this.serialSource = builder.serialSource;
    }

    /** @return a new builder, with nothing set but the default validity */
    public static Builder builder() {
        return new Builder();
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
        byte[] payload = PayloadV1.signed(claims, (message, offset, length) -> EcdsaP256Signer.sign(signingKey, message, offset, length));
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

    /** @return the validity of codes issued without one */
    public Duration defaultValidity() {
        return defaultValidity;
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
        return "Issuer[key " + keyId + "]";
    }

    /** Collects an issuer's parts; {@link #build()} refuses a missing one. Not thread-safe. */
    public static final class Builder {
        private ECPrivateKey signingKey;
        private IdentitySecret identitySecret;
        private Clock clock;
        private Duration defaultValidity = DEFAULT_VALIDITY;
        private SecureRandom serialSource;

        private Builder() {
        }

        /**
         * Required: the issuer's P-256 signing key.
         *
         * @param key the private key
         * @return this builder
         */
        public Builder signingKey(ECPrivateKey key) {
            this.signingKey = Objects.requireNonNull(key, "signingKey");
            return this;
        }

        /**
         * Required: the secret under which identities become pseudonyms.
         *
         * @param secret the issuer's identity secret
         * @return this builder
         */
        public Builder identitySecret(IdentitySecret secret) {
            this.identitySecret = Objects.requireNonNull(secret, "identitySecret");
            return this;
        }

        /**
         * Required: pass {@code Clock.systemUTC()} in production, a fixed clock in tests.
         *
         * @param clock where issue times come from
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
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
         * @throws IllegalStateException if the signing key, the identity secret or the clock is missing
         */
        public Issuer build() {
            if (signingKey == null) {
                throw new IllegalStateException("An issuer needs a signingKey");
            }
            if (identitySecret == null) {
                throw new IllegalStateException("An issuer needs an identitySecret");
            }
            if (clock == null) {
                throw new IllegalStateException("An issuer needs a clock: Clock.systemUTC() in production");
            }
            if (serialSource == null) {
                serialSource = new SecureRandom();
            }
            return new Issuer(this);
        }
    }
}
