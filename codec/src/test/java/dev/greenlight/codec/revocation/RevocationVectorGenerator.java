package dev.greenlight.codec.revocation;

import static dev.greenlight.codec.revocation.RevocationListTest.rice;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.PointKeys;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.internal.Hex;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.sign.EcdsaP256Signer;
import dev.greenlight.codec.revocation.RevocationListException.Reason;
import dev.greenlight.codec.trust.TrustListDocument;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Writes {@code specs/vectors/revocations.json} (specification section 16) from fixed inputs: a
 * deterministic root key, fixed key ids and serials, RFC 6979 signatures, so that
 * {@link RevocationVectorsTest} can insist the committed file is exactly what the code produces.
 *
 * <p>Regenerate after a deliberate format change:
 * {@code ./mvnw -B -q -pl codec test -Dtest=RevocationVectorsTest -Dgreenlight.vectors.write=true}.
 */
final class RevocationVectorGenerator {

    static final String FILE = "revocations.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    static final KeyId KEY_A = KeyId.parse("1f2e3d4c");
    static final KeyId KEY_B = KeyId.parse("8badf00d");
    static final KeyId KEY_C = KeyId.parse("c0ffee01");
    static final KeyId KEY_D = KeyId.parse("d00dfeed");

    /** The trust lists' test root and other root (trust-lists.json): one root signs both kinds of document (16.1). */
    private final BigInteger rootScalar = scalar("greenlight spec vector trust root");
    private final BigInteger otherScalar = scalar("greenlight spec vector other root");
    private final ECPublicKey rootKey = publicKey(rootScalar);
    private final Map<String, ObjectNode> lists = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final ArrayNode cases = NODES.arrayNode();

    /** Serials of the base list under KEY_A: the extremes of the unsigned order, and 200 random ones. */
    private final long[] baseSerials;

    RevocationVectorGenerator() {
        SplittableRandom random = new SplittableRandom(16);
        long[] random200 = random.longs(200).toArray();
        long[] edges = {0L, 1L, 5L, Long.MAX_VALUE, Long.MIN_VALUE, -1L};
        baseSerials = new long[edges.length + random200.length];
        System.arraycopy(edges, 0, baseSerials, 0, edges.length);
        System.arraycopy(random200, 0, baseSerials, edges.length, random200.length);
    }

    ECPublicKey rootKey() {
        return rootKey;
    }

    Map<String, String> files() throws IOException {
        build();
        ObjectNode doc = NODES.objectNode();
        doc.put("description", "Revocation lists (specification section 16): compact JWS documents of typ " + RevocationList.TYPE
                + ", signed by the trust root. A case gives the lists a verifier loads, base first then deltas in order, "
                + "and optionally highestAccepted, the highest sequence the device accepted before; expected is either "
                + "accepted (the sequence, counts, and checks of key id and serial with whether each is revoked) or refused with a reason.");
        ObjectNode root = doc.putObject("root");
        root.put("privateScalar", hex32(rootScalar));
        root.put("publicKeyPem", PemKeys.publicKeyToPem(rootKey));
        root.put("keyId", KeyId.of(rootKey).toString());
        ObjectNode listsNode = doc.putObject("lists");
        lists.forEach(listsNode::set);
        doc.set("cases", cases);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(FILE, JSON.writeValueAsString(doc) + "\n");
        return files;
    }

    private void build() {
        RevocationList.Builder base = RevocationList.base(10, AT).revokeKey(KEY_B);
        for (long serial : baseSerials) {
            base.revokeSerial(KEY_A, new Serial(serial));
        }
        base.revokeSerial(KEY_C, new Serial(0x0123456789abcdefL));
        byte[] base10 = base.encode();
        list("base-10", "base list 10: key " + KEY_B + " whole, 206 serials of key " + KEY_A + " (0, 1, 5, 2^63 - 1, 2^63, 2^64 - 1 and 200 random), one of key " + KEY_C, base10);
        byte[] delta11 = RevocationList.delta(11, 10, 10, AT.plusSeconds(86_400)).revokeSerial(KEY_A, new Serial(2))
                .revokeSerial(KEY_C, new Serial(-2)).encode();
        list("delta-11", "delta 11 on base 10, after 10: serials " + KEY_A + "/2 and " + KEY_C + "/fffffffffffffffe", delta11);
        byte[] delta12 = RevocationList.delta(12, 10, 11, AT.plusSeconds(2 * 86_400)).revokeKey(KEY_D).encode();
        list("delta-12", "delta 12 on base 10, after 11: key " + KEY_D + " whole", delta12);
        byte[] empty13 = RevocationList.delta(13, 10, 12, AT.plusSeconds(3 * 86_400)).encode();
        list("delta-13-empty", "delta 13 on base 10, after 12, naming nothing: it moves the sequence on", empty13);
        byte[] otherBase = RevocationList.base(9, AT).revokeSerial(KEY_A, new Serial(77)).encode();
        list("base-9", "an older base list, 9: serial " + KEY_A + "/000000000000004d", otherBase);
        byte[] deltaOn9 = RevocationList.delta(11, 9, 9, AT).revokeSerial(KEY_A, new Serial(3)).encode();
        list("delta-11-on-base-9", "delta 11 on base 9", deltaOn9);

        listSignedBy("bad-signature", "base list 10 signed by a key that is not the root", base10, otherScalar, RevocationList.TYPE);
        listSignedBy("wrong-type", "base list 10 signed by the root as a trust list (typ " + TrustListDocument.TYPE + ")", base10, rootScalar,
                TrustListDocument.TYPE);
        listSignedBy("wrong-type-bad-signature", "base list 10 with a trust list's typ, signed by a key that is not the root", base10,
                otherScalar, TrustListDocument.TYPE);
        listSignedBy("no-typ", "base list 10 signed by the root, with a header of alg and kid only", base10, rootScalar, null);
        byte[] version2 = base10.clone();
        version2[0] = 2;
        list("version-2", "base list 10 with version byte 02", version2);
        byte[] kind2 = base10.clone();
        kind2[1] = 2;
        list("kind-2", "base list 10 with kind byte 02", kind2);
        list("sequence-2-63", "a base list of sequence 2^63", RevocationListTest.Payload.base(Long.MIN_VALUE).keys().noGroups().bytes());
        list("delta-base-above-previous", "delta 12 with base 11 and previous 10: base <= previous is broken", deltaHeader(12, 11, 10));
        list("delta-previous-not-below", "delta 11 with base 10 and previous 11: previous < sequence is broken", deltaHeader(11, 10, 11));
        list("too-many-keys", "a base list declaring 65,537 key ids revoked whole, and no bytes for them",
                RevocationListTest.Payload.base(10).rawKeyCount(RevocationList.MAX_KEYS + 1L).bytes());
        list("too-many-groups", "a base list declaring 65,537 groups, and no bytes for them",
                RevocationListTest.Payload.base(10).keys().groups(RevocationList.MAX_KEYS + 1).bytes());
        list("count-zero", "a group declaring 0 serials", group(KEY_A, 0, 2, rice(2, 9)));
        list("rice-64", "a group with Rice parameter 64", group(KEY_A, 1, 64, new byte[9]));
        list("rice-64-too-many-serials", "a group with Rice parameter 64 that also declares 4,194,305 serials",
                group(KEY_A, RevocationList.MAX_SERIALS + 1L, 64, rice(2, 9)));
        list("first-serial-overflow", "one serial, Rice parameter 63, quotient 2: the first gap is 2^64, past 2^64 - 1",
                group(KEY_A, 1, 63, new byte[] {(byte) 0xC0, 0, 0, 0, 0, 0, 0, 0, 0}));
        list("stream-ends-early", "2 serials, Rice parameter 0, stream ff: within the bit budget, but the stream ends inside the first quotient",
                group(KEY_A, 2, 0, new byte[] {(byte) 0xFF}));
        list("key-whole-and-serial", "base list 10: key " + KEY_B + " whole, and serial " + KEY_B + "/0000000000003039 as well",
                RevocationList.base(10, AT).revokeKey(KEY_B).revokeSerial(KEY_B, new Serial(12345)).encode());
        byte[] repeat11 = RevocationList.delta(11, 10, 10, AT.plusSeconds(86_400)).revokeKey(KEY_B).revokeSerial(KEY_A, new Serial(0))
                .revokeSerial(KEY_A, new Serial(2)).revokeSerial(KEY_C, new Serial(0x0123456789abcdefL)).encode();
        list("delta-11-repeating", "delta 11 on base 10, after 10: key " + KEY_B + " whole and serials " + KEY_A + "/0 and " + KEY_C
                + "/0123456789abcdef again (in force already), and " + KEY_A + "/2 (new)", repeat11);
        byte[] oneSerial = RevocationList.base(10, AT).revokeSerial(KEY_A, new Serial(9)).revokeSerial(KEY_A, new Serial(12)).encode();
        list("truncated", "a base list cut one byte short", Arrays.copyOf(oneSerial, oneSerial.length - 1));
        list("trailing-byte", "a base list with a zero byte after its last group", Arrays.copyOf(oneSerial, oneSerial.length + 1));
        byte[] unsorted = RevocationList.base(10, AT).revokeKey(KEY_A).revokeKey(KEY_B).encode();
        swap4(unsorted, RevocationListFormat.BASE_HEADER_BYTES + 4, RevocationListFormat.BASE_HEADER_BYTES + 8);
        list("unsorted-keys", "revoked key ids " + KEY_B + ", " + KEY_A + ": not in increasing order", unsorted);
        list("duplicate-serial", "serial " + KEY_A + "/9 twice (a gap of 0), Rice parameter 2", group(KEY_A, 2, 2, rice(2, 9, 0)));
        list("descending-serial", "serials " + KEY_A + "/ffffffffffffff00 then a gap of 2^8 that wraps past 2^64 - 1, Rice parameter 56",
                group(KEY_A, 2, 56, rice(56, -256L, 256)));
        list("count-mismatch", "a group declaring 3 serials whose stream holds 2", group(KEY_A, 3, 2, rice(2, 9, 3)));
        byte[] padding = rice(2, 9);
        padding[padding.length - 1] |= 1;
        list("nonzero-padding", "a group whose last byte has a padding bit set", group(KEY_A, 1, 2, padding));
        list("too-many-serials", "a group declaring 4,194,305 serials", group(KEY_A, RevocationList.MAX_SERIALS + 1L, 2, rice(2, 9)));

        accepted("base-alone", "a base list alone", List.of("base-10"), null);
        accepted("base-and-deltas", "a base list then its deltas in order", List.of("base-10", "delta-11", "delta-12", "delta-13-empty"), null);
        accepted("key-whole-and-serial", "a key revoked whole and one of its serials as well: allowed, counted in both",
                List.of("key-whole-and-serial"), null);
        accepted("delta-repeating", "a delta that names revocations already in force: the counts are of the union",
                List.of("base-10", "delta-11-repeating"), null);
        accepted("same-as-accepted", "the chain accepted before, again: not a rollback", List.of("base-10", "delta-11"), 11L);
        refused("bad-signature", "not signed by the root", List.of("bad-signature"), null, Reason.BAD_SIGNATURE);
        refused("wrong-type", "a trust list is not a revocation list, though the root signed it", List.of("wrong-type"), null, Reason.WRONG_TYPE);
        refused("wrong-type-bad-signature", "another typ under a signature that fails: the typ of an unsigned text decides nothing",
                List.of("wrong-type-bad-signature"), null, Reason.BAD_SIGNATURE);
        refused("no-typ", "a header without typ is not of the profile", List.of("no-typ"), null, Reason.BAD_SIGNATURE);
        refused("version-2", "a version byte other than 01", List.of("version-2"), null, Reason.MALFORMED);
        refused("kind-2", "a kind byte other than 00 and 01", List.of("kind-2"), null, Reason.MALFORMED);
        refused("sequence-2-63", "a sequence not below 2^63", List.of("sequence-2-63"), null, Reason.MALFORMED);
        refused("delta-base-above-previous", "base <= previous < sequence broken: the payload, not the chain",
                List.of("base-10", "delta-base-above-previous"), null, Reason.MALFORMED);
        refused("delta-previous-not-below", "base <= previous < sequence broken: the payload, not the chain",
                List.of("base-10", "delta-previous-not-below"), null, Reason.MALFORMED);
        refused("too-many-keys", "over the cap of key ids, refused from the count before the bytes", List.of("too-many-keys"), null,
                Reason.TOO_LARGE);
        refused("too-many-groups", "over the cap of groups, refused from the count before the bytes", List.of("too-many-groups"), null,
                Reason.TOO_LARGE);
        refused("count-zero", "a group of no serial", List.of("count-zero"), null, Reason.MALFORMED);
        refused("rice-64", "a Rice parameter above 63", List.of("rice-64"), null, Reason.MALFORMED);
        refused("rice-64-too-many-serials", "c = 0 and k > 63 are checked before the serial cap", List.of("rice-64-too-many-serials"), null,
                Reason.MALFORMED);
        refused("first-serial-overflow", "a first serial past 2^64 - 1", List.of("first-serial-overflow"), null, Reason.MALFORMED);
        refused("stream-ends-early", "a stream that ends before its count of serials", List.of("stream-ends-early"), null, Reason.MALFORMED);
        refused("list-refused-before-chain", "a delta first (a chain error) followed by a truncated list: every list is read before "
                + "the chain is checked, so the truncated list gives the reason", List.of("delta-11", "truncated"), null, Reason.MALFORMED);
        refused("chain-before-rollback", "a delta first, on a device that accepted 12: the chain is checked before rollback",
                List.of("delta-11"), 12L, Reason.WRONG_BASE);
        refused("truncated", "truncated", List.of("truncated"), null, Reason.MALFORMED);
        refused("trailing-byte", "trailing byte", List.of("trailing-byte"), null, Reason.MALFORMED);
        refused("unsorted-keys", "unsorted key ids", List.of("unsorted-keys"), null, Reason.MALFORMED);
        refused("duplicate-serial", "a serial twice", List.of("duplicate-serial"), null, Reason.MALFORMED);
        refused("descending-serial", "a serial lower than the one before", List.of("descending-serial"), null, Reason.MALFORMED);
        refused("count-mismatch", "a count that does not match the stream", List.of("count-mismatch"), null, Reason.MALFORMED);
        refused("nonzero-padding", "padding bits set", List.of("nonzero-padding"), null, Reason.MALFORMED);
        refused("too-many-serials", "over the cap of serials, refused from the count", List.of("too-many-serials"), null, Reason.TOO_LARGE);
        refused("delta-on-wrong-base", "a delta on base 9 after base 10", List.of("base-10", "delta-11-on-base-9"), null, Reason.WRONG_BASE);
        refused("delta-missing", "delta 12 without delta 11", List.of("base-10", "delta-12"), null, Reason.WRONG_BASE);
        refused("delta-without-base", "a delta first", List.of("delta-11"), null, Reason.WRONG_BASE);
        refused("rollback", "base 10 alone after base 10 with deltas up to 12 was accepted", List.of("base-10"), 12L, Reason.ROLLBACK);
        refused("older-base", "base 9 after base 10 was accepted", List.of("base-9"), 10L, Reason.ROLLBACK);
    }

    private void list(String name, String description, byte[] payload) {
        listSignedBy(name, description, payload, rootScalar, RevocationList.TYPE);
    }

    private void listSignedBy(String name, String description, byte[] payload, BigInteger scalar, String type) {
        String jws = deterministicJws(payload, type, scalar);
        texts.put(name, jws);
        ObjectNode node = NODES.objectNode();
        node.put("description", description);
        node.put("payload", Hex.formatHex(payload));
        node.put("jws", jws);
        lists.put(name, node);
    }

    private ObjectNode newCase(String id, String description, List<String> names, Long highestAccepted) {
        ObjectNode c = cases.addObject();
        c.put("id", id);
        c.put("description", description);
        ArrayNode listNames = c.putArray("lists");
        names.forEach(listNames::add);
        if (highestAccepted != null) {
            c.put("highestAccepted", highestAccepted);
        }
        return c;
    }

    private void accepted(String id, String description, List<String> names, Long highestAccepted) {
        ObjectNode c = newCase(id, description, names, highestAccepted);
        RevocationSet set;
        try {
            set = evaluate(names, highestAccepted);
        } catch (RevocationListException e) {
            throw new IllegalStateException(id + ": " + e.getMessage(), e);
        }
        ObjectNode expected = c.putObject("expected");
        expected.put("result", "accepted");
        expected.put("sequence", set.sequence());
        expected.put("serialCount", set.serialCount());
        expected.put("keyCount", set.keyCount());
        ArrayNode checks = expected.putArray("checks");
        long[][] probes = {
            {KEY_A.value(), 0}, {KEY_A.value(), 1}, {KEY_A.value(), 2}, {KEY_A.value(), 3}, {KEY_A.value(), 5}, {KEY_A.value(), 6},
            {KEY_A.value(), Long.MAX_VALUE}, {KEY_A.value(), Long.MIN_VALUE}, {KEY_A.value(), -1}, {KEY_A.value(), -2},
            {KEY_A.value(), baseSerials[6]}, {KEY_A.value(), baseSerials[6] + 1}, {KEY_A.value(), baseSerials[205]},
            {KEY_B.value(), 12345}, {KEY_C.value(), 0x0123456789abcdefL}, {KEY_C.value(), -2}, {KEY_C.value(), 1},
            {KEY_D.value(), 7}, {0x00000000, 0},
        };
        for (long[] probe : probes) {
            KeyId key = new KeyId((int) probe[0]);
            Serial serial = new Serial(probe[1]);
            ObjectNode check = checks.addObject();
            check.put("keyId", key.toString());
            check.put("serial", serial.toString());
            check.put("revoked", set.isRevoked(key, serial));
        }
    }

    private void refused(String id, String description, List<String> names, Long highestAccepted, Reason reason) {
        ObjectNode c = newCase(id, description, names, highestAccepted);
        try {
            evaluate(names, highestAccepted);
            throw new IllegalStateException(id + " was accepted");
        } catch (RevocationListException e) {
            if (e.reason() != reason) {
                throw new IllegalStateException(id + ": " + e.reason() + " instead of " + reason + ": " + e.getMessage(), e);
            }
        }
        ObjectNode expected = c.putObject("expected");
        expected.put("result", "refused");
        expected.put("reason", reason.name());
    }

    /** What a verifier does with a case: the same code path as {@link RevocationVectorsTest}'s. */
    RevocationSet evaluate(List<String> names, Long highestAccepted) throws RevocationListException {
        return evaluate(names.stream().map(texts::get).toList(), highestAccepted, rootKey);
    }

    static RevocationSet evaluate(List<String> jws, Long highestAccepted, ECPublicKey root) throws RevocationListException {
        List<RevocationList> read = new ArrayList<>();
        for (String text : jws) {
            read.add(RevocationList.verify(text, root));
        }
        RevocationSet set = RevocationSet.of(read.get(0), read.subList(1, read.size()));
        set.requireNotOlderThan(highestAccepted == null ? -1 : highestAccepted);
        return set;
    }

    private static byte[] group(KeyId key, long count, int k, byte[] stream) {
        RevocationListTest.Payload payload = RevocationListTest.Payload.base(10).keys().groups(1).group(key.value(), count, k, stream);
        return payload.bytes();
    }

    /** A delta of no revocations with the sequences as given, which the builder refuses to write. */
    private static byte[] deltaHeader(long sequence, long base, long previous) {
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(RevocationListFormat.DELTA_HEADER_BYTES + 8);
        out.put((byte) RevocationListFormat.VERSION).put((byte) RevocationListFormat.KIND_DELTA).putLong(sequence)
                .putInt((int) AT.getEpochSecond()).putLong(base).putLong(previous).putInt(0).putInt(0);
        return out.array();
    }

    private static void swap4(byte[] bytes, int a, int b) {
        for (int i = 0; i < 4; i++) {
            byte t = bytes[a + i];
            bytes[a + i] = bytes[b + i];
            bytes[b + i] = t;
        }
    }

    /** The JWS of {@code CompactJws.sign}, with RFC 6979 nonces so that the file is reproducible. */
    private static String deterministicJws(byte[] payload, String type, BigInteger scalar) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String typ = type == null ? "" : ",\"typ\":\"" + type + "\"";
        String header = b64.encodeToString(("{\"alg\":\"ES256\"" + typ + ",\"kid\":\"" + KeyId.of(publicKey(scalar)) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + b64.encodeToString(payload);
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = EcdsaP256Signer.sign(new ECPrivateKeyParameters(scalar, P256.DOMAIN), input, 0, input.length);
        return signingInput + "." + b64.encodeToString(signature);
    }

    static BigInteger scalar(String label) {
        byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
        return new BigInteger(1, EcdsaP256.sha256(bytes, 0, bytes.length)).mod(P256.ORDER.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    }

    static ECPublicKey publicKey(BigInteger scalar) {
        ECPoint point = EcdsaP256Signer.publicPointOf(scalar);
        return PointKeys.publicKeyFromPoint(point.getEncoded(false));
    }

    private static String hex32(BigInteger value) {
        return Hex.formatHex(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, value));
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "specs/vectors");
        for (Map.Entry<String, String> file : new RevocationVectorGenerator().files().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
    }
}
