package dev.greenlight.codec.trust;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import dev.greenlight.codec.JwkKeys;
import dev.greenlight.codec.KeyFormatException;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.SigningWindow;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.json.StrictJson;
import dev.greenlight.codec.internal.jws.CompactJws;
import dev.greenlight.codec.trust.TrustListException.Reason;

/**
 * The content of a trust list (specification, section 15.1): its sequence number, when it was
 * issued, how long it may be relied on, and its keys with their windows. The one owner of the
 * list's JSON: {@link #toJson()} writes it and the verifier reads it through the same rules.
 *
 * <p>An authority makes one with the constructor, which checks it as a verifier would, and signs
 * it with {@link #sign}; a verifier never sees this type unchecked: it receives a
 * {@link TrustList} from {@link TrustListVerifier}. {@link #parseUnverified} is for the
 * authority's own draft and for display.
 *
 * @param sequence from 0 to {@link #MAX_SEQUENCE}; each published list must have a higher one than
 *                 the last, and a verifier refuses a lower one than it accepted
 * @param issuedAt when the list is issued, a whole second from {@link #EARLIEST} to {@link #LATEST}
 * @param maxAge   how long after {@code issuedAt} verifiers may rely on the list, whole seconds
 *                 from {@link #MIN_MAX_AGE} to {@link #MAX_MAX_AGE}
 * @param entries  the keys, in the list's order, each once, at most {@link #MAX_KEYS}; copied
 */
public record TrustListDocument(long sequence, Instant issuedAt, Duration maxAge, List<TrustListEntry> entries) {

    /** The JWS header's {@code typ}: a revocation list signed by the same root has another. */
    public static final String TYPE = "greenlight-trust-list+jws";
    /** The {@code format} member. */
    public static final String FORMAT = "greenlight-trust-list";
    /** The {@code version} member this implementation reads and writes. */
    public static final int VERSION = 1;

    /**
     * The most keys one list may hold, checked before any key is read: a province has tens of
     * issuing services and rotates each a few times a year. Every key is validated (a point
     * multiplication) when a list loads, and may grow 64 KiB of tables once busy: a list of a
     * million keys would hold a scanner for seconds and hundreds of megabytes.
     */
    public static final int MAX_KEYS = 1024;
    /** The highest sequence number: 2^53 − 1, exact in every JSON reader (RFC 7493, section 2.2). */
    public static final long MAX_SEQUENCE = (1L << 53) - 1;
    /** The shortest maximum age: a list must survive at least its own distribution. */
    public static final Duration MIN_MAX_AGE = Duration.ofMinutes(1);
    /** The longest maximum age, a year and a day: a list older than that is not a statement about now. */
    public static final Duration MAX_MAX_AGE = Duration.ofDays(366);
    /** The earliest time a list may state: the epoch, the earliest issue time a code can carry. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The latest time a list may state: 2^32 seconds, just past the latest issue time a code can carry. */
    public static final Instant LATEST = Instant.ofEpochSecond(1L << 32);

    /**
     * Hours 00 to 23 here, not in {@code Instant.parse}, which reads {@code T24:00:00Z} as the next
     * midnight: a second spelling of one instant that other readers refuse.
     */
    private static final Pattern TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z");
    private static final List<String> MEMBERS = List.of("format", "version", "sequence", "issuedAt", "maxAge", "keys");
    private static final List<String> ENTRY_MEMBERS = List.of("issuer", "region", "notBefore", "notAfter", "jwk");
    private static final List<String> JWK_MEMBERS = List.of("kty", "crv", "x", "y", "kid");

    /**
     * Checks a document as a verifier would.
     *
     * @param sequence the sequence number
     * @param issuedAt when the list is issued
     * @param maxAge   how long verifiers may rely on the list
     * @param entries  the keys, in the list's order
     * @throws IllegalArgumentException if a value is out of range, a key is listed twice or there
     *         are more than {@link #MAX_KEYS} keys
     * @throws NullPointerException if a value is null
     */
    public TrustListDocument {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(maxAge, "maxAge");
        entries = List.copyOf(entries);
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("The sequence must be from 0 to " + MAX_SEQUENCE + ", not " + sequence);
        }
        TrustListEntry.requireTime(issuedAt, "issuedAt");
        if (maxAge.getNano() != 0 || maxAge.compareTo(MIN_MAX_AGE) < 0 || maxAge.compareTo(MAX_MAX_AGE) > 0) {
            throw new IllegalArgumentException("The maximum age must be whole seconds from " + MIN_MAX_AGE + " to " + MAX_MAX_AGE
                    + ", not " + maxAge);
        }
        if (entries.size() > MAX_KEYS) {
            throw new IllegalArgumentException("A trust list holds at most " + MAX_KEYS + " keys, not " + entries.size());
        }
        Set<java.security.spec.ECPoint> points = new HashSet<>();
        for (TrustListEntry entry : entries) {
            if (!points.add(entry.publicKey().getW())) {
                throw new IllegalArgumentException("Key " + entry.keyId() + " is listed twice: one entry, one window per key");
            }
        }
    }

    /**
     * @param replacement the keys of the derived list, in its order
     * @return this list with other keys, the same sequence number, issue time and maximum age
     * @throws IllegalArgumentException if a key is listed twice or there are more than {@link #MAX_KEYS}
     */
    public TrustListDocument withEntries(List<TrustListEntry> replacement) {
        return new TrustListDocument(sequence, issuedAt, maxAge, replacement);
    }

    /** A line for logs: a list of a thousand keys is not printed key by key. */
    @Override
    public String toString() {
        return "TrustListDocument[sequence " + sequence + ", issued " + issuedAt + ", max age " + maxAge + ", "
                + entries.size() + (entries.size() == 1 ? " key]" : " keys]");
    }

    /**
     * The list's JSON: compact, members in the order of section 15.1, times in whole seconds.
     *
     * @return the payload to sign
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(256 + 400 * entries.size());
        json.append("{\"format\":");
        string(json, FORMAT);
        json.append(",\"version\":").append(VERSION);
        json.append(",\"sequence\":").append(sequence);
        json.append(",\"issuedAt\":");
        string(json, issuedAt.toString());
        json.append(",\"maxAge\":").append(maxAge.getSeconds());
        json.append(",\"keys\":[");
        for (int i = 0; i < entries.size(); i++) {
            TrustListEntry entry = entries.get(i);
            ECPublicKey key = entry.publicKey();
            byte[] point = PublicKeyEncoding.uncompressedPoint(key);
            json.append(i == 0 ? "{" : ",{");
            json.append("\"issuer\":");
            string(json, entry.issuer());
            json.append(",\"region\":");
            string(json, entry.region());
            json.append(",\"notBefore\":");
            string(json, entry.window().notBefore().toString());
            json.append(",\"notAfter\":");
            string(json, entry.window().notAfter().toString());
            json.append(",\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"").append(base64Url(point, 1))
                    .append("\",\"y\":\"").append(base64Url(point, 33))
                    .append("\",\"kid\":\"").append(entry.keyId()).append("\"}}");
        }
        return json.append("]}").toString();
    }

    /**
     * Signs the list with a software root key. The header's {@code kid} is the root's key id.
     *
     * @param rootKey the root's P-256 private key
     * @return the compact JWS to publish
     */
    public String sign(ECPrivateKey rootKey) {
        return sign(rootKey, KeyId.of(P256KeyPairs.publicKeyOf(rootKey)), null);
    }

    /**
     * Signs the list with a root key held anywhere a JCA provider reaches (a PKCS#11 token).
     *
     * @param rootKey   the root's private key
     * @param rootKeyId written as the header's {@code kid}, for people; null for none
     * @param provider  the provider holding the key, or null for a software key
     * @return the compact JWS to publish
     * @throws IllegalArgumentException if the key cannot sign ES256
     */
    public String sign(PrivateKey rootKey, KeyId rootKeyId, Provider provider) {
        return CompactJws.sign(toJson().getBytes(StandardCharsets.UTF_8), TYPE,
                rootKeyId == null ? null : rootKeyId.toString(), rootKey, provider);
    }

    /**
     * Reads a list's JSON <em>without any signature</em>: for the authority's own draft and for
     * showing a list. Nothing read here may decide which keys a verifier trusts.
     *
     * @param json the payload of a list
     * @return the document
     * @throws TrustListException {@link Reason#INVALID_DOCUMENT} or {@link Reason#TOO_MANY_KEYS},
     *         naming the member path (such as {@code keys[2].notAfter})
     */
    public static TrustListDocument parseUnverified(String json) throws TrustListException {
        Object root;
        try {
            root = StrictJson.parse(json);
        } catch (StrictJson.JsonException e) {
            throw invalid("the list is " + e.getMessage());
        }
        Map<String, Object> members = object(root, "the list", MEMBERS);
        if (!FORMAT.equals(string(members, "format", "format"))) {
            throw invalid("format must be \"" + FORMAT + "\", not \"" + StrictJson.printable(string(members, "format", "format")) + "\"");
        }
        BigInteger version = integer(members, "version", "version");
        if (!BigInteger.valueOf(VERSION).equals(version)) {
            throw invalid("version " + version + " is not supported; this verifier reads version " + VERSION);
        }
        BigInteger sequence = integer(members, "sequence", "sequence");
        if (sequence.signum() < 0 || sequence.compareTo(BigInteger.valueOf(MAX_SEQUENCE)) > 0) {
            throw invalid("sequence must be from 0 to " + MAX_SEQUENCE + ", not " + sequence);
        }
        Instant issuedAt = time(members, "issuedAt", "issuedAt");
        BigInteger maxAge = integer(members, "maxAge", "maxAge");
        if (maxAge.compareTo(BigInteger.valueOf(MIN_MAX_AGE.getSeconds())) < 0
                || maxAge.compareTo(BigInteger.valueOf(MAX_MAX_AGE.getSeconds())) > 0) {
            throw invalid("maxAge must be from " + MIN_MAX_AGE.getSeconds() + " to " + MAX_MAX_AGE.getSeconds()
                    + " seconds, not " + maxAge);
        }
        Object keysValue = members.get("keys");
        if (!(keysValue instanceof List<?> keys)) {
            throw invalid("keys must be an array");
        }
        if (keys.size() > MAX_KEYS) {
            // Before any entry is read: the cap bounds the work of a list, not only its result.
            throw new TrustListException(Reason.TOO_MANY_KEYS, "the list holds " + keys.size() + " keys, more than the "
                    + MAX_KEYS + " a verifier accepts");
        }
        List<TrustListEntry> entries = new ArrayList<>(keys.size());
        Set<java.security.spec.ECPoint> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            TrustListEntry entry = entry(keys.get(i), "keys[" + i + "]");
            if (!seen.add(entry.publicKey().getW())) {
                throw invalid("keys[" + i + "] lists key " + entry.keyId() + " again: one entry, one window per key");
            }
            entries.add(entry);
        }
        return new TrustListDocument(sequence.longValue(), issuedAt, Duration.ofSeconds(maxAge.longValue()), entries);
    }

    private static TrustListEntry entry(Object value, String path) throws TrustListException {
        Map<String, Object> members = object(value, path, ENTRY_MEMBERS);
        String issuer = string(members, "issuer", path + ".issuer");
        String region = string(members, "region", path + ".region");
        Instant notBefore = time(members, "notBefore", path + ".notBefore");
        Instant notAfter = time(members, "notAfter", path + ".notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw invalid(path + ".notAfter (" + notAfter + ") must be after notBefore (" + notBefore + ")");
        }
        ECPublicKey key = jwk(members.get("jwk"), path + ".jwk");
        try {
            return new TrustListEntry(key, issuer, region, new SigningWindow(notBefore, notAfter));
        } catch (IllegalArgumentException e) {
            throw invalid(path + ": " + e.getMessage());
        }
    }

    private static ECPublicKey jwk(Object value, String path) throws TrustListException {
        Map<String, Object> members = object(value, path, JWK_MEMBERS);
        StringBuilder json = new StringBuilder("{");
        for (String name : JWK_MEMBERS) {
            json.append(json.length() == 1 ? "" : ",");
            string(json, name);
            json.append(':');
            string(json, string(members, name, path + "." + name));
        }
        try {
            return JwkKeys.publicKeyFromJwk(json.append('}').toString());
        } catch (KeyFormatException e) {
            throw invalid(path + ": " + e.getMessage());
        }
    }

    /** An object with exactly these members: a member this version does not know could change what the list means. */
    private static Map<String, Object> object(Object value, String path, List<String> names) throws TrustListException {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(path + " must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) map;
        for (String name : members.keySet()) {
            if (!names.contains(name)) {
                throw invalid((path.equals("the list") ? "" : path + ".") + StrictJson.printable(name)
                        + " is not a member of " + (path.equals("the list") ? "a trust list" : path) + " (expected " + String.join(", ", names) + ")");
            }
        }
        for (String name : names) {
            if (!members.containsKey(name)) {
                throw invalid((path.equals("the list") ? "" : path + ".") + name + " is missing");
            }
        }
        return members;
    }

    private static String string(Map<String, Object> members, String name, String path) throws TrustListException {
        if (!(members.get(name) instanceof String value)) {
            throw invalid(path + " must be a string");
        }
        return value;
    }

    private static BigInteger integer(Map<String, Object> members, String name, String path) throws TrustListException {
        Object value = members.get(name);
        if (value instanceof BigDecimal) {
            throw invalid(path + " must be an integer, without a fraction or an exponent");
        }
        if (!(value instanceof BigInteger integer)) {
            throw invalid(path + " must be an integer");
        }
        return integer;
    }

    private static Instant time(Map<String, Object> members, String name, String path) throws TrustListException {
        String text = string(members, name, path);
        if (!TIME.matcher(text).matches()) {
            throw invalid(path + " must be a UTC time in whole seconds, YYYY-MM-DDTHH:MM:SSZ, not \"" + StrictJson.printable(text) + "\"");
        }
        Instant time;
        try {
            time = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(path + " is not a valid date and time: \"" + text + "\"");
        }
        try {
            TrustListEntry.requireTime(time, path);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return time;
    }

    private static TrustListException invalid(String message) {
        return new TrustListException(Reason.INVALID_DOCUMENT, message);
    }

    /** The whole payload as the signature vouched for it: UTF-8 without a byte-order mark, else refused. */
    static String utf8(byte[] payload) throws TrustListException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
            if (text.startsWith("\uFEFF")) {
                throw invalid("the list starts with a byte-order mark");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw invalid("the list is not UTF-8");
        }
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    private static String base64Url(byte[] bytes, int offset) {
        byte[] coordinate = new byte[32];
        System.arraycopy(bytes, offset, coordinate, 0, 32);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(coordinate);
    }
}
