package dev.greenlight.codec;

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
        IndependentScripts.assertPassesEveryCase("verify_trust_lists.py", TrustListVectorGenerator.FILE, "lists", "codes");
    }
}
