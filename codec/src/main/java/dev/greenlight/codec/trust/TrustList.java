package dev.greenlight.codec.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.KeyResolver;
import dev.greenlight.codec.TrustedKey;
import dev.greenlight.codec.TrustedKeys;

/**
 * A trust list whose signature, content, sequence and age a {@link TrustListVerifier} checked:
 * the only way to its keys. Hand {@link #keys()} to {@code Verifier.builder(list.keys(), clock)}:
 * a code then verifies only under a listed key, and only if it was issued inside that key's
 * window (specification, section 9, steps 7 and 11).
 *
 * <p>The verifier checked the list's age once, when it verified it. A verifier that keeps the list
 * (a gate, a scanner app running for days) must ask {@link #isStaleAt} before each decision: past
 * {@link #staleAt()} the authority no longer vouches for the keys, and under
 * {@link Freshness#STRICT} nobody should pass on them until a newer list is loaded (the
 * command-line {@code scan} denies with reason {@code TRUST_LIST_STALE}).
 *
 * <p>Immutable and thread-safe; its keys are prepared once, here, and shared by every verifier
 * built on them.
 */
public final class TrustList {

    private final TrustListDocument document;
    private final TrustedKeys keys;
    private final String sha256;
    private final Instant checkedAt;
    private final String warning;

    TrustList(TrustListDocument document, String sha256, Instant checkedAt, String warning) {
        this.document = document;
        List<TrustedKey> trusted = new ArrayList<>(document.entries().size());
        for (TrustListEntry entry : document.entries()) {
            trusted.add(TrustedKey.of(entry.publicKey()).withSigningWindow(entry.window()));
        }
        this.keys = TrustedKeys.ofTrusted(trusted);
        this.sha256 = sha256;
        this.checkedAt = checkedAt;
        this.warning = warning;
    }

    /** @return the keys of the list, each with its signing window, indexed by key id */
    public KeyResolver keys() {
        return keys;
    }

    /** @return the list's entries, in its order */
    public List<TrustListEntry> entries() {
        return document.entries();
    }

    /**
     * @param keyId a key id
     * @return the entries with that id (more than one only by a 32-bit coincidence)
     */
    public List<TrustListEntry> entriesFor(KeyId keyId) {
        List<TrustListEntry> found = new ArrayList<>(1);
        for (TrustListEntry entry : document.entries()) {
            if (entry.keyId().equals(keyId)) {
                found.add(entry);
            }
        }
        return found;
    }

    /** @return the content as signed */
    public TrustListDocument document() {
        return document;
    }

    /** @return the sequence number */
    public long sequence() {
        return document.sequence();
    }

    /** @return when the list was issued */
    public Instant issuedAt() {
        return document.issuedAt();
    }

    /** @return how long after its issue the list may be relied on */
    public Duration maxAge() {
        return document.maxAge();
    }

    /** @return the instant from which the list is stale: issue time plus maximum age */
    public Instant staleAt() {
        return document.issuedAt().plus(document.maxAge());
    }

    /**
     * @param now an instant
     * @return how old the list is at {@code now}; negative if it was issued later
     */
    public Duration age(Instant now) {
        return Duration.between(document.issuedAt(), now);
    }

    /**
     * @param now an instant
     * @return whether the list is older than its maximum age at {@code now} (stale from {@link #staleAt()} on)
     */
    public boolean isStaleAt(Instant now) {
        return !now.isBefore(staleAt());
    }

    /** @return lower-case hex SHA-256 of the list exactly as received: what a rollback record keeps */
    public String sha256() {
        return sha256;
    }

    /** @return the verifier's clock when it checked the list */
    public Instant checkedAt() {
        return checkedAt;
    }

    /**
     * @return why the list was accepted only under {@link Freshness#LENIENT} (stale, or dated
     *         ahead of the clock), for the operator to see; empty for a fresh list
     */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    @Override
    public String toString() {
        return "TrustList[sequence " + sequence() + ", issued " + issuedAt() + ", " + entries().size() + " keys]";
    }
}
