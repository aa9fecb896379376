package dev.greenlight.codec;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import dev.greenlight.codec.internal.wire.Base45;
import dev.greenlight.codec.internal.wire.PayloadV1;
import dev.greenlight.codec.internal.wire.TextForm;
import dev.greenlight.codec.internal.ec.EcdsaP256;
import dev.greenlight.codec.internal.ec.P256;
import dev.greenlight.codec.internal.ec.sign.EcdsaP256Signer;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * Fixed keys, secret, clock and codes shared by the hostile-input tests (fuzzing, mutation,
 * resource bounds, zbar interop). Everything is deterministic (fixed serials, RFC 6979
 * signatures), so the committed fuzz corpus holds exactly the codes these methods issue, and a
 * fuzz target can tell a genuine code from a forgery by comparing with {@link #validTexts()}.
 *
 * <p>The private keys below are test keys, published here on purpose: never trust them elsewhere.
 */
final class FuzzFixtures {

    private static final String ISSUER_KEY_PEM = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgNgqcvhvTp//+1Pxm
            ospqHhkpfPp+SRct0Mt3SmmyRI+hRANCAAR3yyknDD66mvm6MgBdSfsYXidG02eP
            mntAO2sPTMktTO7b0c0Z/31jF7AWcJllSNfxLGaBO8sPxBxxyqmYYbUd
            -----END PRIVATE KEY-----
            """;
    private static final String UNTRUSTED_KEY_PEM = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgfZhgtqYDVjlUm8fs
            sdEXpypeUEwWEOXfwY/hLkiJHp6hRANCAASqUjoAlKjZB8l6KwTDg2uW7DlmbrfE
            1+E5YN6u0Ao+Vtmf8ms8aBGMIe33B1CspBTHbIgckXdma9hm+CYcp0UN
            -----END PRIVATE KEY-----
            """;

    static final ECPrivateKey ISSUER_KEY = PemKeys.privateKeyFromPem(ISSUER_KEY_PEM);
    static final ECPublicKey ISSUER_PUBLIC_KEY = P256KeyPairs.publicKeyOf(ISSUER_KEY);
    static final ECPrivateKey UNTRUSTED_KEY = PemKeys.privateKeyFromPem(UNTRUSTED_KEY_PEM);

    static final IdentitySecret SECRET = IdentitySecret.of(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    static final Instant ISSUED_AT = Instant.parse("2026-03-01T08:00:00Z");
    static final Instant VERIFIED_AT = ISSUED_AT.plus(Duration.ofHours(1));

    private static final List<IssuedCode> VALID_CODES = List.of(
            issue(ISSUER_KEY, Identity.chineseResidentId("11010519491231002X"), Colour.GREEN,
                    ISSUED_AT, Duration.ofHours(24), 0x0123_4567_89AB_CDEFL),
            issue(ISSUER_KEY, Identity.passport("FRA", "18AV12345"), Colour.YELLOW,
                    ISSUED_AT, Duration.ofHours(2), 0x7FFF_FFFF_FFFF_FFFFL),
            issue(ISSUER_KEY, Identity.passport("CHN", "E12345678"), Colour.RED,
                    ISSUED_AT.minus(Duration.ofMinutes(30)), Duration.ofMinutes(65535), -1L));
    private static final Set<String> VALID_TEXTS = VALID_CODES.stream().map(IssuedCode::text)
            .collect(Collectors.toUnmodifiableSet());

    private FuzzFixtures() {
    }

    /** A verifier trusting only {@link #ISSUER_PUBLIC_KEY}, an hour after the codes were issued. */
    static Verifier verifier() {
        return Verifier.builder(TrustedKeys.of(ISSUER_PUBLIC_KEY), Clock.fixed(VERIFIED_AT, ZoneOffset.UTC))
                .build();
    }

    /** Three valid codes (green, yellow, red; different serials, times and validities). */
    static List<IssuedCode> validCodes() {
        return VALID_CODES;
    }

    static Set<String> validTexts() {
        return VALID_TEXTS;
    }

    static IssuedCode issue(ECPrivateKey key, Identity identity, Colour colour, Instant issuedAt,
                            Duration validity, long serial) {
        Issuer issuer = Issuer.builder(SECRET, Clock.fixed(issuedAt, ZoneOffset.UTC))
                .signingKey(key)
                .build();
        return issuer.sign(SECRET.pseudonymOf(identity), colour, issuedAt, validity, new Serial(serial));
    }

    /** The payload bytes of a code text (the text must be well formed). */
    static byte[] payloadOf(String text) {
        return Base45.getDecoder().decode(text, TextForm.PREFIX.length(), text.length());
    }

    static String textOf(byte[] payload) {
        return TextForm.encode(payload);
    }

    /**
     * Re-signs the first {@link PayloadV1#SIGNED_BYTES} bytes of {@code payload} with the issuer
     * key: how a test builds a correctly signed code whose fields the format forbids.
     */
    static byte[] resign(byte[] payload) {
        byte[] copy = payload.clone();
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(ISSUER_KEY.getS(), P256.DOMAIN);
        byte[] signature = EcdsaP256Signer.sign(key, copy, 0, PayloadV1.SIGNED_BYTES);
        System.arraycopy(signature, 0, copy, PayloadV1.OFFSET_SIGNATURE, signature.length);
        return copy;
    }

    /** The same signature with s replaced by n - s: valid ECDSA, but high S, which the spec forbids. */
    static byte[] withHighS(byte[] payload) {
        byte[] copy = payload.clone();
        BigInteger s = EcdsaP256.scalar(copy, PayloadV1.OFFSET_SIGNATURE + P256.SCALAR_BYTES);
        byte[] highS = BigIntegers.asUnsignedByteArray(P256.SCALAR_BYTES, P256.ORDER.subtract(s));
        System.arraycopy(highS, 0, copy, PayloadV1.OFFSET_SIGNATURE + P256.SCALAR_BYTES, P256.SCALAR_BYTES);
        return copy;
    }
}
