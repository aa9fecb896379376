package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The printed forms of the small value types, and their parsers: each reads back what it prints. */
class TextFormsTest {

    @Test
    void keyId_parseOfToString_givesTheSameId() {
        for (int value : new int[] {0, 1, -1, Integer.MIN_VALUE, 0x1234abcd}) {
            KeyId id = new KeyId(value);
            assertEquals(id, KeyId.parse(id.toString()));
            assertEquals(id, KeyId.parse(id.toString().toUpperCase()));
        }
        assertEquals("0000002a", new KeyId(42).toString());
    }

    /** A serial is 16 digits; java.util.HexFormat.fromHexDigits, used before, stopped at 8. */
    @Test
    void serial_parseOfToString_givesTheSameSerial() {
        for (long value : new long[] {0, 1, -1, Long.MIN_VALUE, 0x0123456789abcdefL}) {
            Serial serial = new Serial(value);
            assertEquals(serial, Serial.parse(serial.toString()));
        }
        assertEquals("fedcba9876543210", Serial.parse("FEDCBA9876543210").toString());
    }

    @Test
    void identityHash_parseOfToString_givesTheSameHash() {
        IdentityHash hash = IdentityHash.parse("00112233445566778899aabbccddeeff");
        assertEquals("00112233445566778899aabbccddeeff", hash.toString());
        assertEquals(hash, IdentityHash.parse(hash.toString().toUpperCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+0000002a", "0000002g", "0000 02a", "0x00002a"})
    void keyId_parseOfNotHex_throws(String text) {
        assertThrows(IllegalArgumentException.class, () -> KeyId.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+123456789abcdef", "-123456789abcdef", "123456789abcdefg"})
    void serial_parseOfNotHex_throws(String text) {
        assertThrows(IllegalArgumentException.class, () -> Serial.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"green", "GREEN", " Green ", "\tgreen\n", "\u3000green\u3000", "\u2003green"})
    void colour_parseWithSurroundingWhiteSpace_ignoresIt(String text) {
        assertEquals(Colour.GREEN, Colour.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "gr een", "\u00a0green", "green\u0000"})
    void colour_parseOfOtherText_throws(String text) {
        assertThrows(IllegalArgumentException.class, () -> Colour.parse(text));
    }
}
