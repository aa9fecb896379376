package dev.greenlight.codec.revocation;

import static dev.greenlight.codec.revocation.RevocationListTest.rice;

import java.io.ByteArrayOutputStream;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.sign.EcdsaP256Signer;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * The root key, the signing and the seed corpus of {@link FuzzRevocationListTest}. Seeds are
 * named for what the reader must make of them ({@code valid-}, {@code malformed-},
 * {@code too-large-}, {@code bad-signature-}, {@code wrong-type-}, {@code wrong-base-}), and
 * {@link FuzzRevocationListTest#seeds_giveTheOutcomeTheirNamesSay} holds them to it.
 *
 * <p>Deterministic (a root scalar from a label, RFC 6979 signatures, a seeded random), so that
 * {@code FuzzCorpusWriter}, which calls {@link #write}, rewrites the committed files byte for
 * byte, and {@code FuzzCorpusWriterTest} fails when they drift from what is written here.
 */
public final class FuzzRevocationSeeds {

    static final String DIRECTORY = "dev/greenlight/codec/revocation/FuzzRevocationListTestInputs";
    static final String TEXT_TARGET = "verify_anyText_listOrTypedRefusal";
    static final String PAYLOAD_TARGET = "verify_anySignedPayload_sameAsIndependentReader";
    static final String CHAIN_TARGET = "revocationSetOf_fuzzedChain_isTheUnionOrWrongBase";

    /** Test keys, derived from public labels on purpose: never trust them elsewhere. */
    private static final BigInteger ROOT_SCALAR = RevocationVectorGenerator.scalar("greenlight fuzz revocation root");
    private static final BigInteger OTHER_SCALAR = RevocationVectorGenerator.scalar("greenlight fuzz revocation not the root");
    static final ECPublicKey ROOT = RevocationVectorGenerator.publicKey(ROOT_SCALAR);

    static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
    static final KeyId KEY_A = KeyId.parse("1f2e3d4c");
    static final KeyId KEY_B = KeyId.parse("8badf00d");
    static final KeyId KEY_C = KeyId.parse("c0ffee01");
    static final KeyId KEY_D = KeyId.parse("d00dfeed");

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"alg\":\"ES256\",\"typ\":\"" + RevocationList.TYPE + "\"}";

    private FuzzRevocationSeeds() {
    }

    /** Writes the seeds under {@code resources}, overwriting them; other files (fuzzer findings) stay. */
    public static void write(Path resources) throws IOException {
        Path directory = resources.resolve(DIRECTORY);
        Map<String, byte[]> texts = new LinkedHashMap<>();
        texts().forEach((name, text) -> texts.put(name, text.getBytes(StandardCharsets.UTF_8)));
        write(directory.resolve(TEXT_TARGET), texts);
        write(directory.resolve(PAYLOAD_TARGET), payloads());
        write(directory.resolve(CHAIN_TARGET), chains());
    }

    private static void write(Path directory, Map<String, byte[]> seeds) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(directory.resolve("seed-" + seed.getKey()), seed.getValue());
        }
    }

    /** The compact JWS of the root over {@code payload}, with the header {@code CompactJws.sign} writes. */
    static String signed(byte[] payload) {
        return jws(HEADER, payload, ROOT_SCALAR);
    }

    private static String jws(String header, byte[] payload, BigInteger scalar) {
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(payload);
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = EcdsaP256Signer.sign(new ECPrivateKeyParameters(scalar, P256.DOMAIN), input, 0, input.length);
        return signingInput + "." + B64.encodeToString(signature);
    }

    /**
     * The signing inputs ({@code header.payload}) of every text seed the root signed: the only
     * ones a text the fuzzer makes may carry and still verify, since it has no root key.
     */
    static Set<String> rootSignedInputs() {
        Set<String> inputs = new HashSet<>();
        for (Map.Entry<String, String> text : texts().entrySet()) {
            if (!text.getKey().startsWith("bad-signature-")) {
                String jws = text.getValue();
                inputs.add(jws.substring(0, jws.lastIndexOf('.')));
            }
        }
        return inputs;
    }

    static byte[] validBase() {
        RevocationList.Builder base = RevocationList.base(10, AT).revokeKey(KEY_B);
        for (long serial : new long[] {0L, 1L, 5L, Long.MAX_VALUE, Long.MIN_VALUE, -1L}) {
            base.revokeSerial(KEY_A, new Serial(serial));
        }
        new SplittableRandom(16).longs(20).forEach(serial -> base.revokeSerial(KEY_A, new Serial(serial)));
        return base.revokeSerial(KEY_C, new Serial(0x0123456789abcdefL)).encode();
    }

    /** Delta 11 on base 10: repeats a serial and a key of the base, adds one of each. */
    static byte[] validDelta11() {
        return RevocationList.delta(11, 10, 10, AT.plusSeconds(3600)).revokeSerial(KEY_A, new Serial(2)).revokeSerial(KEY_A, new Serial(5))
                .revokeSerial(KEY_C, new Serial(-2)).revokeKey(KEY_B).revokeKey(KEY_D).encode();
    }

    static byte[] validDelta12() {
        return RevocationList.delta(12, 10, 11, AT.plusSeconds(7200)).revokeSerial(KEY_D, new Serial(7)).encode();
    }

    static Map<String, byte[]> payloads() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        byte[] base = validBase();
        seeds.put("valid-base", base);
        seeds.put("valid-delta", validDelta11());
        seeds.put("valid-empty-base", RevocationList.base(0, AT).encode());
        seeds.put("valid-empty-delta", RevocationList.delta(13, 10, 12, AT).encode());
        seeds.put("valid-max-sequence-and-time", RevocationList.base(Long.MAX_VALUE, Instant.ofEpochSecond(0xFFFF_FFFFL)).encode());
        // The writer would pick another k for these: the reader takes any.
        seeds.put("valid-k0-unary", group(KEY_A, 3, 0, rice(0, 1, 2, 3)));
        seeds.put("valid-k63", group(KEY_A, 2, 63, rice(63, 1, Long.MIN_VALUE)));
        seeds.put("valid-k0-first-serial-zero", group(KEY_A, 2, 0, rice(0, 0, 9)));
        // Unary runs longer than the reader's 64-bit window: its refill and count across windows.
        seeds.put("valid-k0-long-unary", group(KEY_A, 2, 0, rice(0, 100, 200)));

        seeds.put("bad-signature-empty-payload", new byte[0]);
        seeds.put("malformed-truncated", Arrays.copyOf(base, base.length - 1));
        seeds.put("malformed-trailing-byte", Arrays.copyOf(base, base.length + 1));
        seeds.put("malformed-version-2", withByte(base, 0, 2));
        seeds.put("malformed-kind-2", withByte(base, 1, 2));
        seeds.put("malformed-sequence-top-bit", withByte(base, 2, 0x80));
        byte[] delta = RevocationList.delta(5, 3, 4, AT).encode();
        seeds.put("malformed-delta-previous-is-sequence", withByte(delta, RevocationListFormat.DELTA_HEADER_BYTES - 1, 5));
        seeds.put("malformed-delta-base-above-previous", withByte(delta, RevocationListFormat.BASE_HEADER_BYTES + 7, 6));
        seeds.put("malformed-unsorted-keys", RevocationListTest.Payload.base(10).keys(KEY_B.value(), KEY_A.value()).noGroups().bytes());
        seeds.put("malformed-repeated-key", RevocationListTest.Payload.base(10).keys(KEY_A.value(), KEY_A.value()).noGroups().bytes());
        byte[] nine = rice(3, 9);
        seeds.put("malformed-unsorted-groups", RevocationListTest.Payload.base(10).keys().groups(2)
                .group(KEY_B.value(), 1, 3, nine).group(KEY_A.value(), 1, 3, nine).bytes());
        seeds.put("malformed-repeated-serial", group(KEY_A, 2, 2, rice(2, 9, 0)));
        seeds.put("malformed-serial-wraps", group(KEY_A, 2, 56, rice(56, -256L, 256)));
        seeds.put("malformed-count-above-stream", group(KEY_A, 3, 2, rice(2, 9, 3)));
        seeds.put("malformed-count-below-stream", group(KEY_A, 1, 2, rice(2, 9, 3)));
        seeds.put("malformed-count-zero", group(KEY_A, 0, 2, new byte[0]));
        seeds.put("malformed-k64", group(KEY_A, 1, 64, rice(4, 9)));
        byte[] padding = rice(2, 9);
        padding[padding.length - 1] |= 1;
        seeds.put("malformed-nonzero-padding", group(KEY_A, 1, 2, padding));
        seeds.put("malformed-whole-byte-after-stream", group(KEY_A, 1, 2, Arrays.copyOf(rice(2, 9), 2)));
        byte[] past = group(KEY_A, 1, 2, rice(2, 9));
        past[past.length - 2] = 9;
        seeds.put("malformed-stream-length-past-end", past);
        byte[] ones = new byte[9];
        Arrays.fill(ones, 0, 8, (byte) 0xFF);
        seeds.put("malformed-gap-past-2-64", group(KEY_A, 1, 62, ones));
        byte[] longRun = new byte[40];
        Arrays.fill(longRun, 0, 32, (byte) 0xFF);
        // A quotient of 256 at k = 56 is 2^64: one past the largest gap, found only after four windows of ones.
        seeds.put("malformed-long-unary-past-2-64", group(KEY_A, 1, 56, longRun));
        seeds.put("malformed-serials-cannot-fit", group(KEY_A, RevocationList.MAX_SERIALS, 0, rice(4, 1)));
        seeds.put("malformed-keys-cannot-fit", RevocationListTest.Payload.base(10).rawKeyCount(1000).bytes());
        seeds.put("too-large-keys", RevocationListTest.Payload.base(10).rawKeyCount(RevocationList.MAX_KEYS + 1L).bytes());
        seeds.put("too-large-groups", RevocationListTest.Payload.base(10).keys().groups(RevocationList.MAX_KEYS + 1).bytes());
        seeds.put("too-large-serials", group(KEY_A, RevocationList.MAX_SERIALS + 1L, 0, rice(4, 1)));
        return seeds;
    }

    static Map<String, String> texts() {
        Map<String, String> seeds = new LinkedHashMap<>();
        Map<String, byte[]> payloads = payloads();
        String base = signed(payloads.get("valid-base"));
        seeds.put("valid-base", base);
        seeds.put("valid-delta", signed(payloads.get("valid-delta")));
        seeds.put("valid-empty-base", signed(payloads.get("valid-empty-base")));
        seeds.put("valid-high-s", withHighS(base));
        seeds.put("malformed-truncated", signed(payloads.get("malformed-truncated")));
        seeds.put("malformed-nonzero-padding", signed(payloads.get("malformed-nonzero-padding")));
        seeds.put("too-large-serials", signed(payloads.get("too-large-serials")));
        seeds.put("wrong-type-trust-list", jws("{\"alg\":\"ES256\",\"typ\":\"greenlight-trust+jws\"}", payloads.get("valid-base"), ROOT_SCALAR));

        seeds.put("bad-signature-other-key", jws(HEADER, payloads.get("valid-base"), OTHER_SCALAR));
        seeds.put("bad-signature-tampered", base.substring(0, base.indexOf('.') + 3) + flip(base.charAt(base.indexOf('.') + 3))
                + base.substring(base.indexOf('.') + 4));
        seeds.put("bad-signature-no-typ", jws("{\"alg\":\"ES256\"}", payloads.get("valid-base"), ROOT_SCALAR));
        seeds.put("bad-signature-extra-member", jws("{\"alg\":\"ES256\",\"typ\":\"" + RevocationList.TYPE + "\",\"jku\":\"x\"}",
                payloads.get("valid-base"), ROOT_SCALAR));
        seeds.put("bad-signature-alg-none", B64.encodeToString(("{\"alg\":\"none\",\"typ\":\"" + RevocationList.TYPE + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(payloads.get("valid-base")) + ".");
        seeds.put("bad-signature-padded", base + "==");
        // One line end is the file's, not the list's (sections 15.3, 16.1); a second is part of a text that is no JWS.
        seeds.put("valid-trailing-crlf", base + "\r\n");
        seeds.put("bad-signature-two-newlines", base + "\n\n");
        seeds.put("bad-signature-empty", "");
        seeds.put("bad-signature-dots", "..");
        seeds.put("bad-signature-deep-header", B64.encodeToString("[".repeat(20_000).getBytes(StandardCharsets.US_ASCII)) + ".AA.AA");
        seeds.put("bad-signature-deep-typ", B64.encodeToString(("{\"typ\":" + "[".repeat(20_000)).getBytes(StandardCharsets.US_ASCII))
                + ".AA.AA");
        return seeds;
    }

    /**
     * Inputs of the chain target: lists one after the other, each a payload behind its length in
     * two bytes, big-endian.
     */
    static Map<String, byte[]> chains() {
        byte[] base10 = validBase();
        byte[] delta11 = validDelta11();
        byte[] delta12 = validDelta12();
        byte[] base9 = RevocationList.base(9, AT).revokeSerial(KEY_A, new Serial(77)).encode();
        byte[] delta11On9 = RevocationList.delta(11, 9, 9, AT).revokeSerial(KEY_A, new Serial(3)).encode();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("valid-base-alone", chain(base10));
        seeds.put("valid-base-and-two-deltas", chain(base10, delta11, delta12));
        seeds.put("valid-base-and-empty-delta", chain(base9, RevocationList.delta(10, 9, 9, AT).encode()));
        seeds.put("wrong-base-delta-first", chain(delta11, delta12));
        seeds.put("wrong-base-delta-missing", chain(base10, delta12));
        seeds.put("wrong-base-delta-on-other-base", chain(base10, delta11On9));
        seeds.put("wrong-base-two-bases", chain(base9, base10));
        return seeds;
    }

    static byte[] chain(byte[]... payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] payload : payloads) {
            out.write(payload.length >>> 8);
            out.write(payload.length);
            out.write(payload, 0, payload.length);
        }
        return out.toByteArray();
    }

    /** The inverse of {@link #chain}, for any bytes: a length past the end takes what is left. */
    static List<byte[]> unchain(byte[] data, int maxLists) {
        List<byte[]> payloads = new ArrayList<>();
        int at = 0;
        while (data.length - at >= 2 && payloads.size() < maxLists) {
            int length = Math.min((data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF), data.length - at - 2);
            payloads.add(Arrays.copyOfRange(data, at + 2, at + 2 + length));
            at += 2 + length;
        }
        return payloads;
    }

    private static byte[] group(KeyId key, long count, int k, byte[] stream) {
        return RevocationListTest.Payload.base(10).keys().groups(1).group(key.value(), count, k, stream).bytes();
    }

    private static byte[] withByte(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static char flip(char c) {
        return c == 'A' ? 'B' : 'A';
    }

    /** The same JWS with s replaced by n - s: RFC 7518 accepts both, and so does the reader. */
    private static String withHighS(String jws) {
        int dot = jws.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(jws.substring(dot + 1));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, P256.ORDER.subtract(s)), 0, signature, 32, 32);
        return jws.substring(0, dot + 1) + B64.encodeToString(signature);
    }
}
