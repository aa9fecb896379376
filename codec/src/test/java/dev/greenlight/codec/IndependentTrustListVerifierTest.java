package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python trust-list verifier ({@code specs/independent/verify_trust_lists.py}, written
 * clean-room from section 15 of the specification and the vectors alone) over
 * {@code trust-lists.json}: a second implementation that reaches every vector's verdict. Skipped
 * where there is no python3.
 */
class IndependentTrustListVerifierTest {

    @Test
    void independentPythonVerifier_agreesWithEveryTrustListVector() throws Exception {
        int passed = IndependentScripts.passedCases("verify_trust_lists.py");

        JsonNode vectors = SpecVectors.read(TrustListVectorGenerator.FILE);
        assertEquals(vectors.get("lists").size() + vectors.get("codes").size(), passed);
    }
}
