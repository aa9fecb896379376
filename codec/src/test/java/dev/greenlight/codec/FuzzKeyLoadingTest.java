package dev.greenlight.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Fuzz targets for every key loader ({@link PemKeys}, {@link JwkKeys}, {@link PointKeys}). Property: a loader returns a usable
 * P-256 key (a verifier can trust it, and it survives a save-and-load round trip) or throws
 * {@link KeyFormatException}; nothing else escapes. Trust files come from outside (a venue's
 * download, an operator's copy-paste), so a loader sees hostile input as often as a verifier does.
 *
 * <p>Every loader runs each input under {@link #HANG_BOUND}. That is not a speed assertion
 * but a hang detector: a backtracking PEM pattern once took minutes on a megabyte, and a key file's
 * own PBKDF2 iteration count half an hour; a linear reader with capped parameters needs
 * milliseconds, so only a return of such a bug can come near the bound.
 *
 * <p>Regression corpus: {@code src/test/resources/dev/greenlight/codec/FuzzKeyLoadingTestInputs/<method>/}.
 * To fuzz one loader for real (see SECURITY.md):
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl codec test -Dtest='FuzzKeyLoadingTest#publicKeysFromJwks_anyText_keyFormatExceptionOnly'
 * </pre>
 */
class FuzzKeyLoadingTest {

    /** Generous: the most expensive legitimate input, an encrypted key at the iteration cap, takes about 2 s. */
    static final Duration HANG_BOUND = Duration.ofSeconds(10);
    /** The passphrase of the encrypted seeds, so that the fuzzer can reach a successful decryption. */
    static final char[] PASSPHRASE = "fuzz passphrase".toCharArray();

    @FuzzTest
    @DictionaryEntries({"-----BEGIN ", "-----END ", "PUBLIC KEY-----", "PRIVATE KEY-----", "EC PRIVATE KEY", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"})
    void publicKeyFromPem_anyText_keyFormatExceptionOnly(byte[] data) {
        ECPublicKey key = loadedOrRefused(() -> PemKeys.publicKeyFromPem(text(data)));
        if (key != null) {
            assertUsable(key);
        }
    }

    @FuzzTest
    @DictionaryEntries({"-----BEGIN ", "-----END ", "PUBLIC KEY-----", "PRIVATE KEY-----", "EC PRIVATE KEY", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"})
    void privateKeyFromPem_anyText_keyFormatExceptionOnly(byte[] data) {
        ECPrivateKey key = loadedOrRefused(() -> PemKeys.privateKeyFromPem(text(data)));
        if (key != null) {
            // A loaded private key must be able to stand behind an issuer, and round-trip through PEM.
            assertUsable(P256KeyPairs.publicKeyOf(key));
            assertEquals(key.getS(), PemKeys.privateKeyFromPem(PemKeys.privateKeyToPem(key)).getS());
        }
    }

    @FuzzTest
    @DictionaryEntries({"-----BEGIN ", "-----END ", "PUBLIC KEY-----", "PRIVATE KEY-----", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"})
    void publicKeysFromPem_anyText_keyFormatExceptionOnly(byte[] data) {
        List<ECPublicKey> keys = loadedOrRefused(() -> PemKeys.publicKeysFromPem(text(data)));
        if (keys != null) {
            assertFalse(keys.isEmpty());
            keys.forEach(FuzzKeyLoadingTest::assertUsable);
        }
    }

    @FuzzTest
    @DictionaryEntries({"-----BEGIN ", "-----END ", "ENCRYPTED PRIVATE KEY-----", "MIH"})
    void encryptedPrivateKeyFromPem_anyText_keyFormatExceptionOnly(byte[] data) {
        ECPrivateKey key = loadedOrRefused(() -> EncryptedPrivateKeys.fromPem(text(data), PASSPHRASE));
        if (key != null) {
            assertUsable(P256KeyPairs.publicKeyOf(key));
        }
    }

    @FuzzTest
    @DictionaryEntries({"{", "}", "[", "]", "null", "true", "\"keys\"", "\"kty\"", "\"EC\"", "\"crv\"", "\"P-256\"", "\"x\"", "\"y\"", "\"d\"", "\"kid\"", "\"x5c\"", "\"use\"", "\"alg\""})
    void publicKeyFromJwk_anyText_keyFormatExceptionOnly(byte[] data) {
        ECPublicKey key = loadedOrRefused(() -> JwkKeys.publicKeyFromJwk(text(data)));
        if (key != null) {
            assertUsable(key);
            assertEquals(key.getW(), JwkKeys.publicKeyFromJwk(JwkKeys.publicKeyToJwk(key)).getW());
        }
    }

    @FuzzTest
    @DictionaryEntries({"{", "}", "[", "]", "null", "true", "\"keys\"", "\"kty\"", "\"EC\"", "\"crv\"", "\"P-256\"", "\"x\"", "\"y\"", "\"d\"", "\"kid\"", "\"x5c\"", "\"use\"", "\"alg\""})
    void publicKeysFromJwks_anyText_keyFormatExceptionOnly(byte[] data) {
        List<ECPublicKey> keys = loadedOrRefused(() -> JwkKeys.publicKeysFromJwks(text(data)));
        if (keys != null) {
            keys.forEach(FuzzKeyLoadingTest::assertUsable);
            assertEquals(keys.size(), JwkKeys.publicKeysFromJwks(JwkKeys.publicKeysToJwks(keys)).size());
        }
    }

    @FuzzTest
    void publicKeyFromSpki_anyBytes_keyFormatExceptionOnly(byte[] der) {
        ECPublicKey key = loadedOrRefused(() -> PemKeys.publicKeyFromSpki(der));
        if (key != null) {
            assertUsable(key);
        }
    }

    @FuzzTest
    void publicKeyFromPoint_anyBytes_keyFormatExceptionOnly(byte[] point) {
        ECPublicKey key = loadedOrRefused(() -> PointKeys.publicKeyFromPoint(point));
        if (key != null) {
            assertUsable(key);
            // Only the two canonical X9.62 forms may load: 04||X||Y (65 bytes) or 02/03||X (33 bytes).
            boolean uncompressed = point.length == 65 && point[0] == 4;
            boolean compressed = point.length == 33 && (point[0] == 2 || point[0] == 3);
            assertFalse(!uncompressed && !compressed, "loaded a point in a non-canonical encoding, prefix byte " + point[0]);
        }
    }

    /**
     * What a loader returned, or null when it refused with a {@link KeyFormatException}: the one
     * refusal allowed, and it must say why. Every load runs under {@link #HANG_BOUND}.
     */
    private static <T> T loadedOrRefused(ThrowingSupplier<T> loader) {
        try {
            return assertTimeoutPreemptively(HANG_BOUND, loader);
        } catch (KeyFormatException e) {
            assertNotNull(e.getMessage());
            return null;
        }
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** A loaded key must be trusted by a verifier and survive a PEM round trip unchanged. */
    private static void assertUsable(ECPublicKey key) {
        TrustedKey trusted = TrustedKey.of(key);
        assertNotNull(trusted.keyId());
        assertEquals(key.getW(), PemKeys.publicKeyFromPem(PemKeys.publicKeyToPem(key)).getW());
    }
}
