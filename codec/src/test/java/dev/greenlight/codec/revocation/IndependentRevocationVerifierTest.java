package dev.greenlight.codec.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.codec.IndependentScripts;
import dev.greenlight.codec.SpecVectors;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code specs/independent/verify_revocations.py}, a clean-room reader of section 16 in
 * another language, written from the specification's text and the vectors alone, over
 * {@code revocations.json}: it catches a vector file, or a text, that another reader could not
 * follow. Skipped where there is no python3.
 */
class IndependentRevocationVerifierTest {

    @Test
    void independentPythonReader_agreesWithEveryRevocationCase() throws Exception {
        int passed = IndependentScripts.passedCases("verify_revocations.py");

        JsonNode vectors = SpecVectors.read(RevocationVectorGenerator.FILE);
        // Each case, and each list's payload against its JWS.
        assertEquals(vectors.get("cases").size() + vectors.get("lists").size(), passed);
    }
}
