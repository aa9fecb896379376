package dev.greenlight.codec.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.Serial;
import dev.greenlight.codec.SpecVectors;
import dev.greenlight.codec.internal.Hex;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code specs/vectors/revocations.json} against the codec: each case read from the committed file
 * to its expected result, and the file exactly what {@link RevocationVectorGenerator} produces.
 */
class RevocationVectorsTest {

    static JsonNode document() {
        return SpecVectors.read(RevocationVectorGenerator.FILE);
    }

    static Stream<Named<JsonNode>> cases() {
        return SpecVectors.byId(document().get("cases"));
    }

    @Test
    void committedVectors_equalWhatTheCodeProduces() throws IOException {
        SpecVectors.assertCommittedFilesEqual(new RevocationVectorGenerator().files());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachCase_givesItsExpectedResult(JsonNode c) throws IOException {
        JsonNode doc = document();
        ECPublicKey root = PemKeys.publicKeyFromPem(doc.get("root").get("publicKeyPem").asText());
        List<String> texts = new ArrayList<>();
        c.get("lists").forEach(name -> texts.add(doc.get("lists").get(name.asText()).get("jws").asText()));
        Long highest = c.has("highestAccepted") ? c.get("highestAccepted").asLong() : null;
        JsonNode expected = c.get("expected");

        if (expected.get("result").asText().equals("refused")) {
            RevocationListException e = assertThrows(RevocationListException.class, () -> RevocationVectorGenerator.evaluate(texts, highest, root));
            assertEquals(expected.get("reason").asText(), e.reason().name(), e.getMessage());
            return;
        }
        RevocationSet set;
        try {
            set = RevocationVectorGenerator.evaluate(texts, highest, root);
        } catch (RevocationListException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        assertEquals(expected.get("sequence").asLong(), set.sequence());
        assertEquals(expected.get("serialCount").asInt(), set.serialCount());
        assertEquals(expected.get("keyCount").asInt(), set.keyCount());
        for (JsonNode check : expected.get("checks")) {
            KeyId key = KeyId.parse(check.get("keyId").asText());
            Serial serial = Serial.parse(check.get("serial").asText());
            assertEquals(check.get("revoked").asBoolean(), set.isRevoked(key, serial), key + "/" + serial);
        }
    }

    @Test
    void everyListsPayload_isWhatItsJwsSigned() throws IOException {
        JsonNode lists = document().get("lists");
        lists.fields().forEachRemaining(entry -> {
            String payloadPart = entry.getValue().get("jws").asText().split("\\.")[1];
            byte[] payload = java.util.Base64.getUrlDecoder().decode(payloadPart);
            assertEquals(entry.getValue().get("payload").asText(), Hex.formatHex(payload), entry.getKey());
        });
    }
}
