package dev.greenlight.codec;

import java.util.List;

/**
 * Where a verifier finds the trusted keys for a key id: an in-memory set ({@link TrustedKeys}),
 * a signed trust list, an HSM. Implementations must be thread-safe, since a verifier is.
 */
@FunctionalInterface
public interface KeyResolver {

    /**
     * Every trusted key with this id, or an empty list; never null. More than one key may share an
     * id (the id is a truncated hash): the verifier tries each.
     *
     * @param keyId the id a code names
     * @return the candidate keys, in the order to try them
     */
    List<TrustedKey> keysFor(KeyId keyId);
}
