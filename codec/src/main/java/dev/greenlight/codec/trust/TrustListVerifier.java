package dev.greenlight.codec.trust;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import dev.greenlight.codec.KeyFormatException;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.TrustedKey;
import dev.greenlight.codec.Verifier;
import dev.greenlight.codec.internal.Hex;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.jws.CompactJws;
import dev.greenlight.codec.internal.jws.SignedDocumentException;
import dev.greenlight.codec.trust.TrustListException.Reason;

/**
 * Checks a received trust list against the pinned root key (specification, section 15.3), in this
 * order, the first failure giving the {@link Reason}: size, signature over the exact received
 * bytes (the JWS profile of {@code CompactJws}: ES256 from the pinned key, never from the header,
 * {@code typ} {@value TrustListDocument#TYPE}), the document, the key cap, rollback, freshness.
 * No member of the list is read before its signature verified.
 *
 * <p>Immutable and thread-safe. The device's highest accepted sequence is an argument, not state:
 * keeping it durably is the caller's (the command-line verifier's {@code HighestSequence}).
 */
public final class TrustListVerifier {

    /**
     * The longest list accepted, in characters of its compact JWS: {@link TrustListDocument#MAX_KEYS}
     * entries of about 350 bytes each, base64url-encoded, fit with room to spare.
     */
    public static final int MAX_LIST_CHARS = 1024 * 1024;
    /**
     * How far a list's issue time may be ahead of the verifier's clock: the largest clock skew a
     * code verifier allows ({@link Verifier#MAX_CLOCK_SKEW}).
     */
    public static final Duration MAX_CLOCK_AHEAD = Verifier.MAX_CLOCK_SKEW;

    private final ECPublicKey root;
    private final KeyId rootKeyId;
    private final Clock clock;
    private final Freshness freshness;

    private TrustListVerifier(ECPublicKey root, Clock clock, Freshness freshness) {
        this.root = root;
        this.rootKeyId = KeyId.of(root);
        this.clock = clock;
        this.freshness = freshness;
    }

    /**
     * @param root      the root key the device pins, delivered with the software or by hand, never
     *                  with a list
     * @param clock     what "now" is when judging a list's age
     * @param freshness what to do with a stale list: {@link Freshness#STRICT} refuses it
     * @return the verifier, immutable and thread-safe
     * @throws KeyFormatException if the root is not a valid P-256 public key
     */
    public static TrustListVerifier of(ECPublicKey root, Clock clock, Freshness freshness) {
        TrustedKey.of(Objects.requireNonNull(root, "root"));
        return new TrustListVerifier(root, Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(freshness, "freshness"));
    }

    /** @return the key id of the pinned root */
    public KeyId rootKeyId() {
        return rootKeyId;
    }

    /**
     * Verifies a list on a device that has accepted none before.
     *
     * @param compact the list as received
     * @return the verified list
     * @throws TrustListException with the reason of the first failed check
     */
    public TrustList verify(String compact) throws TrustListException {
        return verify(compact, OptionalLong.empty());
    }

    /**
     * Verifies a list, refusing one older than the highest this device accepted.
     *
     * @param received        the list as received; one trailing LF or CR LF is not part of it
     * @param highestAccepted the highest sequence the device accepted so far, if any
     * @return the verified list; record its sequence and {@link TrustList#sha256()} durably before relying on it
     * @throws TrustListException with the reason of the first failed check
     */
    public TrustList verify(String received, OptionalLong highestAccepted) throws TrustListException {
        String compact = CompactJws.withoutLineEnd(Objects.requireNonNull(received, "received"));
        Objects.requireNonNull(highestAccepted, "highestAccepted");
        if (compact.length() > MAX_LIST_CHARS) {
            throw new TrustListException(Reason.TOO_LARGE, "the list has " + compact.length() + " characters, more than the "
                    + MAX_LIST_CHARS + " accepted");
        }
        CompactJws.Verified verified;
        try {
            verified = CompactJws.verify(compact, TrustListDocument.TYPE, root);
        } catch (SignedDocumentException e) {
            throw new TrustListException(Reason.SIGNATURE, "not a trust list signed by the pinned root " + rootKeyId + ": " + e.getMessage());
        }
        TrustListDocument document = TrustListDocument.parseUnverified(TrustListDocument.utf8(verified.payload()));
        if (highestAccepted.isPresent() && document.sequence() < highestAccepted.getAsLong()) {
            throw new TrustListException(Reason.ROLLBACK, "the list has sequence " + document.sequence() + ", lower than "
                    + highestAccepted.getAsLong() + " already accepted: an older list is refused (rollback)");
        }
        Instant now = clock.instant();
        String warning = null;
        if (document.issuedAt().isAfter(now.plus(MAX_CLOCK_AHEAD))) {
            warning = "the list was issued at " + document.issuedAt() + ", later than this device's clock (" + now
                    + ") allows: check the clock";
            if (freshness == Freshness.STRICT) {
                throw new TrustListException(Reason.NOT_YET_VALID, warning);
            }
        }
        Instant staleAt = document.issuedAt().plus(document.maxAge());
        if (!now.isBefore(staleAt)) {
            warning = "the list was issued at " + document.issuedAt() + " and is " + describe(Duration.between(document.issuedAt(), now))
                    + " old, older than its maximum age of " + describe(document.maxAge()) + ": fetch a newer list";
            if (freshness == Freshness.STRICT) {
                throw new TrustListException(Reason.STALE, warning);
            }
        }
        byte[] bytes = compact.getBytes(StandardCharsets.UTF_8);
        String sha256 = Hex.formatHex(EcdsaP256.sha256(bytes, 0, bytes.length));
        try {
            return new TrustList(document, sha256, now, warning);
        } catch (KeyFormatException e) {
            // Unreachable: every key was loaded and checked while the document was read.
            throw new TrustListException(Reason.INVALID_DOCUMENT, e.getMessage());
        }
    }

    /** Days, hours, minutes, seconds: a person reads "3d 4h", not PT76H. */
    static String describe(Duration duration) {
        long seconds = Math.abs(duration.getSeconds());
        StringBuilder out = new StringBuilder(duration.isNegative() ? "-" : "");
        long days = seconds / 86400;
        long hours = seconds % 86400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            out.append(days).append('d');
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (rest > 0 || out.length() == 0 || out.toString().equals("-")) {
            out.append(rest).append('s');
        }
        return out.toString();
    }
}
