package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import dev.greenlight.codec.trust.Freshness;
import dev.greenlight.codec.trust.TrustList;
import dev.greenlight.codec.trust.TrustListEntry;
import dev.greenlight.codec.trust.TrustListException;
import dev.greenlight.codec.trust.TrustListVerifier;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code specs/vectors/trust-lists.json} against the codec: every list verifies or is refused as
 * the file says, every code case gets its verdict under its list's keys, and the committed file is
 * exactly what {@link TrustListVectorGenerator} produces.
 */
class TrustListVectorsTest {

    private static JsonNode file() {
        return SpecVectors.read(TrustListVectorGenerator.FILE);
    }

    static Stream<Named<JsonNode>> listCases() {
        return SpecVectors.byId(file().get("lists"));
    }

    static Stream<Named<JsonNode>> codeCases() {
        return SpecVectors.byId(file().get("codes"));
    }

    @Test
    void committedFile_equalsWhatTheCodeProduces() throws IOException {
        SpecVectors.assertCommittedFilesEqual(Map.of(TrustListVectorGenerator.FILE, new TrustListVectorGenerator().file()));
    }

    @ParameterizedTest
    @MethodSource("listCases")
    void verify_listCase_givesExpectedResult(JsonNode c) {
        JsonNode expected = c.get("expected");
        try {
            TrustList list = verify(c);
            assertEquals("valid", expected.get("result").asText(), () -> "accepted, expected " + expected);
            assertEquals(expected.get("sequence").asLong(), list.sequence());
            assertEquals(expected.get("warning").asBoolean(), list.warning().isPresent(), () -> list.warning().toString());
            JsonNode keys = expected.get("keys");
            assertEquals(keys.size(), list.entries().size());
            for (int i = 0; i < keys.size(); i++) {
                TrustListEntry entry = list.entries().get(i);
                assertEquals(keys.get(i).get("keyId").asText(), entry.keyId().toString());
                assertEquals(keys.get(i).get("issuer").asText(), entry.issuer());
                assertEquals(keys.get(i).get("region").asText(), entry.region());
                assertEquals(Instant.parse(keys.get(i).get("notBefore").asText()), entry.window().notBefore());
                assertEquals(Instant.parse(keys.get(i).get("notAfter").asText()), entry.window().notAfter());
            }
        } catch (TrustListException e) {
            assertEquals("rejected", expected.get("result").asText(), () -> "refused (" + e.reason() + ": " + e.getMessage() + ")");
            assertEquals(expected.get("reason").asText(), e.reason().name(), e::getMessage);
        }
    }

    @ParameterizedTest
    @MethodSource("codeCases")
    void verify_codeUnderList_givesExpectedResult(JsonNode c) throws TrustListException {
        JsonNode listCase = null;
        for (JsonNode candidate : file().get("lists")) {
            if (candidate.get("id").asText().equals(c.get("list").asText())) {
                listCase = candidate;
            }
        }
        if (listCase == null) {
            fail("no list case " + c.get("list"));
            return;
        }
        TrustList list = verify(listCase);
        Verifier verifier = Verifier.builder(list.keys(), Clock.fixed(Instant.parse(c.get("clock").asText()), ZoneOffset.UTC))
                .clockSkew(Duration.ofSeconds(c.get("clockSkewSeconds").asLong())).build();
        VerificationResult result = verifier.verify(c.get("text").asText());
        JsonNode expected = c.get("expected");
        if ("valid".equals(expected.get("result").asText())) {
            assertTrue(result.isValid(), result::toString);
            assertEquals(Instant.parse(c.get("issuedAt").asText()), result.code().claims().issuedAt());
        } else {
            assertEquals(expected.get("reason").asText(), result.reason().name(), result::toString);
        }
    }

    @Test
    void listCases_coverEveryReasonButSize() {
        Set<TrustListException.Reason> covered = EnumSet.noneOf(TrustListException.Reason.class);
        Map<String, Integer> results = new HashMap<>();
        file().get("lists").forEach(c -> {
            results.merge(c.get("expected").get("result").asText(), 1, Integer::sum);
            if (c.get("expected").has("reason")) {
                covered.add(TrustListException.Reason.valueOf(c.get("expected").get("reason").asText()));
            }
        });
        // A list over 1 MiB would make the file 1 MiB: TrustListTest feeds the size cap.
        assertEquals(EnumSet.complementOf(EnumSet.of(TrustListException.Reason.TOO_LARGE)), covered);
        assertTrue(results.get("valid") >= 8 && results.get("rejected") >= 40, results::toString);
    }

    private static TrustList verify(JsonNode c) throws TrustListException {
        JsonNode root = file().get("roots").get(c.get("root").asText());
        TrustListVerifier verifier = TrustListVerifier.of(PemKeys.publicKeyFromPem(root.get("publicKeySpkiPem").asText()),
                Clock.fixed(Instant.parse(c.get("clock").asText()), ZoneOffset.UTC),
                Freshness.valueOf(c.get("freshness").asText().toUpperCase(Locale.ROOT)));
        OptionalLong highest = c.has("highestAccepted") ? OptionalLong.of(c.get("highestAccepted").asLong()) : OptionalLong.empty();
        return verifier.verify(c.get("jws").asText(), highest);
    }
}
