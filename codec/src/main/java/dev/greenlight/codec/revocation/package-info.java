/**
 * Revocation lists (specification section 16): signed by the trust root, base lists and deltas,
 * read strictly, held in memory as an exact {@link dev.greenlight.codec.revocation.RevocationSet}
 * that a {@code Verifier} asks at step 12.
 */
package dev.greenlight.codec.revocation;
