package dev.greenlight.codec;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A reader of exactly the JWK form {@link JwkKeys} writes, and of nothing else: a one-level
 * object of string members, each of {@code kty} ({@code EC}), {@code crv} ({@code P-256}),
 * {@code x}, {@code y} (required), {@code kid}, {@code use} ({@code sig}) and {@code alg}
 * ({@code ES256}) at most once, in any order, with JSON whitespace between tokens; and a JWK Set of
 * such objects. Strings hold no escapes and no character outside {@code A-Z a-z 0-9 - _ . :}.
 *
 * <p>Why: a one-shot {@code gl-verify verify} reads a trust file, and nimbus's JSON and JWK
 * parsers load some 175 classes to do it, a tenth of the process's start. This reader answers
 * only when it is sure: for text outside the form, or a key it would refuse (a point off the
 * curve, a {@code kid} that does not match), it returns null and {@link JwkKeys} asks nimbus, so
 * that what is accepted and refused, and every refusal's message, is exactly what it was with
 * nimbus alone. Every text this reader accepts is a JSON object that nimbus parses into the same
 * members, hence the same key; {@code CanonicalJwkTest} holds the two paths equal over the
 * Wycheproof keys, the fuzz corpus and systematic edits of written keys.
 */
final class CanonicalJwk {

    /**
     * RFC 7518 6.2.1.2: a coordinate is exactly the field size, leading zeros kept, as unpadded
     * base64url: 42 characters of 6 bits and a last one whose 2 low bits are zero. Both readers check it.
     */
    static final Pattern BASE64URL_32_BYTES = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
    private static final String[] NAMES = {"kty", "crv", "x", "y", "kid", "use", "alg"};
    private static final int KTY = 0;
    private static final int CRV = 1;
    private static final int X = 2;
    private static final int Y = 3;
    private static final int KID = 4;
    private static final int USE = 5;
    private static final int ALG = 6;

    private final String text;
    private int position;

    private CanonicalJwk(String text) {
        this.text = text;
    }

    /** The key of one JWK in the canonical form, or null to let nimbus decide. */
    static ECPublicKey publicKey(String json) {
        CanonicalJwk reader = new CanonicalJwk(json);
        reader.whitespace();
        ECPublicKey key = reader.jwk();
        if (key == null) {
            return null;
        }
        reader.whitespace();
        return reader.atEnd() ? key : null;
    }

    /** The keys of a non-empty JWK Set of canonical JWKs, or null to let nimbus decide. */
    static List<ECPublicKey> publicKeys(String json) {
        CanonicalJwk reader = new CanonicalJwk(json);
        reader.whitespace();
        if (!reader.expect('{') || !reader.expectWhitespaced('"') || !"keys".equals(reader.stringBody())
                || !reader.expectWhitespaced(':') || !reader.expectWhitespaced('[')) {
            return null;
        }
        List<ECPublicKey> keys = new ArrayList<>();
        do {
            reader.whitespace();
            ECPublicKey key = reader.jwk();
            if (key == null) {
                return null;
            }
            keys.add(key);
        } while (reader.expectWhitespaced(','));
        if (!reader.expectWhitespaced(']') || !reader.expectWhitespaced('}')) {
            return null;
        }
        reader.whitespace();
        return reader.atEnd() ? List.copyOf(keys) : null;
    }

    /** One JWK object from the current position, or null. */
    private ECPublicKey jwk() {
        if (!expect('{')) {
            return null;
        }
        String[] values = new String[NAMES.length];
        do {
            if (!expectWhitespaced('"')) {
                return null;
            }
            int member = memberIndex(stringBody());
            if (member < 0 || values[member] != null || !expectWhitespaced(':') || !expectWhitespaced('"')) {
                return null;
            }
            values[member] = stringBody();
            if (values[member] == null) {
                return null;
            }
        } while (expectWhitespaced(','));
        if (!expectWhitespaced('}')) {
            return null;
        }
        return key(values);
    }

    private static ECPublicKey key(String[] values) {
        if (!"EC".equals(values[KTY]) || !"P-256".equals(values[CRV]) || values[X] == null || values[Y] == null
                || (values[USE] != null && !values[USE].equals("sig")) || (values[ALG] != null && !values[ALG].equals("ES256"))
                || !BASE64URL_32_BYTES.matcher(values[X]).matches() || !BASE64URL_32_BYTES.matcher(values[Y]).matches()) {
            return null;
        }
        ECPublicKey key;
        try {
            key = PointKeys.publicKey(coordinate(values[X]), coordinate(values[Y]));
        } catch (KeyFormatException e) {
            return null;
        }
        if (values[KID] != null && !values[KID].equals(KeyId.of(key).toString())) {
            return null;
        }
        return key;
    }

    private static BigInteger coordinate(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    private static int memberIndex(String name) {
        if (name == null) {
            return -1;
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The characters up to the closing quote, the opening one already read; null if one is outside
     * the plain set (an escape, a control character, anything nimbus might read otherwise) or the
     * string does not end.
     */
    private String stringBody() {
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return text.substring(start, position - 1);
            }
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!plain) {
                return null;
            }
        }
        return null;
    }

    private boolean expectWhitespaced(char c) {
        whitespace();
        return expect(c);
    }

    private boolean expect(char c) {
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    /** RFC 8259's whitespace: space, tab, line feed, carriage return. */
    private void whitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private boolean atEnd() {
        return position == text.length();
    }
}
