package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerifierTest {

    private static final Instant NOW = TestKeys.ISSUED_AT;
    private static final KeyPair PAIR = TestKeys.newKeyPair();
    private static final Identity PERSON = Identity.chineseResidentId("11010519491231002X");

    @Test
    void verify_atExactExpiry_isExpiredAndOneSecondBeforeIsValid() {
        IssuedCode code = TestKeys.issuer(PAIR, NOW).issue(PERSON, Colour.GREEN, Duration.ofHours(1));
        Instant expiry = code.claims().expiresAt();
        Verifier noSkew = Verifier.builder(TrustedKeys.of((ECPublicKey) PAIR.getPublic()), Clock.fixed(expiry, ZoneOffset.UTC))
                .clockSkew(Duration.ZERO)
                .build();
        Verifier justBefore = Verifier.builder(TrustedKeys.of((ECPublicKey) PAIR.getPublic()),
                Clock.fixed(expiry.minusMillis(1), ZoneOffset.UTC))
                .clockSkew(Duration.ZERO)
                .build();

        assertEquals(RejectionReason.EXPIRED, noSkew.verify(code.text()).reason());
        assertTrue(justBefore.verify(code.text()).isValid());
    }

    @Test
    void verify_clockAtTheEndsOfTime_rejectsWithoutThrowing() {
        IssuedCode code = TestKeys.issuer(PAIR, NOW).issue(PERSON, Colour.GREEN);

        assertEquals(RejectionReason.EXPIRED, TestKeys.verifier(PAIR, Instant.MAX).verify(code.text()).reason());
        assertEquals(RejectionReason.NOT_YET_VALID, TestKeys.verifier(PAIR, Instant.MIN).verify(code.text()).reason());
    }

    @Test
    void signedClaims_timeRejections_carryTheClaimsAndOthersDoNot() {
        IssuedCode code = TestKeys.issuer(PAIR, NOW).issue(PERSON, Colour.YELLOW);

        assertEquals(code.claims(), TestKeys.verifier(PAIR, Instant.MAX).verify(code.text()).signedClaims());
        assertEquals(code.claims(), TestKeys.verifier(PAIR, Instant.MIN).verify(code.text()).signedClaims());
        assertEquals(code.claims(), TestKeys.verifier(PAIR, NOW).verify(code.text()).signedClaims());
        VerificationResult unknownKey = TestKeys.verifier(TestKeys.newKeyPair(), NOW).verify(code.text());
        assertEquals(RejectionReason.UNKNOWN_KEY, unknownKey.reason());
        assertEquals(null, unknownKey.signedClaims());
    }

    @Test
    void clockSkew_aboveTheCap_isRefused() {
        Verifier.Builder builder = Verifier.builder(TrustedKeys.of((ECPublicKey) PAIR.getPublic()), Clock.systemUTC());
        assertThrows(IllegalArgumentException.class, () -> builder.clockSkew(Verifier.MAX_CLOCK_SKEW.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> builder.clockSkew(Duration.ofSeconds(-1)));
        builder.clockSkew(Verifier.MAX_CLOCK_SKEW);
    }

    @Test
    void builder_withoutClockOrKeys_isRefused() {
        KeyResolver keys = TrustedKeys.of((ECPublicKey) PAIR.getPublic());
        assertThrows(NullPointerException.class, () -> Verifier.builder(keys, null));
        assertThrows(NullPointerException.class, () -> Verifier.builder(null, Clock.systemUTC()));
    }

    @Test
    void verify_resolverWithSeveralKeysForTheId_triesEach() {
        IssuedCode code = TestKeys.issuer(PAIR, NOW).issue(PERSON, Colour.RED);
        TrustedKey wrong = TrustedKey.of((ECPublicKey) TestKeys.newKeyPair().getPublic());
        TrustedKey right = TrustedKey.of((ECPublicKey) PAIR.getPublic());
        AtomicInteger lookups = new AtomicInteger();
        KeyResolver sharedId = keyId -> {
            lookups.incrementAndGet();
            return List.of(wrong, right);
        };

        VerificationResult result = TestKeys.verifier(sharedId, NOW).verify(code.text());

        assertTrue(result.isValid(), result::toString);
        assertEquals(right, result.code().signer());
        assertEquals(1, lookups.get());
    }

    @Test
    void verify_resolverWithOnlyWrongKeys_isBadSignature() {
        IssuedCode code = TestKeys.issuer(PAIR, NOW).issue(PERSON, Colour.RED);
        TrustedKey wrong = TrustedKey.of((ECPublicKey) TestKeys.newKeyPair().getPublic());

        VerificationResult result = TestKeys.verifier(keyId -> List.of(wrong), NOW).verify(code.text());

        assertEquals(RejectionReason.BAD_SIGNATURE, result.reason());
        assertThrows(IllegalStateException.class, result::code);
    }

    @Test
    void verifyPayload_bytesOfAValidCode_isValidWithTheSameText() throws Exception {
        IssuedCode code = TestKeys.issuer(PAIR, NOW).issue(PERSON, Colour.YELLOW);
        byte[] payload = dev.greenlight.codec.internal.wire.Base45.getDecoder().decode(code.text(), 4, code.text().length());

        VerificationResult result = TestKeys.verifier(PAIR, NOW).verifyPayload(payload);

        assertTrue(result.isValid(), result::toString);
        assertEquals(code.claims(), result.code().claims());
    }

    @Test
    void inspectUnverified_tamperedCode_showsTheFieldsButVerifyRejects() throws Exception {
        IssuedCode code = TestKeys.issuer(PAIR, NOW).issue(PERSON, Colour.GREEN);
        Verifier verifier = TestKeys.verifier(TrustedKeys.of((ECPublicKey) TestKeys.newKeyPair().getPublic()), NOW);

        UnverifiedCode inspected = Verifier.inspectUnverified(code.text());

        assertEquals(code.claims(), inspected.claims());
        assertFalse(verifier.verify(code.text()).isValid());
        String shortCode = "GL1:" + dev.greenlight.codec.internal.wire.Base45.getEncoder().encodeToString(new byte[] {1, 2});
        CodeFormatException e = assertThrows(CodeFormatException.class, () -> Verifier.inspectUnverified(shortCode));
        assertEquals(RejectionReason.MALFORMED, e.reason());
        CodeFormatException version = assertThrows(CodeFormatException.class, () -> Verifier.inspectUnverified("GL1:BB8"));
        assertEquals(RejectionReason.UNSUPPORTED_VERSION, version.reason(), "BB8 decodes to 0x41 0x42: version 65");
    }

    @Test
    void verify_fromManyThreadsAtOnce_agreesWithSingleThread() throws Exception {
        Issuer issuer = TestKeys.issuer(PAIR, NOW);
        Verifier verifier = TestKeys.verifier(PAIR, NOW);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String text = issuer.issue(PERSON, Colour.values()[i % 3]).text();
            // Every other code tampered, so the threads see both verdicts.
            texts.add(i % 2 == 0 ? text : text.substring(0, 40) + (text.charAt(40) == '0' ? '1' : '0') + text.substring(41));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> verdicts = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String text : texts) {
                    verdicts.add(pool.submit(() -> verifier.verify(text).isValid()));
                }
            }
            for (int i = 0; i < verdicts.size(); i++) {
                assertEquals(i % texts.size() % 2 == 0, verdicts.get(i).get(), "code " + i % texts.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void issue_validityNotWholeMinutesOrOutOfRange_isRefused() {
        Issuer issuer = TestKeys.issuer(PAIR, NOW);
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(PERSON, Colour.GREEN, Duration.ofSeconds(90)));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(PERSON, Colour.GREEN, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(PERSON, Colour.GREEN, Duration.ofMinutes(65536)));
        assertEquals(Duration.ofMinutes(65535),
                issuer.issue(PERSON, Colour.GREEN, Duration.ofMinutes(65535)).claims().validity());
    }

    @Test
    void issue_sameInputsTwice_differsOnlyBySerial() {
        Issuer issuer = TestKeys.issuer(PAIR, NOW);
        IssuedCode first = issuer.issue(PERSON, Colour.GREEN);
        IssuedCode second = issuer.issue(PERSON, Colour.GREEN);

        assertFalse(first.claims().serial().equals(second.claims().serial()));
        assertEquals(first.claims().identityHash(), second.claims().identityHash());
        assertEquals(Issuer.DEFAULT_VALIDITY, first.claims().validity());
    }

    @Test
    void issuer_toString_revealsNoSecret() {
        Issuer issuer = TestKeys.issuer(PAIR, NOW);
        String printed = issuer + " " + IdentitySecret.of(new byte[32]);
        String d = ((java.security.interfaces.ECPrivateKey) PAIR.getPrivate()).getS().toString(16);
        assertFalse(printed.contains(d), printed);
        assertTrue(printed.contains(issuer.keyId().toString()));
    }

    // verifyAll must give, code for code, what verify gives.

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
    void verify_freshKeyOneByOneAcrossItsTablesThreshold_equalsVerifyAll() {
        // Enough codes that the key verifies plainly first, then builds its tables, then uses them.
        List<String> texts = mixedTexts(new Random(9), 160);
        List<VerificationResult> batched = TestKeys.verifier(PAIR, NOW).verifyAll(texts);
        Verifier oneByOne = TestKeys.verifier(PAIR, NOW);

        for (int i = 0; i < texts.size(); i++) {
            VerificationResult one = oneByOne.verify(texts.get(i));
            assertEquals(batched.get(i).isValid(), one.isValid(), "code " + i + ": " + texts.get(i));
            assertEquals(batched.get(i).reason(), one.reason(), "code " + i);
            assertEquals(batched.get(i).message(), one.message(), "code " + i);
        }
    }

    @Test
    void verify_manyThreadsOnAFreshKeyAtOnce_allRight() throws Exception {
        Issuer issuer = TestKeys.issuer(PAIR, NOW);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String text = issuer.issue(PERSON, Colour.values()[i % 3]).text();
            texts.add(i % 2 == 0 ? text : text.substring(0, 40) + (text.charAt(40) == '0' ? '1' : '0') + text.substring(41));
        }
        int threads = 8;
        for (int round = 0; round < 3; round++) {
            // A fresh key each round, so that every round's threads cross the threshold together.
            Verifier verifier = TestKeys.verifier(PAIR, NOW);
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = 7 * t;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int k = 0; k < texts.size(); k++) {
                            int i = (first + k) % texts.size();
                            assertEquals(i % 2 == 0, verifier.verify(texts.get(i)).isValid(), "code " + i);
                        }
                        return null;
                    }));
                }
                for (Future<?> thread : done) {
                    thread.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
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
