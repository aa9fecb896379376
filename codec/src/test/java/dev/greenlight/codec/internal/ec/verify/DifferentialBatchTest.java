package dev.greenlight.codec.internal.ec.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import dev.greenlight.codec.SharedVectors;
import dev.greenlight.codec.internal.PublicKeyEncoding;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.sign.EcdsaP256Signer;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/** Batch verification against the plain BouncyCastle verifier, one answer per signature. */
class DifferentialBatchTest {

    private static final int SIGNED_BYTES = 36;

    private record Entry(ECPublicKeyParameters key, FastEcdsaP256Verifier fast, byte[] payload, int signatureOffset, String what) {
        boolean plain() {
            byte[] message = Arrays.copyOf(payload, signatureOffset);
            byte[] signature = Arrays.copyOfRange(payload, signatureOffset, payload.length);
            return PlainEcdsaP256Verifier.verify(key, message, signature);
        }
    }

    @Test
    void verifyBatch_randomValidMutatedAndHighSOverManyKeys_agreesWithPlain() {
        Random random = new Random(20260503L);
        List<Entry> entries = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            BigInteger d = new BigInteger(255, random).add(BigInteger.ONE);
            ECPoint q = new FixedPointCombMultiplier().multiply(P256.DOMAIN.getG(), d).normalize();
            ECPrivateKeyParameters privateKey = new ECPrivateKeyParameters(d, P256.DOMAIN);
            ECPublicKeyParameters publicKey = new ECPublicKeyParameters(q, P256.DOMAIN);
            FastEcdsaP256Verifier fast = FastEcdsaP256Verifier.forKey(q);
            for (int m = 0; m < 20; m++) {
                byte[] payload = new byte[SIGNED_BYTES + EcdsaP256.SIGNATURE_BYTES];
                for (int i = 0; i < SIGNED_BYTES; i++) {
                    payload[i] = (byte) random.nextInt();
                }
                System.arraycopy(EcdsaP256Signer.sign(privateKey, payload, 0, SIGNED_BYTES), 0, payload, SIGNED_BYTES, EcdsaP256.SIGNATURE_BYTES);
                entries.add(new Entry(publicKey, fast, payload, SIGNED_BYTES, "key " + k + " message " + m));
                byte[] mutated = payload.clone();
                int bit = random.nextInt(8 * payload.length);
                mutated[bit >>> 3] ^= (byte) (1 << (bit & 7));
                entries.add(new Entry(publicKey, fast, mutated, SIGNED_BYTES, "key " + k + " message " + m + " bit " + bit));
                byte[] highS = payload.clone();
                BigInteger s = EcdsaP256.scalar(payload, SIGNED_BYTES + P256.SCALAR_BYTES);
                BigIntegers.asUnsignedByteArray(P256.ORDER.subtract(s), highS, SIGNED_BYTES + P256.SCALAR_BYTES, P256.SCALAR_BYTES);
                entries.add(new Entry(publicKey, fast, highS, SIGNED_BYTES, "key " + k + " message " + m + " high S"));
            }
        }
        Collections.shuffle(entries, random);

        // 1,800 entries: several slices of the batch, with keys mixed inside each.
        int accepted = assertBatchAgrees(entries, SIGNED_BYTES);
        assertEquals(600, accepted, "exactly the unmutated low-S signatures verify");
    }

    @Test
    void verifyBatch_everyWycheproofCase_agreesWithPlain() {
        JsonNode root = SharedVectors.wycheproof("ecdsa_secp256r1_sha256_p1363_test.json");
        HexFormat hex = HexFormat.of();
        // One batch per message length, as a batch has one signature offset; keys mixed.
        Map<Integer, List<Entry>> byLength = new TreeMap<>();
        for (JsonNode group : root.get("testGroups")) {
            ECPoint point = PublicKeyEncoding.decodePoint(hex.parseHex(group.get("publicKey").get("uncompressed").asText()));
            ECPublicKeyParameters key = new ECPublicKeyParameters(point, P256.DOMAIN);
            FastEcdsaP256Verifier fast = FastEcdsaP256Verifier.forKey(point);
            for (JsonNode test : group.get("tests")) {
                byte[] message = hex.parseHex(test.get("msg").asText());
                byte[] signature = hex.parseHex(test.get("sig").asText());
                byte[] payload = new byte[message.length + signature.length];
                System.arraycopy(message, 0, payload, 0, message.length);
                System.arraycopy(signature, 0, payload, message.length, signature.length);
                byLength.computeIfAbsent(message.length, n -> new ArrayList<>())
                        .add(new Entry(key, fast, payload, message.length, "tcId " + test.get("tcId").asInt() + ": " + test.get("comment").asText()));
            }
        }
        int accepted = 0;
        for (Map.Entry<Integer, List<Entry>> batch : byLength.entrySet()) {
            accepted += assertBatchAgrees(batch.getValue(), batch.getKey());
        }
        assertTrue(accepted > 10, "accepted Wycheproof cases: " + accepted);
    }

    private static int assertBatchAgrees(List<Entry> entries, int signatureOffset) {
        FastEcdsaP256Verifier[] keys = new FastEcdsaP256Verifier[entries.size()];
        byte[][] payloads = new byte[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            keys[i] = entries.get(i).fast();
            payloads[i] = entries.get(i).payload();
        }
        boolean[] results = FastEcdsaP256Verifier.verifyBatch(keys, payloads, signatureOffset);
        int accepted = 0;
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(entries.get(i).plain(), results[i], entries.get(i).what());
            accepted += results[i] ? 1 : 0;
        }
        return accepted;
    }
}
