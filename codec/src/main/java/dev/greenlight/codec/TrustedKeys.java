package dev.greenlight.codec;

import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fixed set of trusted keys, indexed by key id. Immutable and thread-safe. */
public final class TrustedKeys implements KeyResolver {

    private final Map<KeyId, List<TrustedKey>> byId;
    private final List<TrustedKey> all;

    private TrustedKeys(Collection<TrustedKey> keys) {
        Map<KeyId, List<TrustedKey>> index = new HashMap<>();
        for (TrustedKey key : keys) {
            index.computeIfAbsent(key.keyId(), id -> new ArrayList<>()).add(key);
        }
        index.replaceAll((id, list) -> List.copyOf(list));
        this.byId = Map.copyOf(index);
        this.all = List.copyOf(keys);
    }

    /**
     * Trusts these public keys.
     *
     * @param publicKeys the issuers' keys; the collection is copied
     * @return the set, indexed
     * @throws KeyFormatException if a key is not a valid P-256 public key
     */
    public static TrustedKeys of(Collection<ECPublicKey> publicKeys) {
        List<TrustedKey> keys = new ArrayList<>();
        for (ECPublicKey publicKey : publicKeys) {
            keys.add(TrustedKey.of(publicKey));
        }
        return new TrustedKeys(keys);
    }

    /**
     * Trusts these public keys.
     *
     * @param publicKeys the issuers' keys
     * @return the set, indexed
     * @throws KeyFormatException if a key is not a valid P-256 public key
     */
    public static TrustedKeys of(ECPublicKey... publicKeys) {
        return of(List.of(publicKeys));
    }

    /**
     * A set of keys already prepared for verifying, such as a trust store loaded them.
     *
     * @param keys the keys; the collection is copied
     * @return the set, indexed
     */
    public static TrustedKeys ofTrusted(Collection<TrustedKey> keys) {
        return new TrustedKeys(keys);
    }

    @Override
    public List<TrustedKey> keysFor(KeyId keyId) {
        return byId.getOrDefault(keyId, List.of());
    }

    /** @return every key of the set, in the order given, unmodifiable */
    public List<TrustedKey> all() {
        return all;
    }

    /** @return how many keys the set holds */
    public int size() {
        return all.size();
    }
}
