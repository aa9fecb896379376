package dev.greenlight.codec.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import dev.greenlight.codec.Colour;
import dev.greenlight.codec.Identity;
import dev.greenlight.codec.IdentitySecret;
import dev.greenlight.codec.Issuer;
import dev.greenlight.codec.KeyId;
import dev.greenlight.codec.P256KeyPairs;
import dev.greenlight.codec.RejectionReason;
import dev.greenlight.codec.SigningWindow;
import dev.greenlight.codec.VerificationResult;
import dev.greenlight.codec.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustListTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair ROOT = P256KeyPairs.generate(RANDOM);
    private static final KeyPair ISSUER_A = P256KeyPairs.generate(RANDOM);
    private static final KeyPair ISSUER_B = P256KeyPairs.generate(RANDOM);
    private static final Instant ISSUED = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant HAND_OVER = Instant.parse("2026-05-01T06:00:00Z");
    private static final Identity HOLDER = Identity.chineseResidentId("11010519491231002X");
    private static final IdentitySecret SECRET = IdentitySecret.generate(RANDOM);

    private static TrustListEntry entry(KeyPair pair, Instant notBefore, Instant notAfter) {
        return new TrustListEntry((ECPublicKey) pair.getPublic(), "Shanghai Municipal Health Commission", "310000",
                new SigningWindow(notBefore, notAfter));
    }

    private static TrustListDocument document(long sequence) {
        return new TrustListDocument(sequence, ISSUED, Duration.ofDays(7), List.of(
                entry(ISSUER_A, Instant.parse("2026-01-01T00:00:00Z"), HAND_OVER),
                entry(ISSUER_B, HAND_OVER, Instant.parse("2027-01-01T00:00:00Z"))));
    }

    /** The trust list of {@link #document} verified an hour after the hand-over, and a code verifier on its keys. */
    private static final Instant AFTER_HAND_OVER = HAND_OVER.plus(Duration.ofHours(1));

    private static TrustList verifiedList() throws TrustListException {
        return verifier(AFTER_HAND_OVER, Freshness.STRICT).verify(document(3).sign((ECPrivateKey) ROOT.getPrivate()));
    }

    private static Verifier codeVerifier(TrustList list) {
        return Verifier.builder(list.keys(), Clock.fixed(AFTER_HAND_OVER, ZoneOffset.UTC)).build();
    }

    private static TrustListVerifier verifier(Instant now, Freshness freshness) {
        return TrustListVerifier.of((ECPublicKey) ROOT.getPublic(), Clock.fixed(now, ZoneOffset.UTC), freshness);
    }

    private static String code(KeyPair issuer, Instant issuedAt) {
        Issuer signer = Issuer.builder(SECRET, Clock.fixed(issuedAt, ZoneOffset.UTC))
                .signingKey((ECPrivateKey) issuer.getPrivate())
                .build();
        return signer.issue(HOLDER, Colour.GREEN).text();
    }

    @Test
    void verify_listSignedWithTheLibrary_givesItsKeysWithTheirWindows() throws TrustListException {
        TrustList list = verifiedList();
        Verifier codes = codeVerifier(list);

        assertEquals(3, list.sequence());
        assertEquals(Duration.ofHours(7), list.age(AFTER_HAND_OVER));
        assertTrue(codes.verify(code(ISSUER_A, HAND_OVER.minusSeconds(1))).isValid());
        assertTrue(codes.verify(code(ISSUER_B, HAND_OVER)).isValid());
        VerificationResult late = codes.verify(code(ISSUER_A, HAND_OVER));
        assertEquals(RejectionReason.OUTSIDE_KEY_WINDOW, late.reason());
        assertEquals(RejectionReason.UNKNOWN_KEY, codes.verify(code(ROOT, HAND_OVER)).reason());
    }

    @Test
    void toJson_readBackUnverified_givesTheSameDocument() throws TrustListException {
        TrustListDocument document = document(12);

        TrustListDocument read = TrustListDocument.parseUnverified(document.toJson());

        assertEquals(document.toJson(), read.toJson());
        assertEquals(document.entries(), read.entries());
    }

    @Test
    void verify_sameListTwice_hasTheSameDigestAndAnotherSignatureAnother() throws TrustListException {
        TrustListDocument document = document(3);
        String first = document.sign((ECPrivateKey) ROOT.getPrivate());
        String second = document.sign((ECPrivateKey) ROOT.getPrivate());
        TrustListVerifier verifier = verifier(ISSUED, Freshness.STRICT);

        assertEquals(verifier.verify(first).sha256(), verifier.verify(first).sha256());
        // ECDSA in JWS draws a fresh nonce: the same content signed twice is two documents.
        assertFalse(verifier.verify(first).sha256().equals(verifier.verify(second).sha256()));
    }

    @Test
    void verify_withTheLineEndAFileAdds_isTheSameListAndDigest() throws TrustListException {
        String jws = document(3).sign((ECPrivateKey) ROOT.getPrivate());
        TrustListVerifier verifier = verifier(ISSUED, Freshness.STRICT);
        String digest = verifier.verify(jws).sha256();

        assertEquals(digest, verifier.verify(jws + "\n").sha256());
        assertEquals(digest, verifier.verify(jws + "\r\n").sha256());
        // One line end is the file's; a second, or a space, is part of a text that is no JWS.
        for (String damaged : List.of(jws + "\n\n", jws + " ", "\n" + jws)) {
            assertEquals(TrustListException.Reason.SIGNATURE, assertThrows(TrustListException.class, () -> verifier.verify(damaged)).reason());
        }
    }

    @Test
    void verify_atTheSizeCap_isReadAndOneMoreCharacterRefusedFirst() {
        String atCap = "a".repeat(TrustListVerifier.MAX_LIST_CHARS);
        String over = atCap + "a";
        TrustListVerifier verifier = verifier(ISSUED, Freshness.STRICT);

        assertEquals(TrustListException.Reason.SIGNATURE, assertThrows(TrustListException.class, () -> verifier.verify(atCap)).reason());
        assertEquals(TrustListException.Reason.TOO_LARGE, assertThrows(TrustListException.class, () -> verifier.verify(over)).reason());
    }

    @Test
    void verify_listOfMaxKeys_loadsAndOneMoreIsRefusedBeforeAnyKeyIsRead() throws TrustListException {
        List<TrustListEntry> entries = new ArrayList<>();
        for (int i = 0; i < TrustListDocument.MAX_KEYS; i++) {
            entries.add(entry(P256KeyPairs.generate(RANDOM), ISSUED, HAND_OVER));
        }
        TrustListDocument full = new TrustListDocument(1, ISSUED, Duration.ofDays(1), entries);
        String jws = full.sign((ECPrivateKey) ROOT.getPrivate());
        TrustListVerifier verifier = verifier(ISSUED, Freshness.STRICT);

        long start = System.nanoTime();
        TrustList list = verifier.verify(jws);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("A list of " + TrustListDocument.MAX_KEYS + " keys (" + jws.length() + " characters) verified and loaded in "
                + millis + " ms");
        assertEquals(TrustListDocument.MAX_KEYS, list.entries().size());
        assertFalse(list.keys().keysFor(entries.get(TrustListDocument.MAX_KEYS - 1).keyId()).isEmpty());

        entries.add(entry(P256KeyPairs.generate(RANDOM), ISSUED, HAND_OVER));
        assertThrows(IllegalArgumentException.class, () -> full.withEntries(entries));
        // A signer that ignores the cap: the JSON of 1,025 entries, signed, refused for their number.
        String json = full.withEntries(List.of()).toJson();
        StringBuilder many = new StringBuilder(json.substring(0, json.length() - 2));
        String one = document(1).toJson();
        String firstEntry = one.substring(one.indexOf("{\"issuer\""), one.indexOf(",{\"issuer\""));
        for (int i = 0; i <= TrustListDocument.MAX_KEYS; i++) {
            many.append(i == 0 ? "" : ",").append(firstEntry);
        }
        String tooMany = dev.greenlight.codec.internal.jws.CompactJws.sign(many.append("]}").toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8), TrustListDocument.TYPE, null, ROOT.getPrivate(), null);
        TrustListException e = assertThrows(TrustListException.class, () -> verifier.verify(tooMany));
        assertEquals(TrustListException.Reason.TOO_MANY_KEYS, e.reason(), e.getMessage());
    }

    @Test
    void verify_freshness_staleFromIssuedAtPlusMaxAgeOnStrictlyAndWarnedLeniently() throws TrustListException {
        String jws = document(3).sign((ECPrivateKey) ROOT.getPrivate());
        Instant staleAt = ISSUED.plus(Duration.ofDays(7));

        TrustList fresh = verifier(staleAt.minusMillis(1), Freshness.STRICT).verify(jws);
        assertTrue(fresh.warning().isEmpty());
        assertFalse(fresh.isStaleAt(staleAt.minusMillis(1)));
        assertTrue(fresh.isStaleAt(staleAt));
        TrustListException stale = assertThrows(TrustListException.class, () -> verifier(staleAt, Freshness.STRICT).verify(jws));
        assertEquals(TrustListException.Reason.STALE, stale.reason());
        TrustList lenient = verifier(staleAt.plus(Duration.ofDays(3)), Freshness.LENIENT).verify(jws);
        assertTrue(lenient.warning().orElseThrow().contains("10d old"), lenient.warning().orElseThrow());
    }

    @Test
    void verify_rollback_lowerRefusedEqualAndHigherAccepted() throws TrustListException {
        String jws = document(5).sign((ECPrivateKey) ROOT.getPrivate());
        TrustListVerifier verifier = verifier(ISSUED, Freshness.STRICT);

        assertEquals(TrustListException.Reason.ROLLBACK,
                assertThrows(TrustListException.class, () -> verifier.verify(jws, OptionalLong.of(6))).reason());
        assertEquals(5, verifier.verify(jws, OptionalLong.of(5)).sequence());
        assertEquals(5, verifier.verify(jws, OptionalLong.of(0)).sequence());
    }

    @Test
    void constructor_sameKeyTwice_isRefused() {
        List<TrustListEntry> twice = new ArrayList<>(document(1).entries());
        twice.add(entry(ISSUER_A, Instant.parse("2028-01-01T00:00:00Z"), Instant.parse("2029-01-01T00:00:00Z")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> document(1).withEntries(twice));
        assertTrue(e.getMessage().contains(KeyId.of((ECPublicKey) ISSUER_A.getPublic()).toString()), e.getMessage());
    }

    @Test
    void constructor_outOfRangeValues_areRefused() {
        List<TrustListEntry> none = List.of();
        assertThrows(IllegalArgumentException.class, () -> document(-1));
        assertThrows(IllegalArgumentException.class, () -> document(TrustListDocument.MAX_SEQUENCE + 1));
        assertThrows(IllegalArgumentException.class, () -> new TrustListDocument(1, ISSUED, Duration.ofSeconds(59), none));
        assertThrows(IllegalArgumentException.class, () -> new TrustListDocument(1, ISSUED, Duration.ofSeconds(90).plusMillis(1), none));
        assertThrows(IllegalArgumentException.class, () -> new TrustListDocument(1, ISSUED.plusMillis(1), Duration.ofDays(1), none));
        assertThrows(NullPointerException.class, () -> new TrustListDocument(1, ISSUED, null, none));
        assertEquals(TrustListDocument.MAX_SEQUENCE, document(TrustListDocument.MAX_SEQUENCE).sequence());
    }

    @ParameterizedTest
    @ValueSource(strings = {"110000", "110105", "440300", "820000", "650102"})
    void entry_regionOfAProvince_isAccepted(String region) {
        assertTrue(TrustListEntry.isRegionCode(region));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11000", "1100000", "100000", "990000", "000000", "72000", "１１００００", "11000a"})
    void entry_regionNotGbt2260_isRefused(String region) {
        assertFalse(TrustListEntry.isRegionCode(region));
        assertThrows(IllegalArgumentException.class, () -> new TrustListEntry((ECPublicKey) ISSUER_A.getPublic(), "X", region,
                new SigningWindow(ISSUED, HAND_OVER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " leading", "trailing ", "tab\there", "bell\u0007", "bidi\u202Eevil", "line\u2028sep", "c1\u0085", "\u3000ideographic", "no-break\u00a0"})
    void entry_issuerNameThatCouldDisguiseItself_isRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> new TrustListEntry((ECPublicKey) ISSUER_A.getPublic(), name, "110000",
                new SigningWindow(ISSUED, HAND_OVER)));
    }

    @Test
    void entry_windowOutsideCodeTimes_isRefused() {
        ECPublicKey key = (ECPublicKey) ISSUER_A.getPublic();
        assertThrows(IllegalArgumentException.class, () -> new TrustListEntry(key, "X", "110000",
                new SigningWindow(Instant.EPOCH.minusSeconds(1), HAND_OVER)));
        assertThrows(IllegalArgumentException.class, () -> new TrustListEntry(key, "X", "110000",
                new SigningWindow(ISSUED, TrustListDocument.LATEST.plusSeconds(1))));
        assertThrows(IllegalArgumentException.class, () -> new TrustListEntry(key, "X", "110000",
                new SigningWindow(ISSUED.plusMillis(500), HAND_OVER)));
        assertEquals(TrustListDocument.LATEST, new TrustListEntry(key, "X", "110000",
                new SigningWindow(Instant.EPOCH, TrustListDocument.LATEST)).window().notAfter());
    }

    @Test
    void verify_oneListFromManyThreads_givesTheSameVerdicts() throws Exception {
        Verifier codes = codeVerifier(verifiedList());
        String valid = code(ISSUER_B, HAND_OVER);
        String late = code(ISSUER_A, HAND_OVER);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    if (!codes.verify(valid).isValid() || codes.verify(late).reason() != RejectionReason.OUTSIDE_KEY_WINDOW) {
                        failures.add(new AssertionError("wrong verdict at " + i));
                        return;
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(failures.isEmpty(), failures::toString);
    }
}
