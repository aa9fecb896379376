package dev.greenlight.codec.revocation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.codec.IndependentScripts;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code specs/independent/verify_revocations.py}, a second reader of section 16 in another
 * language, over {@code revocations.json}: it catches a vector file that disagrees with the text
 * of the specification. Not clean-room (its README says why). Skipped where there is no python3.
 */
class IndependentRevocationVerifierTest {

    @Test
    void independentPythonReader_agreesWithEveryRevocationCase() throws Exception {
        int passed = IndependentScripts.passedCases("verify_revocations.py");

        assertTrue(passed >= 18, passed + " cases passed");
    }
}
