package dev.greenlight.codec.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base45Test {

    /** The examples of RFC 9285, section 4.3 and 4.4. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AB|BB8",
            "Hello!!|%69 VD92EX0",
            "base-45|UJCLQE7W581",
            "ietf!|QED8WEX0",
    })
    void encode_rfcExample_matches(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertEquals(encoded, Base45.getEncoder().encodeToString(bytes));
        assertArrayEquals(bytes, Base45.getDecoder().decode(encoded));
    }

    @Test
    void roundTrip_randomBytesOfEveryLengthTo300_isIdentity() {
        Random random = new Random(45);
        for (int length = 0; length <= 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String text = Base45.getEncoder().encodeToString(bytes);
            assertEquals(Base45.encodedLength(length), text.length());
            assertArrayEquals(bytes, Base45.getDecoder().decode(text));
        }
    }

    @Test
    void encode_extremeValues_useTheWholeRange() {
        assertEquals("FGW", Base45.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xFF}));
        assertEquals("U5", Base45.getEncoder().encodeToString(new byte[] {(byte) 0xFF}));
        assertEquals("000", Base45.getEncoder().encodeToString(new byte[] {0, 0}));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GGW", // 65536 = 2 bytes + 1
            ":::", // the largest triple
            "V5", // 256 = 1 byte + 1
            "::", // the largest pair
            "A", // length 1 mod 3
            "BB8B", // length 1 mod 3
            "bb8", // lower case
            "BB\n", // line feed
            "BB\u00C8", // non-ASCII
    })
    void decode_invalidText_isRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> Base45.getDecoder().decode(text));
    }

    @Test
    void decode_range_skipsAPrefix() {
        assertArrayEquals("AB".getBytes(StandardCharsets.US_ASCII), Base45.getDecoder().decode("GL1:BB8", 4, 7));
    }
}
