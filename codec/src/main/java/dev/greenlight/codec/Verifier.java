package dev.greenlight.codec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import dev.greenlight.codec.internal.wire.PayloadV1;
import dev.greenlight.codec.internal.wire.TextForm;
import dev.greenlight.codec.internal.ec.verify.FastEcdsaP256Verifier;

/**
 * Verifies codes offline against trusted issuer keys. Immutable and thread-safe: build one and
 * share it across threads.
 *
 * <p>The checks, in order (the specification's verification algorithm; the first that fails gives
 * the {@link RejectionReason}):
 * <ol>
 *   <li>text: at most 1,024 characters, prefix {@code GL1:}
 *       (another {@code GLn:} is {@code UNSUPPORTED_VERSION}), strict Base45;</li>
 *   <li>bytes: version byte 1, exactly 100 bytes;</li>
 *   <li>key: the key id names at least one trusted key;</li>
 *   <li>signature: a valid low-S signature over the 36 received bytes by one of those keys;</li>
 *   <li>fields, only now trusted: a known colour, a validity of at least one minute;</li>
 *   <li>the key's signing window holds the issue time;</li>
 *   <li>no revocation names the code or its key;</li>
 *   <li>time: issued no later than now + skew, expiry later than now - skew.</li>
 * </ol>
 *
 * <p>Each stage has one owner: the text form ({@code TextForm}), the byte layout and its fields
 * ({@code PayloadV1}), the keys ({@link KeyResolver}, {@link TrustedKey}), the revocations
 * ({@link Revocations}); this class composes them
 * and judges the times. {@link #verify} and {@link #verifyAll} run the same stages and differ
 * only in how the signatures are checked: one at a time, or in batches sharing their inversions.
 */
public final class Verifier {

    /** The clock-skew allowance of a verifier built without one: room for a phone's drifting clock. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);
    /** A larger allowance would let a code expired for longer still pass: fix the device clock instead. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private final KeyResolver keys;
    private final Revocations revocations;
    private final Clock clock;
    private final Duration clockSkew;

    private Verifier(Builder builder) {
        this.keys = builder.keys;
        this.revocations = builder.revocations;
        this.clock = builder.clock;
        this.clockSkew = builder.clockSkew;
    }

    /**
     * @param keys  the keys to trust, usually {@code TrustedKeys.of(...)}; asked for a code's key id
     *              from any thread
     * @param clock what "now" is when judging issue and expiry times: {@code Clock.systemUTC()} in
     *              production, a fixed clock in tests
     * @return a builder for the rest, which has defaults
     */
    public static Builder builder(KeyResolver keys, Clock clock) {
        return new Builder(keys, clock);
    }

    /**
     * Verifies one code text. Never throws for any non-null text, however hostile: the result
     * says why it was rejected.
     *
     * @param text the code as scanned, {@code GL1:} prefix included
     * @return valid with the {@link VerifiedCode}, or rejected with a {@link RejectionReason}
     * @throws NullPointerException if {@code text} is null
     */
    public VerificationResult verify(String text) {
        Objects.requireNonNull(text, "text");
        return verifyEach(List.of(text), TextForm::decode, ONE_BY_ONE).get(0);
    }

    /**
     * Verifies the payload bytes of a code, as carried in a binary channel (for example NFC): the
     * same checks as {@link #verify(String)} after the text stage. Never throws for non-null bytes.
     *
     * @param payload the 100 payload bytes; copied, so the caller may reuse the array
     * @return valid with the {@link VerifiedCode}, or rejected with a {@link RejectionReason}
     * @throws NullPointerException if {@code payload} is null
     */
    public VerificationResult verifyPayload(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return verifyEach(List.of(payload.clone()), bytes -> bytes, ONE_BY_ONE).get(0);
    }

    /**
     * Verifies many codes at once, with exactly the results of {@link #verify(String)} on each, in
     * the same order, at about two thirds of the cost per valid code: the signature checks of the
     * whole list share their modular inversions. For bulk verification; the list is processed in
     * slices, so any size is fine, but a few hundred codes per call gain the most.
     *
     * @param texts the codes as scanned; one rejected code does not affect the others
     * @return one result per text, in the order of {@code texts}
     * @throws NullPointerException if the list or any of its elements is null
     */
    public List<VerificationResult> verifyAll(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            Objects.requireNonNull(texts.get(i), "texts[" + i + "]");
        }
        return verifyEach(texts, TextForm::decode, IN_BATCHES);
    }

    /**
     * The pipeline, the same for one code and for many: text to bytes, bytes to payload, key id to
     * candidate keys, signature, fields, times. The first stage that fails gives the verdict.
     */
    private <T> List<VerificationResult> verifyEach(List<T> inputs, Decoding<T> decoding, SignatureCheck signatures) {
        VerificationResult[] results = new VerificationResult[inputs.size()];
        List<Candidate> candidates = new ArrayList<>(inputs.size());
        for (int i = 0; i < results.length; i++) {
            T input = inputs.get(i);
            try {
                PayloadV1 payload = PayloadV1.parse(decoding.bytesOf(input));
                List<TrustedKey> keysWithId = keys.keysFor(payload.keyId());
                if (keysWithId.isEmpty()) {
                    throw new CodeFormatException(RejectionReason.UNKNOWN_KEY, "no trusted key has key id " + payload.keyId());
                }
                candidates.add(new Candidate(i, payload, keysWithId));
            } catch (CodeFormatException e) {
                results[i] = VerificationResult.rejected(e.reason(), e.getMessage());
            }
        }
        TrustedKey[] signers = signatures.signersOf(candidates);
        for (int k = 0; k < signers.length; k++) {
            Candidate candidate = candidates.get(k);
            results[candidate.index] = accept(candidate, signers[k]);
        }
        return Arrays.asList(results);
    }

    /** How the received form of a code becomes its payload bytes. */
    @FunctionalInterface
    private interface Decoding<T> {
        byte[] bytesOf(T input) throws CodeFormatException;
    }

    /** A code that is structurally sound and names a trusted key: only its signature is unknown. */
    private record Candidate(int index, PayloadV1 payload, List<TrustedKey> keysWithId) {
    }

    /** For each candidate, the key among its {@code keysWithId} that signed it, or null. */
    @FunctionalInterface
    private interface SignatureCheck {
        TrustedKey[] signersOf(List<Candidate> candidates);
    }

    private static final SignatureCheck ONE_BY_ONE = candidates -> {
        TrustedKey[] signers = new TrustedKey[candidates.size()];
        for (int k = 0; k < signers.length; k++) {
            signers[k] = signerAmong(candidates.get(k).keysWithId, candidates.get(k).payload);
        }
        return signers;
    };

    /** The first key of each candidate in one batch; keys sharing an id are rare, those past the first are tried one by one. */
    private static final SignatureCheck IN_BATCHES = candidates -> {
        FastEcdsaP256Verifier[] firstKeys = new FastEcdsaP256Verifier[candidates.size()];
        PayloadV1[] payloads = new PayloadV1[candidates.size()];
        for (int k = 0; k < payloads.length; k++) {
            // A batch runs long enough to earn the key's tables back, whatever its size.
            firstKeys[k] = candidates.get(k).keysWithId.get(0).verifier().tables();
            payloads[k] = candidates.get(k).payload;
        }
        boolean[] signedByFirst = PayloadV1.areSignedBy(firstKeys, payloads);
        TrustedKey[] signers = new TrustedKey[payloads.length];
        for (int k = 0; k < payloads.length; k++) {
            List<TrustedKey> keysWithId = candidates.get(k).keysWithId;
            signers[k] = signedByFirst[k] ? keysWithId.get(0) : signerAmong(keysWithId.subList(1, keysWithId.size()), payloads[k]);
        }
        return signers;
    };

    private static TrustedKey signerAmong(List<TrustedKey> keysWithId, PayloadV1 payload) {
        for (TrustedKey key : keysWithId) {
            if (payload.isSignedBy(key.verifier())) {
                return key;
            }
        }
        return null;
    }

    /** The verdict on a candidate once its signer is known (null: none of its keys signed it). */
    private VerificationResult accept(Candidate candidate, TrustedKey signer) {
        if (signer == null) {
            return VerificationResult.rejected(RejectionReason.BAD_SIGNATURE,
                    "the signature is not a valid low-S signature by trusted key " + candidate.payload.keyId());
        }
        CodeClaims claims;
        try {
            claims = candidate.payload.claims();
        } catch (CodeFormatException e) {
            return VerificationResult.rejected(e.reason(), e.getMessage());
        }
        if (!signer.signingWindow().contains(claims.issuedAt())) {
            return VerificationResult.rejectedWithSignedClaims(RejectionReason.OUTSIDE_KEY_WINDOW, "issued at " + claims.issuedAt()
                    + ", outside the signing window " + signer.signingWindow() + " of key " + signer.keyId(), claims);
        }
        if (revocations.isRevoked(claims.keyId(), claims.serial())) {
            return VerificationResult.rejectedWithSignedClaims(RejectionReason.REVOKED,
                    "code " + claims.keyId() + "/" + claims.serial() + " is revoked", claims);
        }
        Instant now = clock.instant();
        // Arithmetic on the code's times, which are bounded (at most 2106 plus 45 days), not on
        // the clock's, which could overflow at Instant.MAX: the same comparisons as the spec's.
        if (claims.issuedAt().minus(clockSkew).isAfter(now)) {
            return VerificationResult.rejectedWithSignedClaims(RejectionReason.NOT_YET_VALID, "issued at " + claims.issuedAt()
                    + ", later than now (" + forPeople(now) + ") plus the allowed skew of " + clockSkew, claims);
        }
        if (!claims.expiresAt().plus(clockSkew).isAfter(now)) {
            return VerificationResult.rejectedWithSignedClaims(RejectionReason.EXPIRED,
                    "expired at " + claims.expiresAt() + "; now is " + forPeople(now) + " (skew allowed: " + clockSkew + ")", claims);
        }
        return VerificationResult.valid(new VerifiedCode(claims, signer));
    }

    /** Milliseconds are plenty for a person reading a rejection; the comparison above uses the exact instant. */
    private static Instant forPeople(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Reads a code without checking its signature, its key or its times: for debugging and
     * display only. Nothing read here may decide whether someone passes.
     *
     * @param text the code as scanned
     * @return the claims and signature as received, unchecked
     * @throws CodeFormatException if the text is not structurally a v1 code (its
     *         {@link CodeFormatException#reason() reason} says how), or its colour or validity
     *         field is invalid
     */
    public static UnverifiedCode inspectUnverified(String text) throws CodeFormatException {
        PayloadV1 payload = PayloadV1.parse(TextForm.decode(text));
        return new UnverifiedCode(payload.claims(), payload.signature());
    }

    /** @return how far this verifier's clock may be from the issuer's, both ways */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** Collects a verifier's optional parts. Not thread-safe. */
    public static final class Builder {
        private final KeyResolver keys;
        private final Clock clock;
        private Revocations revocations = Revocations.NONE;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;

        private Builder(KeyResolver keys, Clock clock) {
            this.keys = Objects.requireNonNull(keys, "keys");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * The codes and keys to refuse although their signatures are good. Defaults to
         * {@link Revocations#NONE}.
         *
         * @param revocations asked once per code whose signature and fields passed; called from any thread
         * @return this builder
         */
        public Builder revocations(Revocations revocations) {
            this.revocations = Objects.requireNonNull(revocations, "revocations");
            return this;
        }

        /**
         * How far the verifier's clock may be from the issuer's, applied to both the issue and the
         * expiry time. Defaults to {@link #DEFAULT_CLOCK_SKEW}.
         *
         * @param skew from zero to {@link #MAX_CLOCK_SKEW}, inclusive
         * @return this builder
         * @throws IllegalArgumentException if {@code skew} is negative or above {@link #MAX_CLOCK_SKEW}
         */
        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "clockSkew");
            if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("Clock skew must be from 0 to " + MAX_CLOCK_SKEW + ", not " + skew);
            }
            this.clockSkew = skew;
            return this;
        }

        /** @return the verifier, immutable and thread-safe */
        public Verifier build() {
            return new Verifier(this);
        }
    }
}
