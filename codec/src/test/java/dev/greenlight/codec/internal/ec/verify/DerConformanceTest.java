package dev.greenlight.codec.internal.ec.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import dev.greenlight.codec.SharedVectors;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof's DER-encoded ECDSA P-256/SHA-256 cases ({@code ecdsa_secp256r1_sha256_test.json},
 * 484 cases) against the low-level verify {@link PlainEcdsaP256Verifier#verify}. The wire format
 * carries raw {@code r || s}, so this harness decodes DER strictly itself (below) and hands the
 * 64 bytes on.
 *
 * <p>Expectations: a case Wycheproof calls valid verifies, unless its s is above n/2, which the
 * specification's low-S rule rejects; an invalid case is rejected by the strict decoder or by
 * verify. The counts below were measured with an independent decoder (Python, by the author of
 * this test) and pin both the decoder's strictness and the low-S rule.
 */
class DerConformanceTest {

    private static final String FILE = "ecdsa_secp256r1_sha256_test.json";
    private static final int CASES = 484;
    /** Valid per Wycheproof but s > n/2: rejected here by the spec's low-S rule. */
    private static final int VALID_HIGH_S = 71;
    private static final int VALID_LOW_S = 103;
    /**
     * Invalid cases the decoder refuses: 219 that are not strict DER (BER lengths, extra zeros,
     * wrong tags, trailing bytes...) and 16 in good DER whose r or s does not fit 32 bytes.
     */
    private static final int INVALID_REJECTED_BY_DECODER = 235;
    /** Invalid cases in good DER whose (r, s) the verify rejects (range, high S, wrong value). */
    private static final int INVALID_REJECTED_BY_VERIFY = 75;

    @Test
    void verify_everyWycheproofDerCase_agreesWithTheLowSRule() throws IOException {
        JsonNode root = load();
        int validHighS = 0;
        int validLowS = 0;
        int invalidByDecoder = 0;
        int invalidByVerify = 0;
        List<String> disagreements = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            ECPublicKeyParameters key = new ECPublicKeyParameters(
                    P256.CURVE.decodePoint(hex(group.get("publicKey").get("uncompressed").asText())), P256.DOMAIN);
            for (JsonNode test : group.get("tests")) {
                String result = test.get("result").asText();
                byte[] message = hex(test.get("msg").asText());
                byte[] rs = StrictDer.toRawSignature(hex(test.get("sig").asText()));
                boolean verified = rs != null && PlainEcdsaP256Verifier.verify(key, message, rs);
                String id = "tcId " + test.get("tcId").asInt() + " (" + test.get("comment").asText() + ")";
                switch (result) {
                    case "valid" -> {
                        if (rs == null) {
                            disagreements.add(id + ": valid but the strict decoder refused it");
                            continue;
                        }
                        boolean highS = EcdsaP256.scalar(rs, P256.SCALAR_BYTES).compareTo(P256.HALF_ORDER) > 0;
                        if (verified == highS) {
                            disagreements.add(id + ": valid, high S = " + highS + ", verify said " + verified);
                        }
                        if (highS) {
                            validHighS++;
                        } else {
                            validLowS++;
                        }
                    }
                    case "invalid" -> {
                        if (verified) {
                            disagreements.add(id + ": invalid but verified");
                        } else if (rs == null) {
                            invalidByDecoder++;
                        } else {
                            invalidByVerify++;
                        }
                    }
                    default -> disagreements.add(id + ": unexpected result '" + result + "'");
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertEquals(CASES, root.get("numberOfTests").asInt());
        assertEquals(VALID_HIGH_S, validHighS, "valid high-S cases");
        assertEquals(VALID_LOW_S, validLowS, "valid low-S cases");
        assertEquals(INVALID_REJECTED_BY_DECODER, invalidByDecoder, "invalid cases refused by the strict DER decoder");
        assertEquals(INVALID_REJECTED_BY_VERIFY, invalidByVerify, "invalid cases refused by verify");
    }

    @Test
    void toRawSignature_canonicalAndNonCanonicalEncodings_onlyCanonicalAccepted() {
        byte[] expected = new byte[64];
        expected[31] = 1;
        expected[63] = (byte) 0x80;
        // SEQUENCE { INTEGER 1, INTEGER 0x80 (needs a leading zero) }
        assertArrayEquals(expected, StrictDer.toRawSignature(hex("3007020101020200 80".replace(" ", ""))));
        assertNull(StrictDer.toRawSignature(hex("30070201010202 0080 00".replace(" ", ""))), "trailing byte");
        assertNull(StrictDer.toRawSignature(hex("3008020101020200 80".replace(" ", ""))), "sequence longer than its content");
        assertNull(StrictDer.toRawSignature(hex("300802020001020200 80".replace(" ", ""))), "non-minimal INTEGER");
        assertNull(StrictDer.toRawSignature(hex("308107020101020200 80".replace(" ", ""))), "long-form length under 128");
        assertNull(StrictDer.toRawSignature(hex("3006020101020180")), "negative s");
        assertNull(StrictDer.toRawSignature(hex("30050201010200")), "empty INTEGER");
        assertNull(StrictDer.toRawSignature(hex("3080020101020101 0000".replace(" ", ""))), "indefinite length");
        assertNull(StrictDer.toRawSignature(hex("3106020101020101")), "SET instead of SEQUENCE");
        assertNull(StrictDer.toRawSignature(new byte[0]), "empty");
        byte[] tooBig = hex("3026" + "0221" + "01" + "00".repeat(32) + "020101");
        assertNull(StrictDer.toRawSignature(tooBig), "r of 2^256 does not fit 32 bytes");
        // A 32-byte r with its top bit set takes 33 octets in DER: the leading zero is required, and accepted.
        byte[] topBitR = new byte[64];
        topBitR[0] = (byte) 0x80;
        topBitR[63] = 1;
        assertArrayEquals(topBitR, StrictDer.toRawSignature(hex("3026" + "0221" + "0080" + "00".repeat(31) + "020101")));
    }

    private static JsonNode load() throws IOException {
        return SharedVectors.wycheproof(FILE);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /**
     * A strict DER reader for {@code ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }}: definite
     * minimal lengths, minimal non-negative INTEGERs, nothing after the sequence. Test harness only:
     * the product's wire format is raw {@code r || s} and needs no DER.
     */
    static final class StrictDer {

        private StrictDer() {
        }

        /** The 64-byte {@code r || s}, or null if {@code der} is not strict DER or r, s do not fit 32 bytes. */
        static byte[] toRawSignature(byte[] der) {
            int[] position = {0};
            if (!expect(der, position, 0x30)) {
                return null;
            }
            int length = readLength(der, position);
            if (length < 0 || position[0] + length != der.length) {
                return null;
            }
            BigInteger r = readInteger(der, position);
            BigInteger s = r == null ? null : readInteger(der, position);
            if (s == null || position[0] != der.length) {
                return null;
            }
            if (r.bitLength() > 256 || s.bitLength() > 256) {
                return null;
            }
            byte[] raw = new byte[2 * P256.SCALAR_BYTES];
            BigIntegers.asUnsignedByteArray(r, raw, 0, P256.SCALAR_BYTES);
            BigIntegers.asUnsignedByteArray(s, raw, P256.SCALAR_BYTES, P256.SCALAR_BYTES);
            return raw;
        }

        private static boolean expect(byte[] der, int[] position, int tag) {
            if (position[0] >= der.length || (der[position[0]] & 0xFF) != tag) {
                return false;
            }
            position[0]++;
            return true;
        }

        /** A definite length in its minimal form, or -1. */
        private static int readLength(byte[] der, int[] position) {
            if (position[0] >= der.length) {
                return -1;
            }
            int first = der[position[0]++] & 0xFF;
            if (first < 0x80) {
                return first;
            }
            int octets = first & 0x7F;
            // 0x80 is the indefinite form (BER only); more than two octets is absurd for a signature.
            if (octets == 0 || octets > 2 || position[0] + octets > der.length || der[position[0]] == 0) {
                return -1;
            }
            int length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (der[position[0]++] & 0xFF);
            }
            return length < 0x80 ? -1 : length;
        }

        /** A minimal, non-negative INTEGER, or null. */
        private static BigInteger readInteger(byte[] der, int[] position) {
            if (!expect(der, position, 0x02)) {
                return null;
            }
            int length = readLength(der, position);
            if (length <= 0 || position[0] + length > der.length) {
                return null;
            }
            int start = position[0];
            position[0] += length;
            if ((der[start] & 0x80) != 0) {
                return null;
            }
            if (length > 1 && der[start] == 0 && (der[start + 1] & 0x80) == 0) {
                return null;
            }
            return new BigInteger(1, der, start, length);
        }
    }
}
