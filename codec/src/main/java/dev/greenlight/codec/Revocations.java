package dev.greenlight.codec;

/**
 * Which codes a verifier must refuse although their signature is good: those a revocation list
 * names by key id and serial, and every code of a key revoked whole. The verifier asks only after
 * the signature is checked, so an implementation sees only serials a trusted key signed.
 *
 * <p>Implementations must be thread-safe and fast (a verifier asks once per valid signature, at
 * tens of thousands of codes a second); they must answer exactly: a probabilistic filter needs an
 * exact second check before it says yes.
 */
@FunctionalInterface
public interface Revocations {

    /** No code is revoked: the default of a verifier built without a revocation list. */
    Revocations NONE = (keyId, serial) -> false;

    /**
     * @param keyId the key id the code names, which its signature vouches for
     * @param serial the code's serial
     * @return whether the code, or its key as a whole, is revoked
     */
    boolean isRevoked(KeyId keyId, Serial serial);
}
