package dev.greenlight.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.sign.EcdsaP256Signer;
import dev.greenlight.codec.internal.json.StrictJson;
import dev.greenlight.codec.revocation.RevocationList;
import dev.greenlight.codec.trust.Freshness;
import dev.greenlight.codec.trust.TrustListDocument;
import dev.greenlight.codec.trust.TrustListEntry;
import dev.greenlight.codec.trust.TrustListException.Reason;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * Writes {@code specs/vectors/trust-lists.json} (specification, section 15.5) from fixed inputs:
 * deterministic root and issuer keys, RFC 6979 signatures, fixed clocks and serials, so that
 * {@link TrustListVectorsTest} can insist the committed file is exactly what the code produces.
 * The cases of a malformed document are a table, {@value #DOCUMENT_CASES} among the test
 * resources: one row a case, its edit of the payload as text or by the name of an edit written here.
 * Kept apart from {@link SpecVectorGenerator}, which owns the code vectors.
 *
 * <p>Regenerate after a deliberate format change:
 * {@code ./mvnw -B -q -pl codec test -Dtest=TrustListVectorsTest -Dgreenlight.vectors.write=true}.
 */
final class TrustListVectorGenerator {

    static final String FILE = "trust-lists.json";
    /** The table of the document cases, a resource beside this class. */
    static final String DOCUMENT_CASES = "trust-list-document-cases.json";
    private static final Set<String> ROW_MEMBERS = Set.of("id", "description", "find", "replace", "edit", "bytes");

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    static final Instant LIST_ISSUED_AT = Instant.parse("2026-03-01T00:00:00Z");
    static final Duration MAX_AGE = Duration.ofDays(7);
    /** Issuer A hands over to issuer B here. */
    static final Instant HAND_OVER = Instant.parse("2026-03-01T12:00:00Z");

    private final SpecVectorGenerator codes = new SpecVectorGenerator();
    final ECPrivateKey root = deterministicKey("greenlight spec vector trust root");
    final ECPrivateKey otherRoot = deterministicKey("greenlight spec vector other root");
    private final ECPrivateKey keyC = deterministicKey("greenlight spec vector key C, never listed");
    private final Map<String, ECPrivateKey> issuers = new LinkedHashMap<>();
    private final Map<String, String> listTexts = new LinkedHashMap<>();

    TrustListVectorGenerator() {
        issuers.put("issuer-a", codes.keyA);
        issuers.put("issuer-b", codes.keyB);
        issuers.put("issuer-c", keyC);
    }

    String file() throws IOException {
        return SpecVectorGenerator.JSON.writeValueAsString(document()) + "\n";
    }

    private ObjectNode document() {
        ObjectNode doc = NODES.objectNode();
        doc.put("description", "Greenlight signed trust lists (section 15). Roots are given here, issuer-a and issuer-b are "
                + "the keys of keys.json (issuer-c is given here and never listed). Each list case: the pinned root, the "
                + "verifier's clock, its freshness policy, the highest sequence it accepted before (if any), the JWS as "
                + "received, and the expected result. Each code case verifies a code of section 9 with the keys of a valid list.");
        ObjectNode roots = doc.putObject("roots");
        root(roots, "root", root);
        root(roots, "other-root", otherRoot);
        ObjectNode extra = doc.putObject("issuerKeys");
        ECPublicKey publicC = P256KeyPairs.publicKeyOf(keyC);
        extra.putObject("issuer-c").put("keyId", KeyId.of(publicC).toString())
                .put("privateScalar", hex32(keyC.getS()))
                .put("publicKeySpkiPem", PemKeys.publicKeyToPem(publicC));
        doc.put("maxKeys", TrustListDocument.MAX_KEYS);
        doc.put("maxListChars", dev.greenlight.codec.trust.TrustListVerifier.MAX_LIST_CHARS);
        lists(doc.putArray("lists"));
        codes(doc.putArray("codes"));
        return doc;
    }

    // ---------------------------------------------------------------- lists

    private TrustListDocument twoKeys(long sequence) {
        return new TrustListDocument(sequence, LIST_ISSUED_AT, MAX_AGE, List.of(
                entry("issuer-a", "Beijing Municipal Health Commission", "110000", Instant.parse("2026-01-01T00:00:00Z"), HAND_OVER),
                entry("issuer-b", "Beijing Municipal Health Commission", "110000", HAND_OVER, Instant.parse("2026-09-01T00:00:00Z"))));
    }

    private TrustListEntry entry(String issuer, String name, String region, Instant notBefore, Instant notAfter) {
        return new TrustListEntry(P256KeyPairs.publicKeyOf(issuers.get(issuer)), name, region, new SigningWindow(notBefore, notAfter));
    }

    private void lists(ArrayNode lists) {
        Instant fresh = LIST_ISSUED_AT.plus(Duration.ofHours(1));
        Instant staleAt = LIST_ISSUED_AT.plus(MAX_AGE);
        String twoKeys = twoKeys(7).toJson();

        // Valid lists.
        valid(lists, "valid-two-keys", "Two keys handing over at " + HAND_OVER + ": issuer-a until then, issuer-b from then.",
                signed(twoKeys), fresh, Freshness.STRICT, null, 7, false);
        valid(lists, "valid-successor", "The next list (sequence 8) on a device that accepted 7.",
                signed(twoKeys(8).toJson()), fresh, Freshness.STRICT, 7L, 8, false);
        valid(lists, "valid-same-sequence", "Sequence 7 on a device that accepted 7: equal is not lower (the device "
                + "record also compares the document's digest).", signed(twoKeys), fresh, Freshness.STRICT, 7L, 7, false);
        valid(lists, "valid-empty", "A list of no keys: every code is UNKNOWN_KEY.",
                signed(new TrustListDocument(9, LIST_ISSUED_AT, MAX_AGE, List.of()).toJson()),
                fresh, Freshness.STRICT, null, 9, false);
        valid(lists, "valid-unicode-issuer", "An issuer name in Chinese (UTF-8 in the payload), a county-level region.",
                signed(new TrustListDocument(10, LIST_ISSUED_AT, MAX_AGE, List.of(entry("issuer-a", "北京市朝阳区卫生健康委员会",
                        "110105", Instant.parse("2026-01-01T00:00:00Z"), HAND_OVER))).toJson()),
                fresh, Freshness.STRICT, null, 10, false);
        valid(lists, "valid-last-fresh-second", "One second before issuedAt + maxAge: still fresh.",
                signed(twoKeys), staleAt.minusSeconds(1), Freshness.STRICT, null, 7, false);
        valid(lists, "valid-stale-lenient", "At issuedAt + maxAge under the lenient policy: accepted with a warning.",
                signed(twoKeys), staleAt, Freshness.LENIENT, null, 7, true);
        valid(lists, "valid-issued-ahead-by-ten-minutes", "Issued 10 minutes after the verifier's clock: within the allowance.",
                signed(twoKeys), LIST_ISSUED_AT.minus(Duration.ofMinutes(10)), Freshness.STRICT, null, 7, false);
        valid(lists, "valid-issued-ahead-lenient", "Issued 10 minutes and 1 second ahead, under the lenient policy: a warning.",
                signed(twoKeys), LIST_ISSUED_AT.minus(Duration.ofMinutes(10)).minusSeconds(1), Freshness.LENIENT, null, 7, true);
        valid(lists, "valid-high-s", "The signature with s replaced by n - s: JWS (RFC 7518) does not require low S.",
                highS(signed(twoKeys)), fresh, Freshness.STRICT, null, 7, false);
        valid(lists, "valid-header-other-kid", "The header's kid is not the root's key id: a verifier does not read its value.",
                signedBy(root, "{\"alg\":\"ES256\",\"typ\":\"" + TrustListDocument.TYPE + "\",\"kid\":\"00000000\"}", twoKeys),
                fresh, Freshness.STRICT, null, 7, false);
        valid(lists, "valid-header-no-kid", "A header of alg and typ only: kid is optional.",
                signedBy(root, "{\"typ\":\"" + TrustListDocument.TYPE + "\",\"alg\":\"ES256\"}", twoKeys),
                fresh, Freshness.STRICT, null, 7, false);
        valid(lists, "valid-latest-time", "issuer-b's notAfter is 2106-02-07T06:28:16Z (2^32 seconds), the latest time a list may state.",
                signed(new TrustListDocument(11, LIST_ISSUED_AT, MAX_AGE, List.of(
                        entry("issuer-b", "Beijing Municipal Health Commission", "110000", HAND_OVER, TrustListDocument.LATEST))).toJson()),
                fresh, Freshness.STRICT, null, 11, false);

        // The envelope and the signature.
        reject(lists, "signature-other-root", "Signed by another root than the pinned one.",
                signedBy(otherRoot, header(TrustListDocument.TYPE, otherRoot), twoKeys), fresh, Reason.SIGNATURE);
        String genuine = signed(twoKeys);
        String[] parts = genuine.split("\\.");
        reject(lists, "signature-payload-altered", "The payload replaced (sequence 70) under the original signature.",
                parts[0] + "." + B64.encodeToString(twoKeys.replace("\"sequence\":7", "\"sequence\":70").getBytes(StandardCharsets.UTF_8))
                        + "." + parts[2], fresh, Reason.SIGNATURE);
        reject(lists, "signature-bit-flipped", "The last byte of the signature changed.",
                parts[0] + "." + parts[1] + "." + flipLast(parts[2]), fresh, Reason.SIGNATURE);
        reject(lists, "signature-wrong-typ", "The revocation lists' typ (" + RevocationList.TYPE + "), signed by the root: a "
                + "document of another type.", signedBy(root, header(RevocationList.TYPE, root), twoKeys), fresh, Reason.SIGNATURE);
        reject(lists, "signature-typ-media-type", "typ with the application/ prefix that RFC 7515 lets a reader add: compared exactly.",
                signedBy(root, header("application/" + TrustListDocument.TYPE, root), twoKeys), fresh, Reason.SIGNATURE);
        reject(lists, "signature-typ-other-case", "typ in other letter case: compared exactly, case-sensitively.",
                signedBy(root, header("Greenlight-Trust-List+JWS", root), twoKeys), fresh, Reason.SIGNATURE);
        reject(lists, "signature-kid-not-a-string", "kid is a number: when present it is a string.",
                signedBy(root, "{\"alg\":\"ES256\",\"typ\":\"" + TrustListDocument.TYPE + "\",\"kid\":7}", twoKeys), fresh, Reason.SIGNATURE);
        reject(lists, "signature-header-duplicate-alg", "alg twice in the header: the header is I-JSON too.",
                signedBy(root, "{\"alg\":\"ES256\",\"alg\":\"ES256\",\"typ\":\"" + TrustListDocument.TYPE + "\"}", twoKeys),
                fresh, Reason.SIGNATURE);
        reject(lists, "signature-header-noncharacter", "A kid holding the noncharacter U+FDD0 (escaped): the header is I-JSON too.",
                signedBy(root, "{\"alg\":\"ES256\",\"typ\":\"" + TrustListDocument.TYPE + "\",\"kid\":\"\\ufdd0\"}", twoKeys),
                fresh, Reason.SIGNATURE);
        reject(lists, "signature-s-zero", "The signature's s replaced by 0: out of range (1 <= s < n).",
                withSignatureHalf(genuine, 32, BigInteger.ZERO), fresh, Reason.SIGNATURE);
        reject(lists, "signature-r-order", "The signature's r replaced by n: out of range (1 <= r < n).",
                withSignatureHalf(genuine, 0, P256.ORDER), fresh, Reason.SIGNATURE);
        reject(lists, "signature-no-typ", "No typ in the header.", signedBy(root, "{\"alg\":\"ES256\"}", twoKeys), fresh, Reason.SIGNATURE);
        reject(lists, "signature-alg-es384", "The header claims ES384: the algorithm is the pinned key's, ES256, never the header's.",
                signedBy(root, "{\"alg\":\"ES384\",\"typ\":\"" + TrustListDocument.TYPE + "\"}", twoKeys), fresh, Reason.SIGNATURE);
        reject(lists, "signature-alg-none", "alg none with an empty signature.",
                B64.encodeToString(("{\"alg\":\"none\",\"typ\":\"" + TrustListDocument.TYPE + "\"}").getBytes(StandardCharsets.UTF_8))
                        + "." + parts[1] + ".", fresh, Reason.SIGNATURE);
        reject(lists, "signature-hs256-confusion", "alg HS256, the MAC keyed with the root's public key (SPKI PEM): key confusion.",
                hs256Confusion(twoKeys), fresh, Reason.SIGNATURE);
        reject(lists, "signature-embedded-jwk", "A header carrying its own jwk: only alg, typ and kid are allowed.",
                signedBy(root, "{\"alg\":\"ES256\",\"typ\":\"" + TrustListDocument.TYPE + "\",\"jwk\":"
                        + JwkKeys.publicKeyToJwk(P256KeyPairs.publicKeyOf(root)) + "}", twoKeys), fresh, Reason.SIGNATURE);
        reject(lists, "signature-padded", "The payload part with base64 padding '='.",
                parts[0] + "." + parts[1] + "=" + "." + parts[2], fresh, Reason.SIGNATURE);
        reject(lists, "signature-not-a-jws", "A JSON document, not a JWS.", twoKeys, fresh, Reason.SIGNATURE);
        reject(lists, "signature-json-serialization", "Two parts only: the detached form is not accepted.",
                parts[0] + "." + parts[2], fresh, Reason.SIGNATURE);

        // The document: its cases are a table (a test resource), each an edit of this payload.
        for (Map<String, Object> row : documentCases()) {
            String id = member(row, "id");
            String description = member(row, "description");
            if (row.containsKey("bytes")) {
                rejectBytes(lists, id, description, payloadBytes(id, member(row, "bytes"), twoKeys));
            } else {
                rejectDocument(lists, id, description, twoKeys, edit(row));
            }
        }

        // The key cap: counted before any entry is read, so the entries here need not even be keys.
        StringBuilder tooMany = new StringBuilder(twoKeys.substring(0, twoKeys.indexOf("\"keys\":[") + 8));
        for (int i = 0; i <= TrustListDocument.MAX_KEYS; i++) {
            tooMany.append(i == 0 ? "{}" : ",{}");
        }
        reject(lists, "too-many-keys", (TrustListDocument.MAX_KEYS + 1) + " entries (empty objects): refused for their number "
                + "before any is read.", signed(tooMany.append("]}").toString()), fresh, Reason.TOO_MANY_KEYS);
        // The nesting cap belongs to reading the JSON (step 3), so it comes before the key cap (step 4).
        StringBuilder deep = new StringBuilder(twoKeys.substring(0, twoKeys.indexOf("\"keys\":[") + 8));
        deep.append("{\"x\":").append("[".repeat(30)).append("]".repeat(30)).append('}');
        for (int i = 1; i <= TrustListDocument.MAX_KEYS; i++) {
            deep.append(",{}");
        }
        reject(lists, "too-many-keys-nested-too-deep", (TrustListDocument.MAX_KEYS + 1) + " entries, the first nesting arrays to level 33 "
                + "of the document (more than 32): not read as JSON, so refused before the entries are counted.",
                signed(deep.append("]}").toString()), fresh, Reason.INVALID_DOCUMENT);

        // Sequence and freshness.
        ObjectNode rollback = reject(lists, "rollback", "Sequence 7 on a device that accepted 8 (valid-successor): an older list.",
                signed(twoKeys), fresh, Reason.ROLLBACK);
        rollback.put("highestAccepted", 8);
        reject(lists, "stale-strict", "At issuedAt + maxAge exactly: stale under the strict policy.", signed(twoKeys), staleAt, Reason.STALE);
        reject(lists, "not-yet-valid-strict", "Issued 10 minutes and 1 second after the verifier's clock.",
                signed(twoKeys), LIST_ISSUED_AT.minus(Duration.ofMinutes(10)).minusSeconds(1), Reason.NOT_YET_VALID);
    }

    private String header(String type, ECPrivateKey key) {
        return "{\"alg\":\"ES256\",\"typ\":\"" + type + "\",\"kid\":\"" + KeyId.of(P256KeyPairs.publicKeyOf(key)) + "\"}";
    }

    private String signed(String payload) {
        return signedBy(root, header(TrustListDocument.TYPE, root), payload);
    }

    /** A compact JWS with an RFC 6979 signature, so that the file is reproducible (CompactJws.sign draws k at random). */
    static String signedBy(ECPrivateKey key, String header, String payload) {
        return signedBytes(key, header, payload.getBytes(StandardCharsets.UTF_8));
    }

    static String signedBytes(ECPrivateKey key, String header, byte[] payload) {
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(payload);
        byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = EcdsaP256Signer.sign(new ECPrivateKeyParameters(key.getS(), P256.DOMAIN), bytes, 0, bytes.length);
        return input + "." + B64.encodeToString(signature);
    }

    private static String highS(String jws) {
        int dot = jws.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(jws.substring(dot + 1));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        byte[] high = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, P256.ORDER.subtract(s));
        System.arraycopy(high, 0, signature, 32, 32);
        return jws.substring(0, dot + 1) + B64.encodeToString(signature);
    }

    /** The JWS with r (at 0) or s (at 32) of its signature replaced by {@code value}. */
    private static String withSignatureHalf(String jws, int offset, BigInteger value) {
        int dot = jws.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(jws.substring(dot + 1));
        System.arraycopy(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, value), 0, signature, offset, 32);
        return jws.substring(0, dot + 1) + B64.encodeToString(signature);
    }

    private static String flipLast(String part) {
        byte[] bytes = Base64.getUrlDecoder().decode(part);
        bytes[bytes.length - 1] ^= 1;
        return B64.encodeToString(bytes);
    }

    private String hs256Confusion(String payload) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"" + TrustListDocument.TYPE + "\"}";
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(PemKeys.publicKeyToPem(P256KeyPairs.publicKeyOf(root))
                    .getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode valid(ArrayNode lists, String id, String description, String jws, Instant clock, Freshness freshness,
                             Long highestAccepted, long sequence, boolean warning) {
        ObjectNode c = newCase(lists, id, description, jws, clock, freshness);
        if (highestAccepted != null) {
            c.put("highestAccepted", highestAccepted);
        }
        listTexts.put(id, jws);
        ObjectNode expected = c.putObject("expected").put("result", "valid").put("sequence", sequence).put("warning", warning);
        ArrayNode keys = expected.putArray("keys");
        String payload = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            for (TrustListEntry entry : TrustListDocument.parseUnverified(payload).entries()) {
                keys.addObject().put("keyId", entry.keyId().toString()).put("issuer", entry.issuer()).put("region", entry.region())
                        .put("notBefore", entry.window().notBefore().toString()).put("notAfter", entry.window().notAfter().toString());
            }
        } catch (dev.greenlight.codec.trust.TrustListException e) {
            throw new IllegalStateException(id + ": " + e.getMessage(), e);
        }
        return c;
    }

    private ObjectNode reject(ArrayNode lists, String id, String description, String jws, Instant clock, Reason reason) {
        ObjectNode c = newCase(lists, id, description, jws, clock, Freshness.STRICT);
        c.putObject("expected").put("result", "rejected").put("reason", reason.name());
        return c;
    }

    /** The payload edited as text after it was written, then signed by the root: only the document is wrong. */
    private void rejectDocument(ArrayNode lists, String id, String description, String payload, UnaryOperator<String> edit) {
        String edited = edit.apply(payload);
        if (edited.equals(payload)) {
            throw new IllegalStateException(id + ": the edit changed nothing");
        }
        ObjectNode c = reject(lists, id, description, signed(edited), LIST_ISSUED_AT.plus(Duration.ofHours(1)), Reason.INVALID_DOCUMENT);
        c.put("payload", edited);
    }

    private void rejectBytes(ArrayNode lists, String id, String description, byte[] payload) {
        ObjectNode c = reject(lists, id, description, signedBytes(root, header(TrustListDocument.TYPE, root), payload),
                LIST_ISSUED_AT.plus(Duration.ofHours(1)), Reason.INVALID_DOCUMENT);
        c.put("payloadHex", HEX.formatHex(payload));
    }

    /** The rows of {@value #DOCUMENT_CASES}, read strictly (a duplicate or unknown member is an error). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documentCases() {
        try (InputStream in = TrustListVectorGenerator.class.getResourceAsStream(DOCUMENT_CASES)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DOCUMENT_CASES);
            }
            Map<String, Object> table = (Map<String, Object>) StrictJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("cases");
            for (Map<String, Object> row : rows) {
                if (!ROW_MEMBERS.containsAll(row.keySet())) {
                    throw new IllegalStateException(DOCUMENT_CASES + ": a row with members other than " + ROW_MEMBERS + ": " + row);
                }
                // One way to make the payload, or a second would be silently ignored.
                int ways = (row.containsKey("find") || row.containsKey("replace") ? 1 : 0) + (row.containsKey("edit") ? 1 : 0)
                        + (row.containsKey("bytes") ? 1 : 0);
                if (ways != 1) {
                    throw new IllegalStateException(DOCUMENT_CASES + ": a row needs exactly one of find/replace, edit or bytes: " + row);
                }
            }
            return rows;
        } catch (IOException | StrictJson.JsonException e) {
            throw new IllegalStateException(DOCUMENT_CASES + ": " + e.getMessage(), e);
        }
    }

    private static String member(Map<String, Object> row, String name) {
        if (!(row.get(name) instanceof String value)) {
            throw new IllegalStateException(DOCUMENT_CASES + ": no text " + name + " in " + row);
        }
        return value;
    }

    /** A row's edit of the payload text: its find and replace, or the edit it names. */
    private UnaryOperator<String> edit(Map<String, Object> row) {
        if (row.containsKey("find")) {
            String find = member(row, "find");
            String replacement = member(row, "replace");
            return s -> {
                int at = s.indexOf(find);
                return at < 0 ? s : s.substring(0, at) + replacement + s.substring(at + find.length());
            };
        }
        String kidA = KeyId.of(P256KeyPairs.publicKeyOf(codes.keyA)).toString();
        return switch (member(row, "edit")) {
            case "first-kid-zeros" -> s -> s.replace("\"kid\":\"" + kidA + "\"", "\"kid\":\"00000000\"");
            case "first-kid-upper-case" -> s -> s.replace("\"kid\":\"" + kidA + "\"", "\"kid\":\"" + kidA.toUpperCase(java.util.Locale.ROOT) + "\"");
            case "first-kid-removed" -> s -> s.replace(",\"kid\":\"" + kidA + "\"", "");
            case "first-y-replaced-by-x" -> s -> {
                String x = s.substring(s.indexOf("\"x\":\"") + 5, s.indexOf("\"x\":\"") + 5 + 43);
                String y = s.substring(s.indexOf("\"y\":\"") + 5, s.indexOf("\"y\":\"") + 5 + 43);
                return s.replace("\"y\":\"" + y + "\"", "\"y\":\"" + x + "\"");
            };
            case "first-entry-again-later" -> s -> {
                String entryA = s.substring(s.indexOf("{\"issuer\""), s.indexOf(",{\"issuer\""));
                return s.replace("]}", "," + entryA.replace("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z")
                        .replace(HAND_OVER.toString(), "2026-07-01T00:00:00Z") + "]}");
            };
            case "keys-as-object" -> s -> s.substring(0, s.indexOf("\"keys\":")) + "\"keys\":{}}";
            case "text-after" -> s -> s + " x";
            default -> throw new IllegalStateException(DOCUMENT_CASES + ": no edit named " + row.get("edit"));
        };
    }

    /** A payload that a row gives as bytes, made from the payload text. */
    private static byte[] payloadBytes(String id, String name, String payload) {
        return switch (name) {
            case "utf8-bom-first" -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, payload.getBytes(StandardCharsets.UTF_8));
            case "ff-in-issuer" -> {
                byte[] bytes = payload.replace("Beijing", "Bei\u0001jing").getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == 1) {
                        bytes[i] = (byte) 0xFF;
                    }
                }
                yield bytes;
            }
            case "uffff-in-issuer" -> payload.replace("Beijing", "Bei\uFFFFjing").getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalStateException(id + ": no payload bytes named " + name);
        };
    }

    private static ObjectNode newCase(ArrayNode lists, String id, String description, String jws, Instant clock, Freshness freshness) {
        ObjectNode c = lists.addObject();
        c.put("id", id);
        c.put("description", description);
        c.put("root", "root");
        c.put("clock", clock.toString());
        c.put("freshness", freshness.name().toLowerCase(java.util.Locale.ROOT));
        c.put("jws", jws);
        return c;
    }

    // ---------------------------------------------------------------- codes under a list

    private void codes(ArrayNode cases) {
        Identity cnid = Identity.chineseResidentId("11010519491231002X");
        Instant later = HAND_OVER.plus(Duration.ofHours(2));
        code(cases, "list-code-a-before-hand-over", "issuer-a's code issued an hour before the hand-over, checked after it: "
                + "valid until it expires.", "valid-two-keys", "issuer-a", 0x0101010101010101L, cnid, HAND_OVER.minus(Duration.ofHours(1)),
                later, null);
        code(cases, "list-code-a-at-hand-over", "issuer-a's code dated at the hand-over instant: its window is half-open.",
                "valid-two-keys", "issuer-a", 0x0202020202020202L, cnid, HAND_OVER, later, RejectionReason.OUTSIDE_KEY_WINDOW);
        code(cases, "list-code-a-after-hand-over", "issuer-a's code dated an hour after the hand-over.",
                "valid-two-keys", "issuer-a", 0x0303030303030303L, cnid, HAND_OVER.plus(Duration.ofHours(1)), later,
                RejectionReason.OUTSIDE_KEY_WINDOW);
        code(cases, "list-code-b-at-hand-over", "issuer-b's code dated at the hand-over: its first second.",
                "valid-two-keys", "issuer-b", 0x0404040404040404L, cnid, HAND_OVER, later, null);
        code(cases, "list-code-b-before-its-window", "issuer-b's code dated a second before its window opens.",
                "valid-two-keys", "issuer-b", 0x0505050505050505L, cnid, HAND_OVER.minusSeconds(1), later,
                RejectionReason.OUTSIDE_KEY_WINDOW);
        code(cases, "list-code-c-not-listed", "issuer-c is on no list.",
                "valid-two-keys", "issuer-c", 0x0606060606060606L, cnid, HAND_OVER, later, RejectionReason.UNKNOWN_KEY);
        code(cases, "list-code-a-empty-list", "issuer-a's code under the empty list.",
                "valid-empty", "issuer-a", 0x0707070707070707L, cnid, HAND_OVER.minus(Duration.ofHours(1)), later,
                RejectionReason.UNKNOWN_KEY);
        code(cases, "list-code-a-expired", "issuer-a's code before the hand-over, checked after it expired: the window "
                + "does not extend a code's validity.", "valid-two-keys", "issuer-a", 0x0808080808080808L, cnid,
                HAND_OVER.minus(Duration.ofHours(1)), HAND_OVER.plus(Duration.ofHours(24)), RejectionReason.EXPIRED);
    }

    private void code(ArrayNode cases, String id, String description, String list, String issuer, long serial, Identity identity,
                      Instant issuedAt, Instant clock, RejectionReason reason) {
        Issuer signer = Issuer.builder(codes.identitySecret, Clock.fixed(issuedAt, ZoneOffset.UTC))
                .signingKey(issuers.get(issuer))
                .serialSource(new FixedSerial(serial))
                .build();
        ObjectNode c = cases.addObject();
        c.put("id", id);
        c.put("description", description);
        c.put("list", list);
        c.put("signedBy", issuer);
        c.put("issuedAt", issuedAt.toString());
        c.put("clock", clock.toString());
        c.put("clockSkewSeconds", SpecVectorGenerator.SKEW.getSeconds());
        c.put("text", signer.issue(identity, Colour.GREEN, Duration.ofHours(24)).text());
        ObjectNode expected = c.putObject("expected");
        if (reason == null) {
            expected.put("result", "valid");
        } else {
            expected.put("result", "rejected").put("reason", reason.name());
        }
    }

    /** Serials fixed per case, so that the codes (and their RFC 6979 signatures) are reproducible. */
    private static final class FixedSerial extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final long serial;

        FixedSerial(long serial) {
            this.serial = serial;
        }

        @Override
        public long nextLong() {
            return serial;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void root(ObjectNode roots, String name, ECPrivateKey key) {
        ECPublicKey publicKey = P256KeyPairs.publicKeyOf(key);
        roots.putObject(name)
                .put("keyId", KeyId.of(publicKey).toString())
                .put("privateScalar", hex32(key.getS()))
                .put("publicKeySpkiPem", PemKeys.publicKeyToPem(publicKey))
                .put("publicX", hex32(publicKey.getW().getAffineX()))
                .put("publicY", hex32(publicKey.getW().getAffineY()));
    }

    private static ECPrivateKey deterministicKey(String label) {
        byte[] seed = EcdsaP256.sha256(label.getBytes(StandardCharsets.US_ASCII), 0, label.length());
        return P256Jca.privateKey(new BigInteger(1, seed).mod(P256.ORDER.subtract(BigInteger.ONE)).add(BigInteger.ONE));
    }

    private static String hex32(BigInteger value) {
        return HEX.formatHex(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, value));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
