/**
 * The v1 wire format, both directions, one class per stage: {@link
 * dev.greenlight.codec.internal.wire.TextForm} (the {@code GL1:} text), {@link
 * dev.greenlight.codec.internal.wire.Base45} (its alphabet) and {@link
 * dev.greenlight.codec.internal.wire.PayloadV1} (the 100 bytes). The issuer writes and the
 * verifier reads through the same classes, so the specification's rules live in one place.
 *
 * <p>Everything here handles public data only: nothing in this package sees a private key. The
 * issuer hands {@code PayloadV1} a signer, and the verifier a prepared public key.
 *
 * <p>Not exported: the module's users see codes, issuers and verifiers, never the layout.
 */
package dev.greenlight.codec.internal.wire;
