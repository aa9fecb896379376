package dev.greenlight.codec.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hex stands in for java.util.HexFormat on Android: the JDK's class is the oracle. */
class HexTest {

    private static final HexFormat JDK = HexFormat.of();

    @Test
    void toHexDigits_randomValues_matchesHexFormat() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 10_000; i++) {
            int small = random.nextInt();
            long large = random.nextLong();
            assertEquals(JDK.toHexDigits(small), Hex.toHexDigits(small));
            assertEquals(JDK.toHexDigits(large), Hex.toHexDigits(large));
            assertEquals(large, Hex.fromHexDigits(JDK.toHexDigits(large)));
            assertEquals(large, Hex.fromHexDigits(JDK.withUpperCase().toHexDigits(large)));
        }
        assertEquals("00000000", Hex.toHexDigits(0));
        assertEquals("ffffffff", Hex.toHexDigits(-1));
        assertEquals("8000000000000000", Hex.toHexDigits(Long.MIN_VALUE));
    }

    @Test
    void formatHexAndParseHex_randomBytes_matchHexFormat() {
        SplittableRandom random = new SplittableRandom(10);
        for (int length = 0; length < 70; length++) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) random.nextInt();
            }
            String hex = Hex.formatHex(bytes);
            assertEquals(JDK.formatHex(bytes), hex);
            assertArrayEquals(bytes, Hex.parseHex(hex));
            assertArrayEquals(bytes, Hex.parseHex(hex.toUpperCase()));
        }
    }

    /** What HexFormat rejects, Hex rejects: signs, spaces, non-ASCII digits, odd lengths. */
    @ParameterizedTest
    @ValueSource(strings = {"", "+1234567", "-1234567", " 1234567", "1234567 ", "0x123456", "g0000000",
            "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18",
            "00000000000000000"})
    void fromHexDigits_notPlainHex_throws(String text) {
        assertThrows(IllegalArgumentException.class, () -> Hex.fromHexDigits(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "abc", "+0", "0g", "\uff10\uff10", " 00"})
    void parseHex_notPlainHexBytes_throws(String text) {
        assertThrows(IllegalArgumentException.class, () -> Hex.parseHex(text));
    }
}
