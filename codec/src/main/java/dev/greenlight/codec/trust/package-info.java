/**
 * Signed trust lists: which issuer keys a verifier trusts, for which signing window, as one JWS a
 * root key signed (specification, section 15).
 *
 * <p>A verifier pins the root's public key and hands each list it receives to a
 * {@link dev.greenlight.codec.trust.TrustListVerifier}: the signature is checked over the exact
 * received bytes before any member is read, then the document strictly, then its sequence against
 * the highest the device accepted and its age against its maximum age. The
 * {@link dev.greenlight.codec.trust.TrustList} that comes out is the only way to its keys, a
 * {@link dev.greenlight.codec.KeyResolver} whose keys carry their windows. The authority builds
 * and signs a list with {@link dev.greenlight.codec.trust.TrustListDocument}.
 */
package dev.greenlight.codec.trust;
