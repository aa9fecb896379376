package dev.greenlight.codec.revocation;

import dev.greenlight.codec.IndependentScripts;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code specs/independent/verify_revocations.py}, a clean-room reader of section 16 in
 * another language, written from the specification's text and the vectors alone, over
 * {@code revocations.json}: it catches a vector file, or a text, that another reader could not
 * follow. Each case counts, and each list (its payload against its JWS). Skipped where there is no
 * python3.
 */
class IndependentRevocationVerifierTest {

    @Test
    void independentPythonReader_agreesWithEveryRevocationCase() throws Exception {
        IndependentScripts.assertPassesEveryCase("verify_revocations.py", RevocationVectorGenerator.FILE, "cases", "lists");
    }
}
