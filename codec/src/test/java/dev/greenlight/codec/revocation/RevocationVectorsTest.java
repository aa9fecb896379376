package dev.greenlight.codec.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.PemKeys;
import dev.greenlight.codec.Serial;
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

    static Path vectorsDir() {
        String configured = System.getProperty("greenlight.specs.dir");
        return (configured != null ? Path.of(configured) : Path.of("..", "specs")).resolve("vectors");
    }

    static JsonNode document() throws IOException {
        return RevocationVectorGenerator.JSON.readTree(vectorsDir().resolve(RevocationVectorGenerator.FILE).toFile());
    }

    static Stream<Named<JsonNode>> cases() throws IOException {
        List<Named<JsonNode>> cases = new ArrayList<>();
        document().get("cases").forEach(c -> cases.add(Named.of(c.get("id").asText(), c)));
        return cases.stream();
    }

    @Test
    void committedVectors_equalWhatTheCodeProduces() throws IOException {
        Map<String, String> generated = new RevocationVectorGenerator().files();
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path committed = vectorsDir().resolve(file.getKey());
            if (Boolean.getBoolean("greenlight.vectors.write")) {
                Files.writeString(committed, file.getValue());
            }
            assertTrue(Files.isRegularFile(committed), () -> "Missing spec vector file " + committed);
            assertEquals(file.getValue(), Files.readString(committed),
                    () -> committed + " differs from what the code produces: a format change must update the spec "
                            + "(regenerate with -Dgreenlight.vectors.write=true and review the diff)");
        }
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
