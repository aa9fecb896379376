package dev.greenlight.codec;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The issuer's secret key for identity pseudonyms: {@code IdentityHash = first 16 bytes of
 * HMAC-SHA-256(secret, normalised identity)}.
 *
 * <p>Why keyed: there are only about 10^11 plausible resident identity numbers (a region code,
 * a birth date, a sequence number), so an unkeyed or salted fast hash is reversed by enumeration
 * in seconds. Keyed, nobody without the secret can recover or confirm an identity from a code,
 * while the authority that holds it can link scan records back to a person.
 *
 * <p>Immutable and thread-safe. Never printed: {@link #toString()} says only that it is a secret.
 * No getter hands out its bytes: {@link IdentitySecretFile} writes and reads its stored form.
 */
public final class IdentitySecret {

    /** The shortest secret {@link #of} accepts: 128 bits. */
    public static final int MIN_BYTES = 16;
    /** The length of a secret from {@link #generate}: 256 bits. */
    public static final int GENERATED_BYTES = 32;

    private final byte[] key;

    private IdentitySecret(byte[] key) {
        this.key = key;
    }

    /**
     * A secret from raw bytes, for example from a key store. For the secret's file form, use
     * {@link IdentitySecretFile#read} instead.
     *
     * @param key at least {@value #MIN_BYTES} bytes; copied, so the caller may wipe its array
     * @return the secret
     * @throws IllegalArgumentException if the key is shorter than {@value #MIN_BYTES} bytes
     */
    public static IdentitySecret of(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("An identity secret needs at least " + MIN_BYTES + " bytes, got " + key.length);
        }
        return new IdentitySecret(key.clone());
    }

    /**
     * A new random secret of {@value #GENERATED_BYTES} bytes.
     *
     * @param random the source of the bytes: a {@link SecureRandom} fit for keys
     * @return the secret
     */
    public static IdentitySecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return new IdentitySecret(key);
    }

    /**
     * The pseudonym of one identity under this secret.
     *
     * @param identity whose pseudonym
     * @return the first {@value IdentityHash#BYTES} bytes of the HMAC; the same identity always gives the same hash
     */
    public IdentityHash pseudonymOf(Identity identity) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        byte[] message = identity.normalised().getBytes(StandardCharsets.US_ASCII);
        mac.update(message, 0, message.length);
        byte[] full = new byte[mac.getMacSize()];
        mac.doFinal(full, 0);
        return new IdentityHash(Arrays.copyOf(full, IdentityHash.BYTES));
    }

    /**
     * A copy of the raw secret for {@link IdentitySecretFile}, its one stored form; the caller
     * clears it. Not public: nothing outside this package should hold the secret's bytes.
     */
    byte[] copyOfKey() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "IdentitySecret[hidden]";
    }
}
