package dev.greenlight.codec.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads I-JSON (RFC 7493) and nothing looser: one value, RFC 8259 grammar exactly (no comments, no
 * trailing commas, no leading zeros, no NaN), no two members of one object with the same name at
 * any depth, no unpaired surrogate and no Unicode noncharacter in a string (escaped or not),
 * nesting at most {@link #MAX_DEPTH} levels unless a caller gives another cap.
 *
 * <p>Why not nimbus's {@code JSONObjectUtils}: it refuses a duplicate name at the top level only
 * and silently keeps the last one inside nested objects, so two readers of one signed list could
 * see two different keys. Numbers are returned exactly: a {@link BigInteger} for an integer
 * literal (no fraction, no exponent), a {@link BigDecimal} for any other, so that a caller can
 * refuse {@code 1.0} or {@code 1e2} where it wants an integer, and nothing is rounded to a double.
 *
 * <p>Values: {@code Map<String, Object>} (in document order), {@code List<Object>}, {@link String},
 * {@link BigInteger}, {@link BigDecimal}, {@link Boolean}, and {@link #NULL} for {@code null}.
 * Linear in the length of the text.
 */
public final class StrictJson {

    /** Deeper than any document of the format needs, far below what could exhaust a stack. */
    public static final int MAX_DEPTH = 32;

    /** JSON's {@code null}, distinct from a missing member. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String text;
    private final int maxDepth;
    private int at;

    private StrictJson(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /**
     * @param text the whole JSON text
     * @return the value
     * @throws JsonException naming the offset of the first violation
     */
    public static Object parse(String text) throws JsonException {
        return parse(text, MAX_DEPTH);
    }

    /**
     * For a text that another reader reads afterwards, with that reader's nesting cap, so that
     * nothing it would accept is refused here for its depth alone.
     *
     * @param text     the whole JSON text
     * @param maxDepth how deep arrays and objects may nest, the outermost being level 1
     * @return the value
     * @throws JsonException naming the offset of the first violation
     */
    public static Object parse(String text, int maxDepth) throws JsonException {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, not " + maxDepth);
        }
        StrictJson reader = new StrictJson(text, maxDepth);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.at != text.length()) {
            throw reader.error("text after the JSON value");
        }
        return value;
    }

    /** A text that is not I-JSON; the message names the offset. */
    public static final class JsonException extends Exception {
        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message);
        }
    }

    private Object value(int depth) throws JsonException {
        if (at >= text.length()) {
            throw error("a value is missing");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character " + describe(c));
        }
    }

    private Map<String, Object> object(int depth) throws JsonException {
        Map<String, Object> members = new LinkedHashMap<>();
        if (openAndNotEmpty(depth, '}')) {
            do {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("a member name (a string) is expected");
                }
                int nameAt = at;
                String name = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Object value = value(depth);
                if (members.putIfAbsent(name, value) != null) {
                    at = nameAt;
                    throw error("the member name \"" + printable(name) + "\" occurs twice in one object");
                }
            } while (another('}'));
        }
        return Collections.unmodifiableMap(members);
    }

    private List<Object> array(int depth) throws JsonException {
        List<Object> elements = new ArrayList<>();
        if (openAndNotEmpty(depth, ']')) {
            do {
                skipWhitespace();
                elements.add(value(depth));
            } while (another(']'));
        }
        return Collections.unmodifiableList(elements);
    }

    /** Past the opening bracket at the cursor: false if {@code close} follows at once (and is read). */
    private boolean openAndNotEmpty(int depth, char close) throws JsonException {
        requireDepth(depth);
        at++;
        skipWhitespace();
        if (peek() == close) {
            at++;
            return false;
        }
        return true;
    }

    /** After a member or an element: true past a ',', false past {@code close}. */
    private boolean another(char close) throws JsonException {
        skipWhitespace();
        char next = peek();
        if (next == close) {
            at++;
            return false;
        }
        if (next != ',') {
            throw error("',' or '" + close + "' is expected");
        }
        at++;
        return true;
    }

    private String string() throws JsonException {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("a string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                at--;
                throw error("a control character inside a string must be escaped");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw error("a string is not closed");
            }
            char escape = text.charAt(at++);
            switch (escape) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> {
                    at--;
                    throw error("an unknown escape \\" + describe(escape));
                }
            }
        }
        String value = out.toString();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                throw error("a string holds an unpaired surrogate (not I-JSON)");
            }
            if (isNoncharacter(codePoint)) {
                throw error("a string holds the noncharacter " + String.format("U+%04X", codePoint) + " (not I-JSON)");
            }
        }
        return value;
    }

    /**
     * RFC 7493 section 2.1 forbids them as well as unpaired surrogates, escaped or not: U+FDD0 to
     * U+FDEF, and the last two code points of every plane.
     */
    static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private char hex4() throws JsonException {
        if (at + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0 || text.charAt(at + i) > 'f') {
                throw error("a \\u escape needs four hex digits");
            }
            value = value * 16 + digit;
        }
        at += 4;
        return (char) value;
    }

    private Object number() throws JsonException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
            if (isDigit(peek())) {
                throw error("a number with a leading zero");
            }
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                at++;
            }
        } else {
            throw error("a digit is expected");
        }
        boolean integer = true;
        if (peek() == '.') {
            integer = false;
            at++;
            requireDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            requireDigits();
        }
        String literal = text.substring(start, at);
        // A literal is at most as long as the text (capped by the caller): BigDecimal parses it in linear time;
        // its value is never expanded (no toBigInteger on an exponent).
        return integer ? new BigInteger(literal) : new BigDecimal(literal);
    }

    private void requireDigits() throws JsonException {
        if (!isDigit(peek())) {
            throw error("a digit is expected");
        }
        while (isDigit(peek())) {
            at++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) throws JsonException {
        if (!text.startsWith(word, at)) {
            throw error("unexpected characters (true, false or null?)");
        }
        at += word.length();
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error("'" + c + "' is expected");
        }
        at++;
    }

    /** The character at the cursor, or NUL past the end (NUL never occurs unescaped where it would be accepted). */
    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private void requireDepth(int depth) throws JsonException {
        if (depth > maxDepth) {
            throw error("nested deeper than " + maxDepth + " levels");
        }
    }

    private JsonException error(String what) {
        return new JsonException("not I-JSON at offset " + at + ": " + what);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** A name for a message: ASCII printable kept, anything else escaped, at most 64 characters. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return text.length() > 64 ? out.append("...").toString() : out.toString();
    }
}
