package dev.greenlight.codec.internal.wire;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import dev.greenlight.codec.CodeClaims;
import dev.greenlight.codec.CodeFormatException;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.RejectionReason;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.verify.FastEcdsaP256Verifier;
import dev.greenlight.codec.internal.ec.verify.LazyEcdsaP256Verifier;

/**
 * The bytes of a version 1 code: 36 signed bytes, then the 64-byte signature. The one owner of
 * this layout: {@link #signed} lays it out for the issuer, {@link #parse} reads it for the verifier.
 *
 * <pre>
 * offset size field
 *      0    1 version, 0x01
 *      1    4 key id
 *      5    8 serial
 *     13   16 identity hash
 *     29    1 colour: 0 green, 1 yellow, 2 red
 *     30    4 issued at, seconds since 1970-01-01T00:00:00Z, unsigned
 *     34    2 validity in minutes, 1..65535; expiry = issued at + 60 * validity
 *     36   64 ECDSA P-256 SHA-256 signature over bytes 0..35, r || s, low S
 * </pre>
 *
 * All integers are big-endian. Validity is in minutes rather than an absolute expiry so that the
 * whole code fits 100 bytes, hence 150 Base45 characters and a version 6 QR at level M.
 *
 * <p>A parsed payload keeps the exact bytes it was given, and its signature is checked over
 * those bytes ({@link #isSignedBy}) before {@link #claims()} turns any field into a value a
 * caller may act on. Immutable once parsed: nothing outside this class sees the array.
 */
public final class PayloadV1 {

    public static final int VERSION = 1;

    public static final int OFFSET_VERSION = 0;
    public static final int OFFSET_KEY_ID = 1;
    public static final int OFFSET_SERIAL = 5;
    public static final int OFFSET_IDENTITY_HASH = 13;
    public static final int OFFSET_COLOUR = 29;
    public static final int OFFSET_ISSUED_AT = 30;
    public static final int OFFSET_VALIDITY_MINUTES = 34;
    public static final int SIGNED_BYTES = 36;
    public static final int OFFSET_SIGNATURE = SIGNED_BYTES;
    public static final int SIGNATURE_BYTES = EcdsaP256.SIGNATURE_BYTES;
    public static final int TOTAL_BYTES = SIGNED_BYTES + SIGNATURE_BYTES;

    public static final long MAX_ISSUED_AT = 0xFFFF_FFFFL;
    public static final int MAX_VALIDITY_MINUTES = 0xFFFF;

    /** Signs {@code message[offset, offset + length)}, returning the 64-byte {@code r || s}. */
    @FunctionalInterface
    public interface Signer {
        byte[] sign(byte[] message, int offset, int length);
    }

    private final byte[] bytes;
    private final KeyId keyId;

    private PayloadV1(byte[] bytes) {
        this.bytes = bytes;
        this.keyId = new KeyId(ByteBuffer.wrap(bytes).getInt(OFFSET_KEY_ID));
    }

    /**
     * Lays out the claims and signs them: the whole 100 bytes of a code.
     *
     * @throws IllegalArgumentException if a time does not fit v1: an issue time outside 32 bits
     *                                  unsigned, a validity that is not 1 to 65,535 whole minutes
     */
    public static byte[] signed(CodeClaims claims, Signer signer) {
        long issuedAtSeconds = claims.issuedAt().getEpochSecond();
        if (issuedAtSeconds < 0 || issuedAtSeconds > MAX_ISSUED_AT) {
            throw new IllegalArgumentException("issue time " + issuedAtSeconds + " s is outside the 32-bit unsigned range of v1");
        }
        Duration validity = claims.validity();
        if (validity.getSeconds() % 60 != 0 || validity.getNano() != 0 || validity.toMinutes() < 1 || validity.toMinutes() > MAX_VALIDITY_MINUTES) {
            throw new IllegalArgumentException("validity of " + validity + " is not 1.." + MAX_VALIDITY_MINUTES + " whole minutes");
        }
        byte[] payload = ByteBuffer.allocate(TOTAL_BYTES)
                .put((byte) VERSION)
                .putInt(claims.keyId().value())
                .putLong(claims.serial().value())
                .put(claims.identityHash().bytes())
                .put((byte) claims.colour().wireValue())
                .putInt((int) issuedAtSeconds)
                .putShort((short) validity.toMinutes())
                .array();
        byte[] signature = signer.sign(payload, 0, SIGNED_BYTES);
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalStateException("a signer returned " + signature.length + " bytes, not " + SIGNATURE_BYTES);
        }
        System.arraycopy(signature, 0, payload, OFFSET_SIGNATURE, SIGNATURE_BYTES);
        return payload;
    }

    /**
     * Reads the structure of received bytes: version first (so that a later version is named as
     * such, whatever its length), then the exact length. Takes ownership of {@code bytes}.
     */
    public static PayloadV1 parse(byte[] bytes) throws CodeFormatException {
        if (bytes.length == 0) {
            throw new CodeFormatException(RejectionReason.MALFORMED, "the code holds no bytes");
        }
        int version = bytes[OFFSET_VERSION] & 0xFF;
        if (version != VERSION) {
            throw new CodeFormatException(RejectionReason.UNSUPPORTED_VERSION,
                    "version byte " + version + " inside a GL1 code; this verifier supports version " + VERSION);
        }
        if (bytes.length != TOTAL_BYTES) {
            throw new CodeFormatException(RejectionReason.MALFORMED,
                    "a v1 code is " + TOTAL_BYTES + " bytes, this one is " + bytes.length);
        }
        return new PayloadV1(bytes);
    }

    /** The key id, the one field read before the signature is checked: it says which key to check with. */
    public KeyId keyId() {
        return keyId;
    }

    /** Whether the signature is a valid low-S signature by {@code key} over the 36 signed bytes as received. */
    public boolean isSignedBy(LazyEcdsaP256Verifier key) {
        return key.verify(bytes, 0, SIGNED_BYTES, bytes, OFFSET_SIGNATURE);
    }

    /**
     * {@code result[i]} is {@code payloads[i].isSignedBy(keys[i])}, for about two thirds of the
     * cost, as the batch shares its inversions.
     */
    public static boolean[] areSignedBy(FastEcdsaP256Verifier[] keys, PayloadV1[] payloads) {
        byte[][] received = new byte[payloads.length][];
        for (int i = 0; i < payloads.length; i++) {
            received[i] = payloads[i].bytes;
        }
        return FastEcdsaP256Verifier.verifyBatch(keys, received, OFFSET_SIGNATURE);
    }

    /**
     * The fields as values, refusing those the format forbids: a colour byte naming no colour, a
     * validity of zero minutes. Call it only once the signature is known good, so that a forged
     * code is refused for its signature whatever its fields hold.
     */
    public CodeClaims claims() throws CodeFormatException {
        ByteBuffer fields = ByteBuffer.wrap(bytes);
        int colourByte = bytes[OFFSET_COLOUR] & 0xFF;
        Colour colour = Colour.fromWireValue(colourByte);
        if (colour == null) {
            throw new CodeFormatException(RejectionReason.INVALID_FIELD, "colour byte " + colourByte + " names no colour");
        }
        int validityMinutes = fields.getShort(OFFSET_VALIDITY_MINUTES) & 0xFFFF;
        if (validityMinutes == 0) {
            throw new CodeFormatException(RejectionReason.INVALID_FIELD, "a validity of 0 minutes");
        }
        byte[] identityHash = new byte[IdentityHash.BYTES];
        System.arraycopy(bytes, OFFSET_IDENTITY_HASH, identityHash, 0, IdentityHash.BYTES);
        Instant issuedAt = Instant.ofEpochSecond(fields.getInt(OFFSET_ISSUED_AT) & 0xFFFF_FFFFL);
        return new CodeClaims(keyId, new Serial(fields.getLong(OFFSET_SERIAL)), new IdentityHash(identityHash),
                colour, issuedAt, issuedAt.plusSeconds(60L * validityMinutes));
    }

    /** The signature as received, a copy. */
    public byte[] signature() {
        byte[] signature = new byte[SIGNATURE_BYTES];
        System.arraycopy(bytes, OFFSET_SIGNATURE, signature, 0, SIGNATURE_BYTES);
        return signature;
    }
}
