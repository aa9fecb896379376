package dev.greenlight.codec.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @Test
    void parse_document_keepsOrderTypesAndExactNumbers() throws StrictJson.JsonException {
        Object value = StrictJson.parse(" {\"b\":[1,-0,2.5,1e2,true,false,null],\"a\":\"x\\u00e9\\ud83d\\ude00\\n\",\"big\":123456789012345678901234567890} ");

        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(List.of("b", "a", "big"), List.copyOf(map.keySet()));
        List<?> b = (List<?>) map.get("b");
        assertEquals(BigInteger.ONE, b.get(0));
        assertEquals(BigInteger.ZERO, b.get(1));
        assertEquals(new BigDecimal("2.5"), b.get(2));
        assertEquals(new BigDecimal("1e2"), b.get(3));
        assertEquals(Boolean.TRUE, b.get(4));
        assertEquals(StrictJson.NULL, b.get(6));
        assertEquals("xé\uD83D\uDE00\n", map.get("a"));
        assertEquals(new BigInteger("123456789012345678901234567890"), map.get("big"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1,\"a\":1}",
        "{\"a\":{\"b\":1,\"b\":2}}",
        "[{\"b\":1,\"b\":2}]",
        "{\"a\":1,}",
        "[1,]",
        "{\"a\":01}",
        "{\"a\":1.}",
        "{\"a\":.5}",
        "{\"a\":+1}",
        "{\"a\":NaN}",
        "{\"a\":'x'}",
        "{a:1}",
        "{\"a\":1} x",
        "{\"a\":1}{}",
        "/*c*/{}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":\"\\udc00\\ud800\"}",
        "{\"a\":\"\\x41\"}",
        "{\"a\":\"\\u00g1\"}",
        "{\"a\":\"tab\there\"}",
        "{\"a\":tru}",
        "",
        "{",
        "\"unterminated",
    })
    void parse_notIJson_isRefused(String text) {
        StrictJson.JsonException e = assertThrows(StrictJson.JsonException.class, () -> StrictJson.parse(text));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x3FFFF, 0x10FFFE, 0x10FFFF})
    void parse_noncharacterEscapedOrNot_isRefused(int codePoint) {
        String raw = new String(Character.toChars(codePoint));
        StringBuilder escaped = new StringBuilder();
        for (char c : raw.toCharArray()) {
            escaped.append(String.format("\\u%04x", (int) c));
        }
        for (String text : List.of("{\"a\":\"" + escaped + "\"}", "{\"a\":\"x" + raw + "\"}", "{\"" + raw + "\":1}", "[\"" + raw + "\"]")) {
            StrictJson.JsonException e = assertThrows(StrictJson.JsonException.class, () -> StrictJson.parse(text), text);
            assertTrue(e.getMessage().contains("noncharacter"), e.getMessage());
        }
    }

    @Test
    void parse_neighboursOfNoncharacters_areRead() throws StrictJson.JsonException {
        String text = "[\"\\ufdcf\",\"\\ufdf0\",\"\\ufffd\",\"\\ud83f\\udffd\",\"\\udbff\\udffd\",\"\\ufeff\"]";

        assertEquals(List.of("\uFDCF", "\uFDF0", "\uFFFD", "\uD83F\uDFFD", "\uDBFF\uDFFD", "\uFEFF"), StrictJson.parse(text));
    }

    @Test
    void parse_nestingAtTheCap_isReadAndOneDeeperRefused() throws StrictJson.JsonException {
        String atCap = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        StrictJson.parse(atCap);

        String deeper = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
        StrictJson.JsonException e = assertThrows(StrictJson.JsonException.class, () -> StrictJson.parse(deeper));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
    }

    @Test
    void parse_hundredThousandOpenBrackets_isRefusedWithoutStackOverflow() {
        assertThrows(StrictJson.JsonException.class, () -> StrictJson.parse("[".repeat(100_000)));
    }

    @Test
    void parse_hugeExponent_staysADecimalWithoutExpansion() throws StrictJson.JsonException {
        long start = System.nanoTime();
        Object value = ((List<?>) StrictJson.parse("[1e999999999]")).get(0);

        assertEquals(new BigDecimal("1e999999999"), value);
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "a hang detector, not a speed assertion");
    }
}
