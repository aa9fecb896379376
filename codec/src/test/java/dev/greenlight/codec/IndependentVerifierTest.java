package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Runs the clean-room Python verifier ({@code specs/independent/verify_vectors.py}, written from
 * the specification alone) over the spec vectors: a second implementation agreeing with every
 * vector is the evidence that the specification suffices. Skipped where there is no python3.
 */
class IndependentVerifierTest {

    @Test
    void independentPythonVerifier_agreesWithEveryVector() throws Exception {
        int passed = IndependentScripts.passedCases("verify_vectors.py");

        assertTrue(passed >= 60, passed + " cases passed");
    }
}
