package dev.greenlight.codec.internal;

import java.nio.ByteBuffer;
import dev.greenlight.codec.internal.ec.EcdsaP256;

/**
 * The byte layout of a version 1 code: 36 signed bytes, then the 64-byte signature.
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
 */
public final class PayloadV1 {

    public static final int VERSION = 1;

    public static final int OFFSET_VERSION = 0;
    public static final int OFFSET_KEY_ID = 1;
    public static final int OFFSET_SERIAL = 5;
    public static final int OFFSET_IDENTITY_HASH = 13;
    public static final int IDENTITY_HASH_BYTES = 16;
    public static final int OFFSET_COLOUR = 29;
    public static final int OFFSET_ISSUED_AT = 30;
    public static final int OFFSET_VALIDITY_MINUTES = 34;
    public static final int SIGNED_BYTES = 36;
    public static final int OFFSET_SIGNATURE = SIGNED_BYTES;
    public static final int TOTAL_BYTES = SIGNED_BYTES + EcdsaP256.SIGNATURE_BYTES;

    public static final long MAX_ISSUED_AT = 0xFFFF_FFFFL;
    public static final int MAX_VALIDITY_MINUTES = 0xFFFF;

    private PayloadV1() {
    }

    /** The signed part of a code, with room for the signature after it. */
    public static byte[] layOut(int keyId, long serial, byte[] identityHash, int colour,
                                long issuedAtSeconds, int validityMinutes) {
        if (identityHash.length != IDENTITY_HASH_BYTES) {
            throw new IllegalArgumentException("identity hash must be " + IDENTITY_HASH_BYTES + " bytes");
        }
        if (issuedAtSeconds < 0 || issuedAtSeconds > MAX_ISSUED_AT) {
            throw new IllegalArgumentException("issue time " + issuedAtSeconds + " s is outside the 32-bit unsigned range of v1");
        }
        if (validityMinutes < 1 || validityMinutes > MAX_VALIDITY_MINUTES) {
            throw new IllegalArgumentException("validity of " + validityMinutes + " minutes is outside 1.." + MAX_VALIDITY_MINUTES);
        }
        return ByteBuffer.allocate(TOTAL_BYTES)
                .put((byte) VERSION)
                .putInt(keyId)
                .putLong(serial)
                .put(identityHash)
                .put((byte) colour)
                .putInt((int) issuedAtSeconds)
                .putShort((short) validityMinutes)
                .array();
    }

    public static int version(byte[] payload) {
        return payload[OFFSET_VERSION] & 0xFF;
    }

    public static int keyId(byte[] payload) {
        return ByteBuffer.wrap(payload).getInt(OFFSET_KEY_ID);
    }

    public static long serial(byte[] payload) {
        return ByteBuffer.wrap(payload).getLong(OFFSET_SERIAL);
    }

    public static byte[] identityHash(byte[] payload) {
        byte[] hash = new byte[IDENTITY_HASH_BYTES];
        System.arraycopy(payload, OFFSET_IDENTITY_HASH, hash, 0, IDENTITY_HASH_BYTES);
        return hash;
    }

    public static int colour(byte[] payload) {
        return payload[OFFSET_COLOUR] & 0xFF;
    }

    public static long issuedAtSeconds(byte[] payload) {
        return ByteBuffer.wrap(payload).getInt(OFFSET_ISSUED_AT) & 0xFFFF_FFFFL;
    }

    public static int validityMinutes(byte[] payload) {
        return ByteBuffer.wrap(payload).getShort(OFFSET_VALIDITY_MINUTES) & 0xFFFF;
    }
}
