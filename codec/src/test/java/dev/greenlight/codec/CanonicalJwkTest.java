package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * {@link JwkKeys} reads the canonical form with {@link CanonicalJwk} and anything else with nimbus
 * ({@link NimbusJwk}), which alone read every JWK before. The two must accept and refuse the same
 * texts, with the same keys and the same messages: this test runs both on the Wycheproof keys, the
 * fuzz corpus of the key loaders, and systematic edits of written keys (every character deleted,
 * replaced or preceded by another, members dropped, doubled, reordered or changed), and counts
 * that the canonical reader really took part, accepting and declining.
 */
class CanonicalJwkTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);

    private final List<ECPublicKey> keys = List.of(newKey(), newKey(), newKey());

    private static ECPublicKey newKey() {
        return (ECPublicKey) P256KeyPairs.generate(RANDOM).getPublic();
    }

    // ---- what the project writes goes the canonical way

    @Test
    void writtenJwkAndJwks_areReadWithoutNimbus() {
        for (ECPublicKey key : keys) {
            assertEquals(key.getW(), CanonicalJwk.publicKey(JwkKeys.publicKeyToJwk(key)).getW());
        }
        List<ECPublicKey> read = CanonicalJwk.publicKeys(JwkKeys.publicKeysToJwks(keys));
        assertNotNull(read);
        assertEquals(keys.stream().map(ECPublicKey::getW).collect(Collectors.toList()),
                read.stream().map(ECPublicKey::getW).collect(Collectors.toList()));
    }

    @Test
    void spacedAndPrettyPrintedForms_areReadWithoutNimbus() {
        String jwk = JwkKeys.publicKeyToJwk(keys.get(0));
        String spaced = jwk.replace("\":\"", "\": \"").replace("\",\"", "\", \"");
        String pretty = "{\n  \"keys\": [\n    " + spaced.replace(", ", ",\n      ") + "\r\n  ]\n}\n";

        assertNotNull(CanonicalJwk.publicKey(spaced), spaced);
        assertNotNull(CanonicalJwk.publicKeys(pretty), pretty);
    }

    @Test
    void notCanonical_isLeftToNimbus() {
        String jwk = JwkKeys.publicKeyToJwk(keys.get(0));
        String kid = KeyId.of(keys.get(0)).toString();

        assertNull(CanonicalJwk.publicKey(jwk.replace("\"EC\"", "\"\\u0045C\"")), "an escape");
        assertNull(CanonicalJwk.publicKey(jwk.replace("}", ",\"ext\":true}")), "another member");
        assertNull(CanonicalJwk.publicKey(jwk.replace(kid, "00000000")), "a kid that does not match");
        assertNull(CanonicalJwk.publicKey(jwk + "x"), "trailing text");
        assertNull(CanonicalJwk.publicKeys("{\"keys\":[]}"), "an empty set");
    }

    // ---- both readers agree

    @Test
    void fuzzCorpus_bothReadersAgree() throws IOException, URISyntaxException {
        List<String> inputs = new ArrayList<>();
        for (String target : List.of("publicKeyFromJwk_anyText_keyFormatExceptionOnly", "publicKeysFromJwks_anyText_keyFormatExceptionOnly")) {
            Path directory = Path.of(getClass().getResource("FuzzKeyLoadingTestInputs/" + target).toURI());
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                    inputs.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            }
        }
        assertTrue(inputs.size() >= 30, "the corpus is there: " + inputs.size());

        Tally tally = new Tally();
        for (String input : inputs) {
            tally.add(agree(input));
        }
        assertTrue(tally.canonical > 0, tally.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void wycheproofKeys_bothReadersAgree() {
        Tally tally = new Tally();
        for (Arguments arguments : (Iterable<Arguments>) WycheproofKeyLoaderTest.jwkCases()::iterator) {
            WycheproofKeyLoaderTest.KeyCase c = ((Named<WycheproofKeyLoaderTest.KeyCase>) arguments.get()[0]).getPayload();
            tally.add(agree(c.encoded()));
        }
        assertTrue(tally.canonical > 0 && tally.refused > 0, tally.toString());
    }

    @Test
    void everyCharacterEdit_bothReadersAgree() {
        String jwk = JwkKeys.publicKeyToJwk(keys.get(0));
        Tally tally = new Tally();
        String[] inserted = {" ", "\t", "\n", "\r", "\f", "\u000b", "\u00a0", "\u2028", "\ufeff", "\"", "\\", ",", "/", "#", "A", "0", "{", "}"};
        String[] replacements = {"A", "a", "0", "-", "_", "+", "/", "=", "\"", "\\", " ", "'", "\u00e9"};
        for (int i = 0; i <= jwk.length(); i++) {
            for (String c : inserted) {
                tally.add(agree(jwk.substring(0, i) + c + jwk.substring(i)));
            }
            if (i < jwk.length()) {
                tally.add(agree(jwk.substring(0, i) + jwk.substring(i + 1)));
                for (String c : replacements) {
                    tally.add(agree(jwk.substring(0, i) + c + jwk.substring(i + 1)));
                }
            }
        }
        assertTrue(tally.canonical > 0 && tally.refused > 0 && tally.nimbusOnly > 0, tally.toString());
    }

    @Test
    void everyMemberEdit_bothReadersAgree() {
        ECPublicKey key = keys.get(0);
        String x = coordinate(key.getW().getAffineX());
        String y = coordinate(key.getW().getAffineY());
        String kid = KeyId.of(key).toString();
        List<String[]> members = List.of(new String[] {"kty", "\"EC\""}, new String[] {"use", "\"sig\""},
                new String[] {"crv", "\"P-256\""}, new String[] {"kid", "\"" + kid + "\""},
                new String[] {"x", "\"" + x + "\""}, new String[] {"y", "\"" + y + "\""}, new String[] {"alg", "\"ES256\""});
        List<String[]> values = List.of(
                new String[] {"kty", "\"ec\"", "\"RSA\"", "\"OKP\"", "\"EC \"", "null", "1", "\"\""},
                new String[] {"use", "\"enc\"", "\"SIG\"", "\"\"", "null", "[\"sig\"]"},
                new String[] {"crv", "\"P-384\"", "\"p-256\"", "\"secp256r1\"", "\"P256\"", "null"},
                new String[] {"kid", "\"" + kid.toUpperCase(java.util.Locale.ROOT) + "\"", "\"\"", "\"none\"", "null", "1",
                    "\"" + KeyId.of(keys.get(1)) + "\""},
                new String[] {"x", "\"" + x.substring(1) + "\"", "\"" + x + "A\"", "\"" + x + "=\"", "\"" + x.replace('-', '+').replace('_', '/') + "\"",
                    "\"" + coordinate(P) + "\"", "\"" + coordinate(BigInteger.ZERO) + "\"", "\"" + coordinate(key.getW().getAffineY()) + "\"", "null"},
                new String[] {"y", "\"" + coordinate(key.getW().getAffineY().add(BigInteger.ONE)) + "\"",
                    "\"" + coordinate(P.subtract(key.getW().getAffineY())) + "\"", "\"" + coordinate(P.add(BigInteger.ONE)) + "\"", "\"\"", "null"},
                new String[] {"alg", "\"ES384\"", "\"none\"", "\"ES256K\"", "\"es256\"", "null"});
        List<String> texts = new ArrayList<>();
        for (int drop = -1; drop < members.size(); drop++) {
            for (int rotate = 0; rotate < members.size(); rotate++) {
                List<String[]> ordered = new ArrayList<>(members);
                java.util.Collections.rotate(ordered, rotate);
                if (drop >= 0) {
                    ordered.remove(drop);
                }
                texts.add(object(ordered));
            }
        }
        for (String[] member : members) {
            List<String[]> doubled = new ArrayList<>(members);
            doubled.add(member);
            texts.add(object(doubled));
        }
        for (String[] changes : values) {
            for (int v = 1; v < changes.length; v++) {
                List<String[]> changed = new ArrayList<>();
                for (String[] member : members) {
                    changed.add(member[0].equals(changes[0]) ? new String[] {member[0], changes[v]} : member);
                }
                texts.add(object(changed));
                List<String[]> added = new ArrayList<>(members);
                added.add(new String[] {changes[0], changes[v]});
                texts.add(object(added));
            }
        }
        for (String[] extra : List.of(new String[] {"d", "\"" + x + "\""}, new String[] {"key_ops", "[\"verify\"]"},
                new String[] {"ext", "true"}, new String[] {"x5c", "[]"}, new String[] {"exp", "1"}, new String[] {"KTY", "\"EC\""})) {
            List<String[]> added = new ArrayList<>(members);
            added.add(extra);
            texts.add(object(added));
        }
        String canonical = object(members);
        texts.addAll(List.of(canonical, "\ufeff" + canonical, canonical + canonical, "[" + canonical + "]", "{}", "",
                canonical.replace("}", ",}"), canonical.replace("{", "{,"), canonical.replace(":", " : "),
                canonical.replace("\"kty\"", "\"\\u006bty\""), canonical.replace("\"", "'"), canonical + " // comment",
                canonical.substring(0, canonical.length() - 1)));

        Tally tally = new Tally();
        for (String text : texts) {
            tally.add(agree(text));
        }
        assertTrue(tally.canonical > 0 && tally.refused > 0 && tally.nimbusOnly > 0, tally.toString());
    }

    @Test
    void jwksEdits_bothReadersAgree() {
        String jwks = JwkKeys.publicKeysToJwks(keys.subList(0, 2));
        String jwk = JwkKeys.publicKeyToJwk(keys.get(2));
        String other = JwkKeys.publicKeyToJwk(keys.get(0)).replace("\"EC\"", "\"RSA\"");
        List<String> texts = new ArrayList<>(List.of(jwks, "{\"keys\":[]}", "{\"keys\":[" + jwk + "]}", "{\"keys\":[" + jwk + "," + jwk + "]}",
                "{\"keys\":[" + jwk + "," + other + "]}", "{\"keys\":[" + jwk + ",]}", "{\"keys\":[" + jwk + "],\"keys\":[]}",
                "{\"keys\":[" + jwk + "],\"extra\":1}", "{\"keys\":" + jwk + "}", "{\"keys\":null}", "{\"KEYS\":[" + jwk + "]}",
                "[" + jwk + "]", jwk, "{\"keys\":[" + jwk + "]}}", "{\"keys\":[[" + jwk + "]]}", "{\"keys\":[" + jwk + ", 1]}"));
        Random random = new Random(7);
        String[] inserted = {" ", "\n", "\f", "\u00a0", "\"", ",", "]", "x"};
        for (int i = 0; i <= jwks.length(); i++) {
            texts.add(jwks.substring(0, i) + inserted[random.nextInt(inserted.length)] + jwks.substring(i));
            if (i < jwks.length()) {
                texts.add(jwks.substring(0, i) + jwks.substring(i + 1));
            }
        }

        Tally tally = new Tally();
        for (String text : texts) {
            tally.add(agreeAsSet(text));
        }
        assertTrue(tally.canonical > 0 && tally.refused > 0 && tally.nimbusOnly > 0, tally.toString());
    }

    // ---- the comparison

    /** How the inputs went: read by the canonical reader, read only by nimbus, or refused by both. */
    private static final class Tally {
        int canonical;
        int nimbusOnly;
        int refused;

        void add(Route path) {
            switch (path) {
                case CANONICAL -> canonical++;
                case NIMBUS -> nimbusOnly++;
                case REFUSED -> refused++;
            }
        }

        @Override
        public String toString() {
            return "canonical " + canonical + ", nimbus only " + nimbusOnly + ", refused " + refused;
        }
    }

    private enum Route {
        CANONICAL, NIMBUS, REFUSED
    }

    /** One JWK, through JwkKeys (canonical first) and through nimbus alone: same key, or same refusal. */
    private static Route agree(String text) {
        String both = outcome(text, t -> List.of(JwkKeys.publicKeyFromJwk(t)));
        String nimbus = outcome(text, t -> List.of(NimbusJwk.publicKeyFromJwk(t)));
        assertEquals(nimbus, both, () -> "the readers disagree on " + printable(text));
        return path(both, CanonicalJwk.publicKey(text) != null);
    }

    /** The same for a JWK Set, and each input as a single JWK too. */
    private static Route agreeAsSet(String text) {
        agree(text);
        String both = outcome(text, JwkKeys::publicKeysFromJwks);
        String nimbus = outcome(text, NimbusJwk::publicKeysFromJwks);
        assertEquals(nimbus, both, () -> "the readers disagree on the set " + printable(text));
        return path(both, CanonicalJwk.publicKeys(text) != null);
    }

    private static Route path(String outcome, boolean canonical) {
        if (canonical) {
            assertTrue(outcome.startsWith("keys "), "the canonical reader accepted what nimbus refuses: " + outcome);
            return Route.CANONICAL;
        }
        return outcome.startsWith("keys ") ? Route.NIMBUS : Route.REFUSED;
    }

    private static String outcome(String text, Function<String, List<ECPublicKey>> reader) {
        try {
            return "keys " + reader.apply(text).stream().map(k -> k.getW().getAffineX() + "," + k.getW().getAffineY())
                    .collect(Collectors.joining(" "));
        } catch (KeyFormatException e) {
            return "refused " + e.getMessage();
        }
    }

    private static String object(List<String[]> members) {
        return members.stream().map(m -> "\"" + m[0] + "\":" + m[1]).collect(Collectors.joining(",", "{", "}"));
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }
}
