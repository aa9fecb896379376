package dev.greenlight.codec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import dev.greenlight.codec.internal.Base45;
import dev.greenlight.codec.internal.PayloadV1;
import dev.greenlight.codec.internal.TextForm;
import dev.greenlight.codec.internal.ec.verify.FastEcdsaP256Verifier;

/**
 * Verifies codes offline against trusted issuer keys. Immutable and thread-safe: build one and
 * share it across threads.
 *
 * <p>The checks, in order (the specification's verification algorithm; the first that fails gives
 * the {@link RejectionReason}):
 * <ol>
 *   <li>text: at most {@value TextForm#MAX_LENGTH} characters, prefix {@code GL1:}
 *       (another {@code GLn:} is {@code UNSUPPORTED_VERSION}), strict Base45;</li>
 *   <li>bytes: version byte 1, exactly 100 bytes;</li>
 *   <li>key: the key id names at least one trusted key;</li>
 *   <li>signature: a valid low-S signature over the 36 received bytes by one of those keys;</li>
 *   <li>fields, only now trusted: a known colour, a validity of at least one minute;</li>
 *   <li>time: issued no later than now + skew, expiry later than now - skew.</li>
 * </ol>
 */
public final class Verifier {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);
    /** A larger allowance would let a code expired for longer still pass: fix the device clock instead. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private final KeyResolver keys;
    private final Clock clock;
    private final Duration clockSkew;

    private Verifier(Builder builder) {
        this.keys = builder.keys;
        this.clock = builder.clock;
        this.clockSkew = builder.clockSkew;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Verifies one code text. Never throws for any input text, however hostile: the result says why. */
    public VerificationResult verify(String text) {
        Objects.requireNonNull(text, "text");
        byte[] payload;
        try {
            payload = decodeText(text);
        } catch (CodeFormatException e) {
            return VerificationResult.rejected(e.reason(), e.getMessage());
        }
        return verifyPayload(text, payload);
    }

    /** Verifies the payload bytes of a code, as carried in a binary channel (for example NFC). */
    public VerificationResult verifyPayload(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return verifyPayload(null, payload.clone());
    }

    /**
     * Verifies many codes at once, with exactly the results of {@link #verify(String)} on each, in
     * the same order, at about two thirds of the cost per valid code: the signature checks of the
     * whole list share their modular inversions. For bulk verification; the list is processed in
     * slices, so any size is fine, but a few hundred codes per call gain the most.
     */
    public List<VerificationResult> verifyAll(List<String> texts) {
        VerificationResult[] results = new VerificationResult[texts.size()];
        int[] pendingIndex = new int[texts.size()];
        byte[][] pendingPayloads = new byte[texts.size()][];
        List<List<TrustedKey>> pendingCandidates = new ArrayList<>();
        int pending = 0;
        for (int i = 0; i < results.length; i++) {
            String text = Objects.requireNonNull(texts.get(i), "texts[" + i + "]");
            try {
                byte[] payload = decodeText(text);
                checkLayout(payload);
                pendingCandidates.add(candidatesFor(payload));
                pendingIndex[pending] = i;
                pendingPayloads[pending++] = payload;
            } catch (CodeFormatException e) {
                results[i] = VerificationResult.rejected(e.reason(), e.getMessage());
            }
        }
        FastEcdsaP256Verifier[] firstKeys = new FastEcdsaP256Verifier[pending];
        for (int k = 0; k < pending; k++) {
            firstKeys[k] = pendingCandidates.get(k).get(0).verifier();
        }
        boolean[] signedByFirst = FastEcdsaP256Verifier.verifyBatch(
                firstKeys, Arrays.copyOf(pendingPayloads, pending), PayloadV1.OFFSET_SIGNATURE);
        for (int k = 0; k < pending; k++) {
            List<TrustedKey> candidates = pendingCandidates.get(k);
            // Keys sharing an id are rare: those past the first are tried one by one.
            TrustedKey signer = signedByFirst[k]
                    ? candidates.get(0)
                    : signerAmong(candidates.subList(1, candidates.size()), pendingPayloads[k]);
            results[pendingIndex[k]] = accept(texts.get(pendingIndex[k]), pendingPayloads[k], signer);
        }
        return Arrays.asList(results);
    }

    private VerificationResult verifyPayload(String text, byte[] payload) {
        List<TrustedKey> candidates;
        try {
            checkLayout(payload);
            candidates = candidatesFor(payload);
        } catch (CodeFormatException e) {
            return VerificationResult.rejected(e.reason(), e.getMessage());
        }
        return accept(text, payload, signerAmong(candidates, payload));
    }

    /** The trusted keys with the payload's key id; never empty. */
    private List<TrustedKey> candidatesFor(byte[] payload) throws CodeFormatException {
        KeyId keyId = new KeyId(PayloadV1.keyId(payload));
        List<TrustedKey> candidates = keys.keysFor(keyId);
        if (candidates.isEmpty()) {
            throw new CodeFormatException(RejectionReason.UNKNOWN_KEY, "no trusted key has key id " + keyId);
        }
        return candidates;
    }

    private static TrustedKey signerAmong(List<TrustedKey> candidates, byte[] payload) {
        for (TrustedKey candidate : candidates) {
            if (candidate.signed(payload, PayloadV1.OFFSET_SIGNATURE)) {
                return candidate;
            }
        }
        return null;
    }

    /** The verdict on a payload whose key is known, once its signer is known (null: nobody signed it). */
    private VerificationResult accept(String text, byte[] payload, TrustedKey signer) {
        if (signer == null) {
            return VerificationResult.rejected(RejectionReason.BAD_SIGNATURE,
                    "the signature is not a valid low-S signature by trusted key " + new KeyId(PayloadV1.keyId(payload)));
        }
        CodeClaims claims;
        try {
            claims = readFields(payload);
        } catch (CodeFormatException e) {
            return VerificationResult.rejected(e.reason(), e.getMessage());
        }
        Instant now = clock.instant();
        // Arithmetic on the code's times, which are bounded (at most 2106 plus 45 days), not on
        // the clock's, which could overflow at Instant.MAX: the same comparisons as the spec's.
        if (claims.issuedAt().minus(clockSkew).isAfter(now)) {
            return VerificationResult.rejected(RejectionReason.NOT_YET_VALID, "issued at " + claims.issuedAt()
                    + ", later than now (" + forPeople(now) + ") plus the allowed skew of " + clockSkew);
        }
        if (!claims.expiresAt().plus(clockSkew).isAfter(now)) {
            return VerificationResult.rejected(RejectionReason.EXPIRED,
                    "expired at " + claims.expiresAt() + "; now is " + forPeople(now) + " (skew allowed: " + clockSkew + ")");
        }
        String codeText = text != null ? text : TextForm.encode(payload);
        return VerificationResult.valid(new VerifiedCode(codeText, claims, signer));
    }

    /** Milliseconds are plenty for a person reading a rejection; the comparison above uses the exact instant. */
    private static Instant forPeople(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Reads a code without checking its signature, its key or its times: for debugging and
     * display only. Nothing read here may decide whether someone passes.
     *
     * @throws CodeFormatException if the text is not structurally a v1 code
     */
    public static UnverifiedCode inspectUnverified(String text) throws CodeFormatException {
        byte[] payload = decodeText(text);
        checkLayout(payload);
        byte[] signature = new byte[PayloadV1.TOTAL_BYTES - PayloadV1.OFFSET_SIGNATURE];
        System.arraycopy(payload, PayloadV1.OFFSET_SIGNATURE, signature, 0, signature.length);
        return new UnverifiedCode(readFields(payload), signature);
    }

    private static byte[] decodeText(String text) throws CodeFormatException {
        if (text.length() > TextForm.MAX_LENGTH) {
            throw new CodeFormatException(RejectionReason.MALFORMED,
                    "the text has " + text.length() + " characters, more than the " + TextForm.MAX_LENGTH + " a code may have");
        }
        if (!text.startsWith(TextForm.PREFIX)) {
            if (TextForm.hasOtherVersionPrefix(text)) {
                throw new CodeFormatException(RejectionReason.UNSUPPORTED_VERSION,
                        "the prefix '" + text.substring(0, text.indexOf(':') + 1) + "' names a format version this verifier does not support");
            }
            throw new CodeFormatException(RejectionReason.MALFORMED, "the text does not start with " + TextForm.PREFIX);
        }
        try {
            return Base45.getDecoder().decode(text, TextForm.PREFIX.length(), text.length());
        } catch (IllegalArgumentException e) {
            throw new CodeFormatException(RejectionReason.MALFORMED, "invalid Base45 after the prefix: " + e.getMessage());
        }
    }

    private static void checkLayout(byte[] payload) throws CodeFormatException {
        if (payload.length == 0) {
            throw new CodeFormatException(RejectionReason.MALFORMED, "the code holds no bytes");
        }
        if (PayloadV1.version(payload) != PayloadV1.VERSION) {
            throw new CodeFormatException(RejectionReason.UNSUPPORTED_VERSION,
                    "version byte " + PayloadV1.version(payload) + " inside a GL1 code; this verifier supports version " + PayloadV1.VERSION);
        }
        if (payload.length != PayloadV1.TOTAL_BYTES) {
            throw new CodeFormatException(RejectionReason.MALFORMED,
                    "a v1 code is " + PayloadV1.TOTAL_BYTES + " bytes, this one is " + payload.length);
        }
    }

    private static CodeClaims readFields(byte[] payload) throws CodeFormatException {
        Colour colour = Colour.fromWireValue(PayloadV1.colour(payload));
        if (colour == null) {
            throw new CodeFormatException(RejectionReason.INVALID_FIELD, "colour byte " + PayloadV1.colour(payload) + " names no colour");
        }
        int validityMinutes = PayloadV1.validityMinutes(payload);
        if (validityMinutes == 0) {
            throw new CodeFormatException(RejectionReason.INVALID_FIELD, "a validity of 0 minutes");
        }
        Instant issuedAt = Instant.ofEpochSecond(PayloadV1.issuedAtSeconds(payload));
        return new CodeClaims(new KeyId(PayloadV1.keyId(payload)), new Serial(PayloadV1.serial(payload)),
                new IdentityHash(PayloadV1.identityHash(payload)), colour, issuedAt, issuedAt.plusSeconds(60L * validityMinutes));
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    /** Collects a verifier's parts; {@link #build()} refuses a missing one. Not thread-safe. */
    public static final class Builder {
        private KeyResolver keys;
        private Clock clock;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;

        private Builder() {
        }

        public Builder keys(KeyResolver keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** Required: pass {@code Clock.systemUTC()} in production, a fixed clock in tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How far the verifier's clock may be from the issuer's: zero to {@link #MAX_CLOCK_SKEW}; default {@link #DEFAULT_CLOCK_SKEW}. */
        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "clockSkew");
            if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("Clock skew must be from 0 to " + MAX_CLOCK_SKEW + ", not " + skew);
            }
            this.clockSkew = skew;
            return this;
        }

        public Verifier build() {
            if (keys == null) {
                throw new IllegalStateException("A verifier needs keys: TrustedKeys.of(...) or a KeyResolver");
            }
            if (clock == null) {
                throw new IllegalStateException("A verifier needs a clock: Clock.systemUTC() in production");
            }
            return new Verifier(this);
        }
    }
}
