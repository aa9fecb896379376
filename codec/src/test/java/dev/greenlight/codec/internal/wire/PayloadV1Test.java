package dev.greenlight.codec.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenlight.codec.CodeClaims;
import dev.greenlight.codec.CodeFormatException;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.IdentityHash;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.RejectionReason;
import dev.greenlight.codec.Serial;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The layout both ways: what {@link PayloadV1#signed} writes, {@link PayloadV1#parse} reads back,
 * at the offsets of the specification's table. A fake signer makes the signature bytes visible.
 */
class PayloadV1Test {

    private static final byte[] FAKE_SIGNATURE = new byte[PayloadV1.SIGNATURE_BYTES];

    static {
        for (int i = 0; i < FAKE_SIGNATURE.length; i++) {
            FAKE_SIGNATURE[i] = (byte) (0xA0 + i);
        }
    }

    private static final CodeClaims CLAIMS = new CodeClaims(new KeyId(0x01020304), new Serial(0x0506070809101112L),
            new IdentityHash(HexFormat.of().parseHex("13141516171819202122232425262728")), Colour.YELLOW,
            Instant.ofEpochSecond(0x61626364L), Instant.ofEpochSecond(0x61626364L + 60L * 0x0102));

    @Test
    void signed_claims_layOutEveryFieldAtItsOffset() {
        byte[] payload = PayloadV1.signed(CLAIMS, (message, offset, length) -> FAKE_SIGNATURE.clone());

        assertEquals("01" + "01020304" + "0506070809101112" + "13141516171819202122232425262728" + "01" + "61626364" + "0102",
                HexFormat.of().formatHex(payload, 0, PayloadV1.SIGNED_BYTES));
        assertArrayEquals(FAKE_SIGNATURE, Arrays.copyOfRange(payload, PayloadV1.OFFSET_SIGNATURE, PayloadV1.TOTAL_BYTES));
    }

    @Test
    void signed_signerSeesExactlyTheSignedBytes() {
        int[] seen = new int[2];
        PayloadV1.signed(CLAIMS, (message, offset, length) -> {
            seen[0] = offset;
            seen[1] = length;
            return FAKE_SIGNATURE.clone();
        });

        assertArrayEquals(new int[] {0, PayloadV1.SIGNED_BYTES}, seen);
    }

    @Test
    void parse_whatSignedWrote_givesBackTheClaimsAndSignature() throws CodeFormatException {
        PayloadV1 parsed = PayloadV1.parse(PayloadV1.signed(CLAIMS, (message, offset, length) -> FAKE_SIGNATURE.clone()));

        assertEquals(CLAIMS.keyId(), parsed.keyId());
        assertEquals(CLAIMS, parsed.claims());
        assertArrayEquals(FAKE_SIGNATURE, parsed.signature());
    }

    @Test
    void signed_signerReturningAnotherLength_isRefused() {
        assertThrows(IllegalStateException.class, () -> PayloadV1.signed(CLAIMS, (message, offset, length) -> new byte[63]));
    }

    @Test
    void signed_issueTimeBeyond32Bits_isRefused() {
        Instant late = Instant.ofEpochSecond(PayloadV1.MAX_ISSUED_AT + 1);
        CodeClaims claims = new CodeClaims(CLAIMS.keyId(), CLAIMS.serial(), CLAIMS.identityHash(), CLAIMS.colour(),
                late, late.plusSeconds(60));

        assertThrows(IllegalArgumentException.class, () -> PayloadV1.signed(claims, (message, offset, length) -> FAKE_SIGNATURE.clone()));
    }

    @Test
    void parse_versionIsJudgedBeforeLength() {
        CodeFormatException e = assertThrows(CodeFormatException.class, () -> PayloadV1.parse(new byte[] {2, 0, 0}));

        assertEquals(RejectionReason.UNSUPPORTED_VERSION, e.reason());
    }

    @Test
    void parse_oneByteShortOrLong_isMalformed() {
        for (int length : new int[] {0, PayloadV1.TOTAL_BYTES - 1, PayloadV1.TOTAL_BYTES + 1}) {
            byte[] bytes = new byte[length];
            if (length > 0) {
                bytes[0] = PayloadV1.VERSION;
            }
            CodeFormatException e = assertThrows(CodeFormatException.class, () -> PayloadV1.parse(bytes));
            assertEquals(RejectionReason.MALFORMED, e.reason(), "length " + length);
        }
    }

    @Test
    void claims_colourByteNamingNoColour_isAnInvalidField() throws CodeFormatException {
        assertInvalidField(payload -> payload[PayloadV1.OFFSET_COLOUR] = 3);
    }

    @Test
    void claims_zeroValidity_isAnInvalidField() throws CodeFormatException {
        assertInvalidField(payload -> {
            payload[PayloadV1.OFFSET_VALIDITY_MINUTES] = 0;
            payload[PayloadV1.OFFSET_VALIDITY_MINUTES + 1] = 0;
        });
    }

    private static void assertInvalidField(Consumer<byte[]> tamper) throws CodeFormatException {
        byte[] payload = PayloadV1.signed(CLAIMS, (message, offset, length) -> FAKE_SIGNATURE.clone());
        tamper.accept(payload);
        PayloadV1 parsed = PayloadV1.parse(payload);

        CodeFormatException e = assertThrows(CodeFormatException.class, parsed::claims);

        assertEquals(RejectionReason.INVALID_FIELD, e.reason());
    }
}
