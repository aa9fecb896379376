package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Verifier#verifyAll} must give, code for code, what {@link Verifier#verify} gives. */
class VerifyAllTest {

    private static final Instant NOW = TestKeys.ISSUED_AT;
    private static final KeyPair PAIR = TestKeys.newKeyPair();
    private static final Identity PERSON = Identity.chineseResidentId("11010519491231002X");

    @Test
    void verifyAll_mixOfEveryOutcome_equalsVerifyOneByOne() {
        List<String> texts = mixedTexts(new Random(7), 700);
        Verifier verifier = TestKeys.verifier(PAIR, NOW);

        assertSameAsOneByOne(verifier, texts);
    }

    @Test
    void verifyAll_keysSharingAnId_triesThemAll() {
        TrustedKey wrong = TrustedKey.of((ECPublicKey) TestKeys.newKeyPair().getPublic());
        TrustedKey right = TrustedKey.of((ECPublicKey) PAIR.getPublic());
        Verifier verifier = TestKeys.verifier(keyId -> List.of(wrong, right), NOW);
        List<String> texts = mixedTexts(new Random(8), 300);

        List<VerificationResult> results = assertSameAsOneByOne(verifier, texts);

        assertTrue(results.stream().anyMatch(r -> r.isValid() && r.code().signer() == right));
    }

    @Test
    void verifyAll_emptyList_isEmpty() {
        assertEquals(List.of(), TestKeys.verifier(PAIR, NOW).verifyAll(List.of()));
    }

    private static List<VerificationResult> assertSameAsOneByOne(Verifier verifier, List<String> texts) {
        List<VerificationResult> all = verifier.verifyAll(texts);
        assertEquals(texts.size(), all.size());
        int valid = 0;
        for (int i = 0; i < texts.size(); i++) {
            VerificationResult one = verifier.verify(texts.get(i));
            VerificationResult batched = all.get(i);
            assertEquals(one.isValid(), batched.isValid(), "code " + i + ": " + texts.get(i));
            assertEquals(one.reason(), batched.reason(), "code " + i);
            assertEquals(one.message(), batched.message(), "code " + i);
            if (one.isValid()) {
                valid++;
                assertEquals(one.code().claims(), batched.code().claims());
                assertEquals(one.code().signer(), batched.code().signer());
                assertEquals(one.code().text(), batched.code().text());
            }
        }
        assertTrue(valid > texts.size() / 4 && valid < texts.size(), valid + " valid of " + texts.size());
        return all;
    }

    /** Valid codes mixed with tampered, foreign, expired, not yet valid and malformed ones. */
    private static List<String> mixedTexts(Random random, int count) {
        Issuer issuer = TestKeys.issuer(PAIR, NOW);
        Issuer stranger = TestKeys.issuer(TestKeys.newKeyPair(), NOW);
        Issuer early = TestKeys.issuer(PAIR, NOW.minus(Duration.ofDays(2)));
        Issuer late = TestKeys.issuer(PAIR, NOW.plus(Duration.ofHours(1)));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = issuer.issue(PERSON, Colour.values()[i % 3]).text();
            switch (random.nextInt(8)) {
                case 0 -> texts.add(flipCharacter(code, 4 + random.nextInt(code.length() - 4), random));
                case 1 -> texts.add(stranger.issue(PERSON, Colour.GREEN).text());
                case 2 -> texts.add(early.issue(PERSON, Colour.GREEN).text());
                case 3 -> texts.add(late.issue(PERSON, Colour.RED).text());
                case 4 -> texts.add(random.nextBoolean() ? "" : code.substring(0, random.nextInt(code.length())));
                default -> texts.add(code);
            }
        }
        return texts;
    }

    private static String flipCharacter(String code, int index, Random random) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        char replacement;
        do {
            replacement = alphabet.charAt(random.nextInt(alphabet.length()));
        } while (replacement == code.charAt(index));
        return code.substring(0, index) + replacement + code.substring(index + 1);
    }
}
