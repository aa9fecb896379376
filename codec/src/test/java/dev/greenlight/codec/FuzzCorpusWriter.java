package dev.greenlight.codec;

import static java.util.Map.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.wire.PayloadV1;
import dev.greenlight.codec.internal.wire.TextForm;
import dev.greenlight.codec.revocation.FuzzRevocationSeeds;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Writes the seed corpus of the fuzz targets: the valid fixture codes and one file per way of
 * being invalid, so that regression mode exercises every rejection path in every build.
 *
 * <p>Not a test. Run it again (it overwrites the seeds, and leaves fuzzer findings alone) after a
 * change to {@link FuzzFixtures}, to the wire format or to a key encoding; its output is the same
 * on every run, and {@link FuzzCorpusWriterTest} fails while the committed seeds differ from it:
 * <pre>
 * ./mvnw -B -q -pl codec test-compile
 * java -cp "codec/target/test-classes:codec/target/classes:$(./mvnw -B -q -pl codec dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *     dev.greenlight.codec.FuzzCorpusWriter codec/src/test/resources
 * </pre>
 */
public final class FuzzCorpusWriter {

    private static final String PACKAGE_DIRECTORY = "dev/greenlight/codec";

    private FuzzCorpusWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path resources = Path.of(args.length > 0 ? args[0] : "codec/src/test/resources");
        Path codec = resources.resolve(PACKAGE_DIRECTORY).resolve("FuzzCodecTestInputs");
        Map<String, String> texts = codeTexts();
        for (String method : List.of("verify_anyText_typedResultOnly", "verify_anyLatin1Text_typedResultOnly",
                "inspectUnverified_anyText_codeFormatExceptionOnly")) {
            writeTexts(codec.resolve(method), texts);
        }
        write(codec.resolve("verifyPayload_anyBytes_typedResultOnly"), payloads());
        write(codec.resolve("verify_editedValidCode_onlyUnchangedCodeAccepted"), editSeeds());

        Path keys = resources.resolve(PACKAGE_DIRECTORY).resolve("FuzzKeyLoadingTestInputs");
        writeTexts(keys.resolve("publicKeyFromPem_anyText_keyFormatExceptionOnly"), publicPems());
        writeTexts(keys.resolve("privateKeyFromPem_anyText_keyFormatExceptionOnly"), privatePems());
        writeTexts(keys.resolve("publicKeysFromPem_anyText_keyFormatExceptionOnly"), publicPemFiles());
        writeTexts(keys.resolve("encryptedPrivateKeyFromPem_anyText_keyFormatExceptionOnly"), encryptedPems());
        writeTexts(keys.resolve("publicKeyFromJwk_anyText_keyFormatExceptionOnly"), jwks(false));
        writeTexts(keys.resolve("publicKeysFromJwks_anyText_keyFormatExceptionOnly"), jwks(true));
        write(keys.resolve("publicKeyFromSpki_anyBytes_keyFormatExceptionOnly"), spkis());
        write(keys.resolve("publicKeyFromPoint_anyBytes_keyFormatExceptionOnly"), points());

        FuzzRevocationSeeds.write(resources);
    }

    /** Every kind of code text: valid, and one per rejection reason and per malformed shape. */
    static Map<String, String> codeTexts() {
        Map<String, String> seeds = new LinkedHashMap<>();
        List<IssuedCode> valid = FuzzFixtures.validCodes();
        seeds.put("valid-green", valid.get(0).text());
        seeds.put("valid-yellow", valid.get(1).text());
        seeds.put("valid-red", valid.get(2).text());
        String text = valid.get(0).text();
        String body = text.substring(TextForm.PREFIX.length());
        seeds.put("malformed-empty", "");
        seeds.put("malformed-prefix-only", TextForm.PREFIX);
        seeds.put("malformed-other-scheme", "HC1:" + body);
        seeds.put("malformed-lower-case", text.toLowerCase(Locale.ROOT));
        seeds.put("malformed-leading-space", " " + text);
        seeds.put("malformed-trailing-newline", text + "\n");
        seeds.put("malformed-trailing-crlf", text + "\r\n");
        seeds.put("malformed-bom", "\uFEFF" + text);
        seeds.put("malformed-non-ascii", text.substring(0, 20) + "\u00C9" + text.substring(21));
        seeds.put("malformed-length-1-mod-3", text.substring(0, text.length() - 2));
        seeds.put("malformed-group-overflow", TextForm.PREFIX + ":::" + body.substring(3));
        seeds.put("malformed-99-bytes", FuzzFixtures.textOf(Arrays.copyOf(FuzzFixtures.payloadOf(text), 99)));
        seeds.put("malformed-101-bytes", FuzzFixtures.textOf(Arrays.copyOf(FuzzFixtures.payloadOf(text), 101)));
        seeds.put("malformed-max-length", TextForm.PREFIX + "000".repeat((TextForm.MAX_LENGTH - 4) / 3));
        seeds.put("malformed-over-max-length", TextForm.PREFIX + "0".repeat(TextForm.MAX_LENGTH - 3));
        seeds.put("unsupported-version-prefix", "GL2:" + body);
        seeds.put("unsupported-version-long-prefix", "GL1234567890:" + body);
        seeds.put("unsupported-version-byte", FuzzFixtures.textOf(withByte(FuzzFixtures.payloadOf(text), 0, 2)));
        seeds.put("unknown-key", FuzzFixtures.issue(FuzzFixtures.UNTRUSTED_KEY, Identity.passport("FRA", "18AV12345"),
                Colour.GREEN, FuzzFixtures.ISSUED_AT, Duration.ofHours(24), 1L).text());
        seeds.put("bad-signature-flipped-bit", FuzzFixtures.textOf(withByte(FuzzFixtures.payloadOf(text), 99,
                FuzzFixtures.payloadOf(text)[99] ^ 1)));
        seeds.put("bad-signature-high-s", FuzzFixtures.textOf(FuzzFixtures.withHighS(FuzzFixtures.payloadOf(text))));
        byte[] zeroSignature = FuzzFixtures.payloadOf(text);
        Arrays.fill(zeroSignature, PayloadV1.OFFSET_SIGNATURE, PayloadV1.TOTAL_BYTES, (byte) 0);
        seeds.put("bad-signature-zero", FuzzFixtures.textOf(zeroSignature));
        byte[] allOnes = FuzzFixtures.payloadOf(text);
        Arrays.fill(allOnes, PayloadV1.OFFSET_SIGNATURE, PayloadV1.TOTAL_BYTES, (byte) 0xFF);
        seeds.put("bad-signature-r-s-above-order", FuzzFixtures.textOf(allOnes));
        seeds.put("bad-signature-changed-colour", FuzzFixtures.textOf(withByte(FuzzFixtures.payloadOf(text), PayloadV1.OFFSET_COLOUR, 2)));
        seeds.put("invalid-field-colour", FuzzFixtures.textOf(FuzzFixtures.resign(
                withByte(FuzzFixtures.payloadOf(text), PayloadV1.OFFSET_COLOUR, 3))));
        byte[] zeroValidity = withByte(FuzzFixtures.payloadOf(text), PayloadV1.OFFSET_VALIDITY_MINUTES, 0);
        zeroValidity[PayloadV1.OFFSET_VALIDITY_MINUTES + 1] = 0;
        seeds.put("invalid-field-validity-zero", FuzzFixtures.textOf(FuzzFixtures.resign(zeroValidity)));
        seeds.put("not-yet-valid", FuzzFixtures.issue(FuzzFixtures.ISSUER_KEY, Identity.passport("FRA", "18AV12345"),
                Colour.GREEN, FuzzFixtures.VERIFIED_AT.plus(Duration.ofMinutes(6)), Duration.ofHours(24), 2L).text());
        seeds.put("expired", FuzzFixtures.issue(FuzzFixtures.ISSUER_KEY, Identity.passport("FRA", "18AV12345"),
                Colour.GREEN, FuzzFixtures.ISSUED_AT.minus(Duration.ofHours(2)), Duration.ofMinutes(60), 3L).text());
        return seeds;
    }

    private static Map<String, byte[]> payloads() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        codeTexts().forEach((name, text) -> {
            if (name.startsWith("valid") || name.startsWith("unknown") || name.startsWith("bad-")
                    || name.startsWith("invalid") || name.startsWith("not-yet") || name.startsWith("expired")
                    || name.startsWith("unsupported-version-byte") || name.endsWith("-bytes")) {
                seeds.put(name, FuzzFixtures.payloadOf(text));
            }
        });
        seeds.put("malformed-empty", new byte[0]);
        seeds.put("malformed-version-only", new byte[] {1});
        return seeds;
    }

    /** Raw FuzzedDataProvider inputs: it reads integers from the end, so these pick codes and edits. */
    private static Map<String, byte[]> editSeeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("empty", new byte[0]);
        Random random = new Random(6);
        for (int i = 0; i < 6; i++) {
            byte[] seed = new byte[8 + 8 * i];
            random.nextBytes(seed);
            seeds.put("random-" + i, seed);
        }
        return seeds;
    }

    // Map.ofEntries, not put: two seeds of one name are a mistake, and a map would keep only the last.

    private static Map<String, String> publicPems() throws Exception {
        String pem = PemKeys.publicKeyToPem(FuzzFixtures.ISSUER_PUBLIC_KEY);
        return Map.ofEntries(
                entry("valid", pem),
                entry("valid-crlf", pem.replace("\n", "\r\n")),
                entry("private-key", PemKeys.privateKeyToPem(FuzzFixtures.ISSUER_KEY)),
                entry("two-blocks", pem + pem),
                entry("no-end", pem.substring(0, pem.indexOf("-----END"))),
                entry("mismatched-end", pem.replace("END PUBLIC KEY", "END PRIVATE KEY")),
                entry("bad-base64", pem.replace('M', '*')),
                entry("truncated-body", pem.substring(0, 40) + "\n-----END PUBLIC KEY-----\n"),
                entry("empty", ""),
                entry("off-curve", pemOf("PUBLIC KEY", offCurveSpki())),
                entry("p384", pemOf("PUBLIC KEY", p384().getEncoded())),
                entry("many-begins", "-----BEGIN A-----\n".repeat(200)));
    }

    /** Files of several public keys, as a trust file holds them. */
    private static Map<String, String> publicPemFiles() throws Exception {
        String pem = PemKeys.publicKeyToPem(FuzzFixtures.ISSUER_PUBLIC_KEY);
        String other = PemKeys.publicKeyToPem(P256KeyPairs.publicKeyOf(FuzzFixtures.UNTRUSTED_KEY));
        return Map.ofEntries(
                entry("one", pem),
                entry("two-with-text-between", "issuer A\n" + pem + "\nissuer B\n" + other),
                entry("two-crlf", (pem + other).replace("\n", "\r\n")),
                entry("second-block-private", pem + PemKeys.privateKeyToPem(FuzzFixtures.ISSUER_KEY)),
                entry("second-block-no-end", pem + other.substring(0, other.indexOf("-----END"))),
                entry("many-begins", "-----BEGIN PUBLIC KEY-----\n".repeat(2000)),
                entry("empty", ""));
    }

    /** Encrypted private keys under {@link FuzzKeyLoadingTest#PASSPHRASE}, and PBES2 parameters out of range. */
    private static Map<String, String> encryptedPems() throws Exception {
        ASN1Encodable iv = new DEROctetString(new byte[16]);
        ASN1ObjectIdentifier aes256 = NISTObjectIdentifiers.id_aes256_CBC;
        return Map.ofEntries(
                entry("valid", EncryptedPrivateKeys.toPem(FuzzFixtures.ISSUER_KEY, FuzzKeyLoadingTest.PASSPHRASE,
                        deterministicRandom(4))),
                entry("iterations-min", EncryptedPrivateKeysTest.pbes2Pem(new byte[16], 1000, aes256, iv)),
                entry("iterations-int-max", EncryptedPrivateKeysTest.pbes2Pem(new byte[16], Integer.MAX_VALUE, aes256, iv)),
                entry("iterations-zero", EncryptedPrivateKeysTest.pbes2Pem(new byte[16], 0, aes256, iv)),
                entry("iterations-negative", EncryptedPrivateKeysTest.pbes2Pem(new byte[16], -1, aes256, iv)),
                entry("salt-empty", EncryptedPrivateKeysTest.pbes2Pem(new byte[0], 2048, aes256, iv)),
                entry("iv-absent", EncryptedPrivateKeysTest.pbes2Pem(new byte[16], 2048, aes256, null)),
                entry("iv-15-bytes", EncryptedPrivateKeysTest.pbes2Pem(new byte[16], 2048, aes256,
                        new DEROctetString(new byte[15]))),
                entry("plain-key", PemKeys.privateKeyToPem(FuzzFixtures.ISSUER_KEY)),
                entry("many-begins", "-----BEGIN ENCRYPTED PRIVATE KEY-----\n".repeat(400)));
    }

    private static Map<String, String> privatePems() throws Exception {
        String pem = PemKeys.privateKeyToPem(FuzzFixtures.ISSUER_KEY);
        byte[] der = FuzzFixtures.ISSUER_KEY.getEncoded();
        // The 32-byte scalar follows "04 20" inside the inner ECPrivateKey.
        int scalarAt = indexOf(der, new byte[] {0x04, 0x20}) + 2;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("secp384r1"), deterministicRandom(3));
        return Map.ofEntries(
                entry("valid", pem),
                entry("sec1-label", pem.replace("PRIVATE KEY", "EC PRIVATE KEY")),
                entry("encrypted-label", pem.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY")),
                entry("public-key", PemKeys.publicKeyToPem(FuzzFixtures.ISSUER_PUBLIC_KEY)),
                entry("truncated-der", pemOf("PRIVATE KEY", Arrays.copyOf(der, der.length - 10))),
                entry("zero-scalar", pemOf("PRIVATE KEY", withBytes(der, scalarAt, 32, 0))),
                entry("scalar-above-order", pemOf("PRIVATE KEY", withBytes(der, scalarAt, 32, 0xFF))),
                entry("p384", pemOf("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded())));
    }

    private static Map<String, String> jwks(boolean asSet) throws Exception {
        String jwk = JwkKeys.publicKeyToJwk(FuzzFixtures.ISSUER_PUBLIC_KEY);
        ECPublicKey other = P256KeyPairs.publicKeyOf(FuzzFixtures.UNTRUSTED_KEY);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("valid", jwk);
        keys.put("no-kid", jwk.replaceAll("\"kid\":\"[0-9a-f]+\",?", ""));
        keys.put("wrong-kid", jwk.replaceAll("\"kid\":\"[0-9a-f]+\"", "\"kid\":\"00000000\""));
        keys.put("private-d", jwk.replace("{", "{\"d\":\"" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[32]).replace('A', 'B') + "\","));
        keys.put("kty-rsa", "{\"kty\":\"RSA\",\"n\":\"sXch\",\"e\":\"AQAB\"}");
        keys.put("crv-p384", jwk.replace("P-256", "P-384"));
        keys.put("off-curve", jwk.replaceAll("\"y\":\"[A-Za-z0-9_-]+\"", "\"y\":\"" + b64u(new byte[32]) + "\""));
        keys.put("short-x", jwk.replaceAll("\"x\":\"[A-Za-z0-9_-]+\"", "\"x\":\"AQ\""));
        keys.put("x-not-string", jwk.replaceAll("\"x\":\"[A-Za-z0-9_-]+\"", "\"x\":42"));
        keys.put("deep-nesting", "[".repeat(5000) + "]".repeat(5000));
        keys.put("deep-nesting-object", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
        keys.put("not-json", "kty=EC");
        keys.put("json-null", "null");
        keys.put("empty", "");
        if (!asSet) {
            return keys;
        }
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("valid-two-keys", JwkKeys.publicKeysToJwks(List.of(FuzzFixtures.ISSUER_PUBLIC_KEY, other)));
        sets.put("empty-set", "{\"keys\":[]}");
        sets.put("keys-not-array", "{\"keys\":{}}");
        sets.put("keys-missing", "{}");
        sets.put("null", "null");
        keys.forEach((name, key) -> sets.put("one-" + name, "{\"keys\":[" + key + "]}"));
        sets.put("deep-nesting", "{\"keys\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        return sets;
    }

    private static Map<String, byte[]> spkis() throws Exception {
        byte[] der = FuzzFixtures.ISSUER_PUBLIC_KEY.getEncoded();
        return Map.ofEntries(
                entry("valid", der),
                entry("truncated", Arrays.copyOf(der, der.length - 1)),
                entry("trailing-byte", Arrays.copyOf(der, der.length + 1)),
                entry("off-curve", offCurveSpki()),
                entry("p384", p384().getEncoded()),
                entry("empty", new byte[0]),
                entry("long-length", HexFormat.of().parseHex("3084ffffffff")),
                entry("indefinite-length", HexFormat.of().parseHex("3080300d06092a864886f70d0101010500")));
    }

    private static Map<String, byte[]> points() {
        byte[] uncompressed = PublicKeyEncoding.uncompressedPoint(FuzzFixtures.ISSUER_PUBLIC_KEY);
        return Map.ofEntries(
                entry("uncompressed", uncompressed),
                entry("compressed", withByte(Arrays.copyOf(uncompressed, 33), 0, 2 + (uncompressed[64] & 1))),
                entry("hybrid", withByte(uncompressed, 0, 6 + (uncompressed[64] & 1))),
                entry("infinity", new byte[] {0}),
                entry("off-curve", withByte(uncompressed, 64, uncompressed[64] ^ 1)),
                entry("x-only-64", Arrays.copyOfRange(uncompressed, 1, 65)),
                entry("empty", new byte[0]),
                entry("x-above-p", withPrefix(4, filled(64, 0xFF))));
    }

    private static byte[] offCurveSpki() {
        byte[] der = FuzzFixtures.ISSUER_PUBLIC_KEY.getEncoded();
        return withByte(der, der.length - 1, der[der.length - 1] ^ 1);
    }

    private static ECPublicKey p384() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("secp384r1"), deterministicRandom(4));
        return (ECPublicKey) generator.generateKeyPair().getPublic();
    }

    /** SHA1PRNG seeded before first use is deterministic, so rewriting the corpus changes no file. */
    private static SecureRandom deterministicRandom(int seed) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }

    private static String pemOf(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static String b64u(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] withByte(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static byte[] withBytes(byte[] bytes, int from, int count, int value) {
        byte[] copy = bytes.clone();
        Arrays.fill(copy, from, from + count, (byte) value);
        return copy;
    }

    private static byte[] withPrefix(int prefix, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = (byte) prefix;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found: " + HexFormat.of().formatHex(needle));
    }

    private static void writeTexts(Path directory, Map<String, String> seeds) throws IOException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        seeds.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        write(directory, bytes);
    }

    private static void write(Path directory, Map<String, byte[]> seeds) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(directory.resolve("seed-" + seed.getKey()), seed.getValue());
        }
    }
}
